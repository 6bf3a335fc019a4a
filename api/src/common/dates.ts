/** Today's date (YYYY-MM-DD) in the Netherlands, where due dates are meant. */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Milliseconds the clock in Amsterdam is ahead of UTC at this moment (3,600,000 or 7,200,000). */
function amsterdamOffset(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The moment a day (YYYY-MM-DD) begins in the Netherlands. */
export function startOfDutchDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, date);
  const guess = midnightUtc - amsterdamOffset(new Date(midnightUtc));
  return new Date(midnightUtc - amsterdamOffset(new Date(guess)));
}

/**
 * A filter bound given as a day (YYYY-MM-DD, meant in Dutch time: from its start up to and
 * including its end) or as an ISO 8601 moment (exactly that moment).
 */
export function dutchPeriod(value: string): { start: Date; end: { at: Date; exclusive: boolean } } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, date] = value.split('-').map(Number);
    const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
    return { start: startOfDutchDay(value), end: { at: startOfDutchDay(next), exclusive: true } };
  }
  const at = new Date(value);
  return { start: at, end: { at, exclusive: false } };
}
