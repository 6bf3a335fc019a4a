import fc from 'fast-check';
import { countCell, distribution, protectSeries, type RawRow } from './disclosure-control';

const rows = (...values: number[]): RawRow[] => values.map((value, i) => ({ key: `K${i}`, label: `L${i}`, value }));
const values = (series: ReturnType<typeof protectSeries>) => series.rows.map((r) => r.cell.value);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('disclosure control', () => {
  it('hides a count from 1 to 4 and shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(countCell)).toEqual([
      { value: 0, suppressed: false, unit: 'count' },
      { value: null, suppressed: true, unit: 'count' },
      { value: null, suppressed: true, unit: 'count' },
      { value: 5, suppressed: false, unit: 'count' },
      { value: 12, suppressed: false, unit: 'count' },
    ]);
  });

  it('shows a breakdown with nothing small as it is, zeros included', () => {
    const series = protectSeries(rows(7, 0, 5), 12, { additive: true });
    expect(values(series)).toEqual([7, 0, 5]);
    expect(series.total).toEqual({ value: 12, suppressed: false, unit: 'count' });
  });

  it('hides the next-smallest row when one row alone is hidden (else total minus the rest gives it away)', () => {
    const series = protectSeries(rows(20, 3, 8, 6, 0), 37, { additive: true });
    expect(values(series)).toEqual([20, null, 8, null, 0]);
    expect(series.total.value).toBe(37);
  });

  it('hides more while the hidden rows together are below 5', () => {
    // 1 + 2 = 3 would be known from 30 − 27; adding 5 makes 8.
    expect(values(protectSeries(rows(1, 2, 5, 22), 30, { additive: true }))).toEqual([null, null, null, 22]);
    // 1 + 1 + 1 = 3: all three exactly 1, so hide the smallest shown (6) too.
    expect(values(protectSeries(rows(1, 1, 1, 6, 9), 18, { additive: true }))).toEqual([null, null, null, null, 9]);
    // 2 + 3 = 5 is enough: both are hidden, the rest is shown.
    expect(values(protectSeries(rows(2, 3, 10), 15, { additive: true }))).toEqual([null, null, 10]);
  });

  it('hides the total when no shown row is left to hide', () => {
    const series = protectSeries(rows(3, 0, 0), 3, { additive: true });
    expect(values(series)).toEqual([null, 0, 0]);
    expect(series.total.suppressed).toBe(true);
    const other = protectSeries(rows(1, 2), 6, { additive: true });
    expect(other.total).toEqual({ value: null, suppressed: true, unit: 'count' });
  });

  it('applies only the primary rule to a breakdown whose rows overlap', () => {
    const series = protectSeries(rows(3, 9, 6), 10, { additive: false });
    expect(values(series)).toEqual([null, 9, 6]);
    expect(series.total.value).toBe(10);
  });

  it('never lets the hidden rows of an additive breakdown be recovered to a sum from 1 to 4 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 12 }), (counts) => {
        const series = protectSeries(rows(...counts), sum(counts), { additive: true });
        for (const row of series.rows) if (row.cell.value !== null) expect(row.cell.value === 0 || row.cell.value >= 5).toBe(true);
        if (series.total.suppressed) return;
        const recovered = series.total.value! - sum(series.rows.map((r) => r.cell.value ?? 0));
        expect(recovered === 0 || recovered >= 5).toBe(true);
        // Two or more rows hidden whenever any is, so no single row is the difference.
        const hiddenRows = series.rows.filter((r) => r.cell.suppressed).length;
        expect(hiddenRows === 0 || hiddenRows >= 2).toBe(true);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 200) },
    );
  });

  it('gives a median and 90th percentile only over at least 5 durations', () => {
    expect(distribution([1, 2, 3, 4])).toEqual({
      median: { value: null, suppressed: true, unit: 'days' },
      p90: { value: null, suppressed: true, unit: 'days' },
    });
    expect(distribution([1, 2, 3, 4, 10])).toEqual({
      median: { value: 3, suppressed: false, unit: 'days' },
      p90: { value: 10, suppressed: false, unit: 'days' },
    });
    // Even count: the mean of the middle two; p90 by nearest rank (ceil(0.9 × 10) = the 9th).
    expect(distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10.04])).toEqual({
      median: { value: 5.5, suppressed: false, unit: 'days' },
      p90: { value: 9, suppressed: false, unit: 'days' },
    });
  });
});
