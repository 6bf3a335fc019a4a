import type { FigureCell, FigureSeries, FigureUnit } from '@casustafel/contract/figures';

/** The smallest count shown: 1 to 4 could point to a person in a small network (docs/privacy-model.md). */
export const MIN_SHOWN = 5;
/** The fewest durations a median or percentile is computed over. */
export const MIN_FOR_DISTRIBUTION = 5;

/** A count as counted, before disclosure control. */
export interface RawRow {
  key: string;
  label: string;
  value: number;
}

const shown = (value: number, unit: FigureUnit = 'count'): FigureCell => ({ value, suppressed: false, unit });
const hidden = (unit: FigureUnit = 'count'): FigureCell => ({ value: null, suppressed: true, unit });

/** Primary suppression of one count on its own: 1 to 4 is hidden, 0 and 5 or more are shown. */
export function countCell(value: number): FigureCell {
  return value > 0 && value < MIN_SHOWN ? hidden() : shown(value);
}

/**
 * A breakdown with its total, protected.
 *
 * Primary: every count from 1 to 4 is hidden, the total too.
 * Secondary, when the rows add up to the total (`additive`): whoever subtracts the shown rows from the
 * shown total learns the sum of the hidden ones. As long as that sum is 1 to 4 — which includes a single
 * hidden row, always 1 to 4 on its own — the smallest shown non-zero row is hidden as well; when no such
 * row is left, the total is hidden. Hiding a 0 never helps (it adds nothing to the hidden sum), so zeros
 * stay shown. A breakdown whose rows overlap (a case with two problem areas) does not add up, so a hidden
 * row cannot be recovered from its total; there only the primary rule applies.
 */
export function protectSeries(rows: RawRow[], total: number, options: { additive: boolean }): FigureSeries {
  const hide = new Set<number>();
  rows.forEach((row, i) => {
    if (row.value > 0 && row.value < MIN_SHOWN) hide.add(i);
  });
  let totalHidden = total > 0 && total < MIN_SHOWN;
  if (options.additive && !totalHidden) {
    for (;;) {
      const hiddenSum = [...hide].reduce((sum, i) => sum + rows[i].value, 0);
      if (hiddenSum === 0 || hiddenSum >= MIN_SHOWN) break;
      const candidates = rows
        .map((row, i) => ({ value: row.value, i }))
        .filter((c) => c.value > 0 && !hide.has(c.i))
        .sort((a, b) => a.value - b.value || a.i - b.i);
      if (candidates.length === 0) {
        totalHidden = true;
        break;
      }
      hide.add(candidates[0].i);
    }
  }
  return {
    rows: rows.map((row, i) => ({ key: row.key, label: row.label, cell: hide.has(i) ? hidden() : shown(row.value) })),
    total: totalHidden ? hidden() : shown(total),
  };
}

/**
 * The median and the 90th percentile (nearest rank) of durations in days, sorted ascending, rounded to
 * one decimal; both hidden over fewer than five durations, where one of them would be a person's own.
 */
export function distribution(sortedDays: number[]): { median: FigureCell; p90: FigureCell } {
  const n = sortedDays.length;
  if (n < MIN_FOR_DISTRIBUTION) return { median: hidden('days'), p90: hidden('days') };
  const median = n % 2 === 1 ? sortedDays[(n - 1) / 2] : (sortedDays[n / 2 - 1] + sortedDays[n / 2]) / 2;
  const p90 = sortedDays[Math.ceil(0.9 * n) - 1];
  return { median: shown(round1(median), 'days'), p90: shown(round1(p90), 'days') };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
