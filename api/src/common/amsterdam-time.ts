import { NETWORK_TIME_ZONE } from '@casustafel/contract/meeting-rules';
import { DateTime } from 'luxon';

/**
 * Every wall-clock rule of the API in one place: meetings, series, due dates and "today" are meant in
 * Amsterdam (NETWORK_TIME_ZONE), whatever the server's TZ. Moments are stored and exchanged as
 * instants (Date, ISO 8601 with Z); only here are they turned into or out of Amsterdam clock time,
 * with Luxon and the IANA time-zone data of the runtime (ADR 0017).
 */
const zone = NETWORK_TIME_ZONE;

const inAmsterdam = (at: Date): DateTime => DateTime.fromJSDate(at, { zone });

/**
 * An ISO 8601 moment as an instant. With an offset or Z it is that instant; without one
 * ("2026-12-01T09:30") it is Amsterdam clock time, and a date alone is the start of that day in
 * Amsterdam. A clock time that does not exist (02:30 on the night summer time begins) moves forward
 * by the hour that is skipped; one that exists twice (02:30 on the night winter time begins) is the
 * later, winter-time one. Null when the text is not an ISO 8601 moment or names no real date.
 */
export function parseAmsterdamMoment(value: string): Date | null {
  // ISO 8601 allows a space for the T by mutual agreement (and class-validator's IsDateString lets it through).
  const parsed = DateTime.fromISO(value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T'), { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/**
 * The same Amsterdam clock time a number of weeks later: a series planned at 14:00 stays at 14:00
 * across the change to and from summer time (the instants are then 7 × 24 ± 1 hours apart).
 */
export function plusWeeksAmsterdam(at: Date, weeks: number): Date {
  return inAmsterdam(at).plus({ weeks }).toJSDate();
}

/**
 * A number of calendar months later (or earlier, when negative) in Amsterdam, at the same clock time;
 * the 31st becomes the last day of a shorter month. For retention periods, covenant acceptances and
 * role reviews.
 */
export function plusMonthsAmsterdam(at: Date, months: number): Date {
  return inAmsterdam(at).plus({ months }).toJSDate();
}

/** The date (YYYY-MM-DD) in Amsterdam at this moment: "today" for due dates and overdue actions. */
export function dutchDate(at: Date): string {
  return inAmsterdam(at).toISODate()!;
}

/** The year in Amsterdam at this moment (case numbers start again on 1 January, Dutch time). */
export function dutchYear(at: Date): number {
  return inAmsterdam(at).year;
}

/** Whether a day (YYYY-MM-DD) is before today in Amsterdam. */
export function isBeforeDutchToday(day: string, now: Date): boolean {
  return day < dutchDate(now);
}

/** The moment a day (YYYY-MM-DD) begins in Amsterdam. */
export function startOfDutchDay(day: string): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}

/**
 * A filter bound given as a day (YYYY-MM-DD, meant in Dutch time: from its start up to and
 * including its end) or as an ISO 8601 moment (exactly that moment; without an offset it is
 * Amsterdam clock time, see parseAmsterdamMoment).
 */
export function dutchPeriod(value: string): { start: Date; end: { at: Date; exclusive: boolean } } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone }).startOf('day');
    return { start: day.toJSDate(), end: { at: day.plus({ days: 1 }).toJSDate(), exclusive: true } };
  }
  const at = parseAmsterdamMoment(value) ?? new Date(Number.NaN);
  return { start: at, end: { at, exclusive: false } };
}

const formats = {
  /** "23 november 2026" */
  day: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: zone }),
  /** "23 november 2026 om 10:00" */
  moment: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }),
  /** "23 nov 2026, 10:00" */
  shortMoment: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
  /** "10:00" */
  clock: new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
};

/**
 * Noon in Amsterdam of each due date (YYYY-MM-DD) formatted so far, as epoch milliseconds (NaN for no
 * real date). Luxon's zone arithmetic is most of the cost of formatting a date, and a document
 * formats the same few due dates over and over (a PDF of 120 actions: 120 times, issue #15).
 */
const noonOf = new Map<string, number>();
const MAX_NOONS = 10_000;

/** A moment, or a due date (YYYY-MM-DD, the day itself), in Dutch words and Amsterdam time. */
export function formatDutch(at: Date | string, style: keyof typeof formats = 'moment'): string {
  return formats[style].format(typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? noon(at) : new Date(at));
}

function noon(day: string): Date {
  let ms = noonOf.get(day);
  if (ms === undefined) {
    if (noonOf.size >= MAX_NOONS) noonOf.clear();
    ms = DateTime.fromISO(day, { zone }).set({ hour: 12 }).toMillis();
    noonOf.set(day, ms);
  }
  return new Date(ms);
}
