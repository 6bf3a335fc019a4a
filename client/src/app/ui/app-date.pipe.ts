import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService } from '../core/i18n';

const FORMATS: Record<'date' | 'dateTime', Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** Dates in the user's language: "15 januari 2025" (nl-NL) or "15 January 2025" (en-GB). */
@Pipe({ name: 'appDate', pure: false })
export class AppDatePipe implements PipeTransform {
  private readonly languages = inject(LanguageService);

  transform(value: string | Date | null | undefined, format: keyof typeof FORMATS = 'date'): string {
    if (!value) return '';
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
    return new Intl.DateTimeFormat(this.languages.locale(), FORMATS[format]).format(date);
  }
}
