import { NETWORK_TIME_ZONE } from '@casustafel/contract/meeting-rules';

/** Today's date in Amsterdam as YYYY-MM-DD: the earliest due date a new action may have, wherever the browser is. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: NETWORK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The clock time in Amsterdam ("14:02"), for "Opgeslagen 14:02". */
export function timeInAmsterdam(at: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: NETWORK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Whether a value is a calendar date (YYYY-MM-DD, e.g. a corrected due date): shown as "19 januari 2027", not as stored. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * A moment as Amsterdam date and clock time without an offset ("2026-12-01T09:30"): the value of a
 * `datetime-local` field, and what the API reads as Amsterdam time — whatever the browser's time zone.
 */
export function dateTimeInAmsterdam(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: NETWORK_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
