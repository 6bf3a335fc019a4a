import { parsePeriod, previousPeriod } from './figures.service';

/** The period to compare with (issue #13): whole months against as many months before, else as many days. */
describe('previousPeriod', () => {
  const previous = (from: string, to: string) => {
    const p = previousPeriod(parsePeriod({ from, to }));
    return { from: p.from, to: p.to, start: p.start.toISOString(), end: p.end.toISOString() };
  };

  it('compares a calendar year with the year before, whatever its number of days', () => {
    expect(previous('2025-01-01', '2025-12-31')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      start: '2023-12-31T23:00:00.000Z',
      end: '2024-12-31T23:00:00.000Z',
    });
  });

  it('compares a quarter with the quarter before, and a month with the month before', () => {
    expect(previous('2026-01-01', '2026-03-31')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previous('2024-03-01', '2024-03-31')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    // Summer time: the month before starts at midnight in Amsterdam too.
    expect(previous('2026-04-01', '2026-04-30')).toMatchObject({ from: '2026-03-01', to: '2026-03-31', start: '2026-02-28T23:00:00.000Z' });
  });

  it('takes as many days before any other period', () => {
    expect(previous('2026-01-10', '2026-01-19')).toMatchObject({ from: '2025-12-31', to: '2026-01-09' });
    // Up to today (not a whole month): equal length in days.
    expect(previous('2025-12-01', '2026-11-27')).toMatchObject({ from: '2024-12-04', to: '2025-11-30' });
  });
});
