import { todayInAmsterdam } from '../ui/amsterdam-time';

/** The periods one picks with a click; `eigen` is a custom from/to. The names are the URL's (`?periode=dit-jaar`). */
export const PERIOD_PRESETS = ['12-maanden', 'dit-jaar', 'vorig-jaar', 'eigen'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A period of Amsterdam days, both inclusive, as the API takes it (`?from=…&to=…`). */
export interface Period {
  from: string;
  to: string;
}

/** The longest period the API gives figures for (api/src/figures/figures.service.ts, MAX_PERIOD_YEARS). */
export const MAX_PERIOD_YEARS = 3;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a calendar date that exists (2026-02-30 does not). */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The dates of a preset, counted from today in Amsterdam: the last 12 months are the 12 calendar months up to
 * and including this one (so the chart per month has 12 bars), up to today; this year from 1 January up to today;
 * last year the whole calendar year.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'eigen'>, today = todayInAmsterdam()): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case '12-maanden': {
      const start = new Date(Date.UTC(year, month - 1 - 11, 1));
      return { from: start.toISOString().slice(0, 10), to: today };
    }
    case 'dit-jaar':
      return { from: `${year}-01-01`, to: today };
    case 'vorig-jaar':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** What is wrong with a custom period, as the key of a Dutch sentence; null when the API will take it. */
export function periodProblem(from: string | null | undefined, to: string | null | undefined): PeriodProblem | null {
  if (!from) return 'fromRequired';
  if (!isCalendarDate(from)) return 'fromInvalid';
  if (!to) return 'toRequired';
  if (!isCalendarDate(to)) return 'toInvalid';
  if (from > to) return 'fromAfterTo';
  const limit = `${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`;
  if (to >= limit) return 'tooLong';
  return null;
}
export type PeriodProblem = 'fromRequired' | 'fromInvalid' | 'toRequired' | 'toInvalid' | 'fromAfterTo' | 'tooLong';

/** The query parameters of the page as they arrived (a shared link), resolved: the preset, and the period or what is wrong with it. */
export function resolvePeriod(
  preset: string | undefined,
  from: string | undefined,
  to: string | undefined,
  today = todayInAmsterdam(),
): { preset: PeriodPreset; period: Period | null; problem: PeriodProblem | null } {
  const known = (PERIOD_PRESETS as readonly string[]).includes(preset ?? '')
    ? (preset as PeriodPreset)
    : from || to
      ? 'eigen'
      : '12-maanden';
  if (known !== 'eigen') return { preset: known, period: presetPeriod(known, today), problem: null };
  const problem = periodProblem(from, to);
  return { preset: known, period: problem ? null : { from: from!, to: to! }, problem };
}
