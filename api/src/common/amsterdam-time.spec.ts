import {
  dutchDate,
  dutchPeriod,
  dutchYear,
  formatDutch,
  isBeforeDutchToday,
  parseAmsterdamMoment,
  plusMonthsAmsterdam,
  plusWeeksAmsterdam,
  startOfDutchDay,
} from './amsterdam-time';

const iso = (at: Date | null) => at?.toISOString() ?? null;
const amsterdamClock = (at: Date) => formatDutch(at, 'clock');

/**
 * Nothing here depends on the server's zone: npm test runs these under TZ=America/New_York, npm run
 * test:pg under TZ=UTC (Jest's workers cannot switch zones in the middle of a file).
 */
describe('Amsterdam time', () => {
  describe(parseAmsterdamMoment.name, () => {
    it.each([
      // The validation message's own example: 09:30 in Amsterdam, winter time (UTC+1).
      ['2026-12-01T09:30', '2026-12-01T08:30:00.000Z'],
      ['2026-12-01T09:30:00', '2026-12-01T08:30:00.000Z'],
      ['2026-12-01 09:30', '2026-12-01T08:30:00.000Z'],
      // Summer time (UTC+2).
      ['2026-06-15T14:00', '2026-06-15T12:00:00.000Z'],
      // A date alone: the start of that day in Amsterdam.
      ['2026-12-01', '2026-11-30T23:00:00.000Z'],
      // With Z or an offset: that instant, whatever Amsterdam's clock says.
      ['2026-12-01T09:30Z', '2026-12-01T09:30:00.000Z'],
      ['2026-12-01T09:30:00.000Z', '2026-12-01T09:30:00.000Z'],
      ['2026-06-15T14:00+02:00', '2026-06-15T12:00:00.000Z'],
      ['2026-06-15T14:00-04:00', '2026-06-15T18:00:00.000Z'],
      // 02:30 does not exist on 29 March 2026: it moves forward by the skipped hour, to 03:30 summer time.
      ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
      // 02:30 exists twice on 25 October 2026: the later, winter-time one.
      ['2026-10-25T02:30', '2026-10-25T01:30:00.000Z'],
    ])('reads %s as %s', (value, instant) => {
      expect(iso(parseAmsterdamMoment(value))).toBe(instant);
    });

    it('lands the validation example on the hour it names', () => {
      expect(amsterdamClock(parseAmsterdamMoment('2026-12-01T09:30')!)).toBe('09:30');
    });

    it.each(['2026-02-30T10:00', 'morgen', '2026-13-01', ''])('refuses %j', (value) => {
      expect(parseAmsterdamMoment(value)).toBeNull();
    });
  });

  describe(plusWeeksAmsterdam.name, () => {
    it('keeps a 4-weekly series from 19 February 14:00 at 14:00 after summer time begins', () => {
      const first = parseAmsterdamMoment('2026-02-19T14:00')!;
      const series = [0, 1, 2, 3].map((i) => plusWeeksAmsterdam(first, 4 * i));
      expect(series.map(iso)).toEqual([
        '2026-02-19T13:00:00.000Z',
        '2026-03-19T13:00:00.000Z',
        '2026-04-16T12:00:00.000Z', // summer time: 14:00 is 12:00 UTC
        '2026-05-14T12:00:00.000Z',
      ]);
      expect(series.map(amsterdamClock)).toEqual(['14:00', '14:00', '14:00', '14:00']);
    });

    it('keeps the clock time when winter time begins', () => {
      const first = parseAmsterdamMoment('2026-10-15T19:30')!;
      expect(iso(plusWeeksAmsterdam(first, 2))).toBe('2026-10-29T18:30:00.000Z');
      expect(amsterdamClock(plusWeeksAmsterdam(first, 2))).toBe('19:30');
      // Across the change the instants are a week plus one hour apart.
      expect(plusWeeksAmsterdam(first, 2).getTime() - first.getTime()).toBe((14 * 24 + 1) * 3_600_000);
    });
  });

  describe(plusMonthsAmsterdam.name, () => {
    it('adds calendar months at the same Amsterdam clock time, also across summer time', () => {
      expect(iso(plusMonthsAmsterdam(parseAmsterdamMoment('2026-01-10T09:00')!, 6))).toBe('2026-07-10T07:00:00.000Z');
      expect(iso(plusMonthsAmsterdam(parseAmsterdamMoment('2026-07-10T09:00')!, -6))).toBe('2026-01-10T08:00:00.000Z');
    });

    it('makes the 31st the last day of a shorter month', () => {
      expect(dutchDate(plusMonthsAmsterdam(parseAmsterdamMoment('2026-01-31T10:00')!, 1))).toBe('2026-02-28');
    });

    it('counts just after midnight in Amsterdam from the Dutch date, not the UTC one', () => {
      // 00:30 on 1 March in Amsterdam is still 28 February in UTC; a year later is 1 March again.
      expect(dutchDate(plusMonthsAmsterdam(new Date('2026-02-28T23:30:00Z'), 12))).toBe('2027-03-01');
    });
  });

  describe(dutchDate.name, () => {
    it('is already tomorrow just after midnight in Amsterdam while UTC is still at the previous day', () => {
      expect(dutchDate(new Date('2026-11-02T23:30:00Z'))).toBe('2026-11-03'); // 00:30 winter time
      expect(dutchDate(new Date('2026-07-14T22:15:00Z'))).toBe('2026-07-15'); // 00:15 summer time
      expect(dutchDate(new Date('2026-11-02T22:59:59Z'))).toBe('2026-11-02'); // 23:59:59
    });

    it('decides "in the past" by the Dutch date', () => {
      const justAfterMidnight = new Date('2026-11-02T23:30:00Z');
      expect(isBeforeDutchToday('2026-11-02', justAfterMidnight)).toBe(true);
      expect(isBeforeDutchToday('2026-11-03', justAfterMidnight)).toBe(false);
    });

    it('starts the new year at midnight in Amsterdam', () => {
      expect(dutchYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
      expect(dutchYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
    });
  });

  describe(dutchPeriod.name, () => {
    it.each([
      ['2026-01-15', '2026-01-14T23:00:00.000Z'],
      ['2026-07-15', '2026-07-14T22:00:00.000Z'],
      ['2026-03-29', '2026-03-28T23:00:00.000Z'],
      ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ])('starts %s at midnight in Amsterdam', (day, utc) => {
      expect(iso(startOfDutchDay(day))).toBe(utc);
      expect(iso(dutchPeriod(day).start)).toBe(utc);
    });

    it('ends a day at the next midnight, 23 or 25 hours later on the nights the clock changes', () => {
      expect(iso(dutchPeriod('2026-03-29').end.at)).toBe('2026-03-29T22:00:00.000Z');
      expect(iso(dutchPeriod('2026-10-25').end.at)).toBe('2026-10-25T23:00:00.000Z');
    });

    it('reads a moment without an offset as Amsterdam time', () => {
      expect(iso(dutchPeriod('2026-11-02T09:30').start)).toBe('2026-11-02T08:30:00.000Z');
      expect(dutchPeriod('2026-11-02T09:30:00Z')).toEqual({
        start: new Date('2026-11-02T09:30:00Z'),
        end: { at: new Date('2026-11-02T09:30:00Z'), exclusive: false },
      });
    });
  });

  describe(formatDutch.name, () => {
    it('writes moments in Amsterdam time and due dates as the day itself', () => {
      expect(formatDutch(new Date('2026-11-23T09:00:00Z'))).toBe('23 november 2026 om 10:00');
      expect(formatDutch(new Date('2026-06-15T12:00:00Z'))).toBe('15 juni 2026 om 14:00');
      expect(formatDutch(new Date('2026-11-02T23:30:00Z'), 'day')).toBe('3 november 2026');
      expect(formatDutch('2026-12-15', 'day')).toBe('15 december 2026');
      expect(formatDutch('2026-01-01', 'day')).toBe('1 januari 2026');
    });

    it('writes a due date the same the second time (remembered), and refuses one that names no real day each time', () => {
      expect(formatDutch('2026-03-29', 'day')).toBe('29 maart 2026'); // the day summer time begins
      expect(formatDutch('2026-03-29', 'day')).toBe('29 maart 2026');
      expect(formatDutch('2026-10-25', 'moment')).toBe('25 oktober 2026 om 12:00'); // noon, the day winter time begins
      expect(() => formatDutch('2026-02-30', 'day')).toThrow(RangeError);
      expect(() => formatDutch('2026-02-30', 'day')).toThrow(RangeError);
    });
  });
});

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
