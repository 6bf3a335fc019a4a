import { dutchPeriod, startOfDutchDay } from './dates';

describe(dutchPeriod.name, () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'], // winter time, UTC+1
    ['2026-07-15', '2026-07-14T22:00:00.000Z'], // summer time, UTC+2
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day summer time begins
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day summer time ends
  ])('starts %s at midnight in Amsterdam', (day, utc) => {
    expect(startOfDutchDay(day).toISOString()).toBe(utc);
  });

  it('reads a day as the whole day, up to the next midnight in Amsterdam', () => {
    expect(dutchPeriod('2026-10-25')).toEqual({
      start: new Date('2026-10-24T22:00:00.000Z'),
      end: { at: new Date('2026-10-25T23:00:00.000Z'), exclusive: true },
    });
    expect(dutchPeriod('2026-12-31').end.at.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('reads an ISO moment as that moment', () => {
    expect(dutchPeriod('2026-11-02T09:30:00Z')).toEqual({
      start: new Date('2026-11-02T09:30:00Z'),
      end: { at: new Date('2026-11-02T09:30:00Z'), exclusive: false },
    });
  });
});
