import { inject, Pipe, PipeTransform } from '@angular/core';
import { NETWORK_TIME_ZONE } from '@casustafel/contract/meeting-rules';
import { LanguageService } from '../core/i18n';

/** Every date and time in Amsterdam time, where the meetings take place, whatever the browser's zone. */
const FORMATS: Record<'date' | 'dateTime', Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric', timeZone: NETWORK_TIME_ZONE },
  dateTime: {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: NETWORK_TIME_ZONE,
  },
};

/**
 * Dates in the user's language: "15 januari 2025" (nl-NL) or "15 January 2025" (en-GB), times as
 * Amsterdam's clock shows them. A day without a time (a due date, YYYY-MM-DD) is that day: read as
 * noon UTC, which is the same date in Amsterdam.
 */
@Pipe({ name: 'appDate', pure: false })
export class AppDatePipe implements PipeTransform {
  private readonly languages = inject(LanguageService);

  transform(value: string | Date | null | undefined, format: keyof typeof FORMATS = 'date'): string {
    return formatAppDate(value, this.languages.locale(), format);
  }
}

/** The pipe's formatting, for code that builds a sentence around a date (a notification's title in English). */
export function formatAppDate(value: string | Date | null | undefined, locale: string, format: keyof typeof FORMATS = 'date'): string {
  if (!value) return '';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return formatter(locale, format).format(date);
}

/**
 * One formatter per language and format: building an Intl.DateTimeFormat costs far more than formatting with it,
 * and the pipe runs on every change detection (it is impure, to follow a change of language).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${locale} ${format}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, FORMATS[format])));
  return found;
}
