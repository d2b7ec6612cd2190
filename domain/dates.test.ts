import { describe, expect, it } from 'vitest';
import {
  addDays,
  addParisDays,
  addMonths,
  compareDates,
  daysBetween,
  isIsoDate,
  parisDateOf,
  startOfParisDay,
  type IsoDate,
} from './dates.ts';
import { fixedClock, today } from './clock.ts';

const HOUR_MS = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2026-04-30', '2026-02-28', '1970-01-01', '1969-12-31', '9999-12-31'])(
    'a real calendar day written YYYY-MM-DD is accepted: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each(['2000-02-29', '2024-02-29', '2028-02-29', '2400-02-29'])(
    'February 29 of a leap year is a real day: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each(['1900-02-29', '2100-02-29', '2026-02-29', '2027-02-29'])(
    'February 29 of a non-leap year (incl. centuries not divisible by 400) is refused: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it.each(['2026-02-30', '2026-02-31', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31', '2026-01-32'])(
    'a day past the end of its month is refused: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it.each(['2026-00-10', '2026-13-01', '2026-01-00', '2026-99-99'])(
    'month 0 or 13+, and day 0, are refused: %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it.each([
    '',
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '02026-01-01',
    '2026/01/01',
    '2026.01.01',
    '20260101',
    '01-01-2026',
    '01/01/2026',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01\n',
    '2026-01-01T00:00:00Z',
    '2026-01-01T00:00',
    '2026-0a-01',
    '２０２６-01-01',
    'yyyy-mm-dd',
    '+2026-01-01',
    '-2026-01-01',
  ])('a value not written exactly YYYY-MM-DD is refused: %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('parisDateOf', () => {
  it.each([
    // Winter (UTC+1): Paris midnight is 23:00 UTC the day before.
    ['2026-01-15T22:59:59.999Z', '2026-01-15'],
    ['2026-01-15T23:00:00.000Z', '2026-01-16'],
    ['2026-01-15T23:30:00Z', '2026-01-16'],
    ['2026-01-16T00:00:00Z', '2026-01-16'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2028-02-29T23:00:00Z', '2028-03-01'],
    // Summer (UTC+2): Paris midnight is 22:00 UTC the day before.
    ['2026-07-14T21:59:59.999Z', '2026-07-14'],
    ['2026-07-14T22:00:00.000Z', '2026-07-15'],
    ['2026-07-14T23:30:00Z', '2026-07-15'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    // Around the spring change (last Sunday of March, 01:00 UTC).
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Around the autumn change (last Sunday of October, 01:00 UTC).
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('the instant %s falls on the Paris day %s', (instant, expected) => {
    expect(parisDateOf(new Date(instant))).toBe(expected);
    expect(parisDateOf(utc(instant))).toBe(expected);
  });

  it('accepts an epoch in milliseconds as well as a Date', () => {
    const instant = utc('2026-05-01T10:00:00Z');
    expect(parisDateOf(instant)).toBe(parisDateOf(new Date(instant)));
  });

  it('does not depend on the UTC date when UTC and Paris disagree', () => {
    // 23:30 UTC on 2026-03-28 is still the 28th in UTC but already the 29th in Paris.
    expect(new Date('2026-03-28T23:30:00Z').toISOString().slice(0, 10)).toBe('2026-03-28');
    expect(parisDateOf(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
  });
});

describe('startOfParisDay', () => {
  it.each([
    ['2026-01-16', '2026-01-15T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2027-01-01', '2026-12-31T23:00:00.000Z'],
    ['2028-02-29', '2028-02-28T23:00:00.000Z'],
  ])('the Paris day %s starts at %s (winter UTC+1, summer UTC+2)', (date, expected) => {
    expect(new Date(startOfParisDay(date)).toISOString()).toBe(expected);
  });

  it('the spring-forward day 2026-03-29 starts at 2026-03-28T23:00Z (still UTC+1 at midnight)', () => {
    expect(new Date(startOfParisDay('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('the day after spring-forward, 2026-03-30, starts at 2026-03-29T22:00Z (UTC+2)', () => {
    expect(new Date(startOfParisDay('2026-03-30')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('the spring-forward day lasts 23 hours', () => {
    expect(startOfParisDay('2026-03-30') - startOfParisDay('2026-03-29')).toBe(23 * HOUR_MS);
  });

  it('the fall-back day 2026-10-25 starts at 2026-10-24T22:00Z (still UTC+2 at midnight)', () => {
    expect(new Date(startOfParisDay('2026-10-25')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('the day after fall-back, 2026-10-26, starts at 2026-10-25T23:00Z (UTC+1)', () => {
    expect(new Date(startOfParisDay('2026-10-26')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('the fall-back day lasts 25 hours', () => {
    expect(startOfParisDay('2026-10-26') - startOfParisDay('2026-10-25')).toBe(25 * HOUR_MS);
  });

  it.each([
    ['2027-03-28', '2027-03-27T23:00:00.000Z', '2027-03-29', '2027-03-28T22:00:00.000Z'],
    ['2027-10-31', '2027-10-30T22:00:00.000Z', '2027-11-01', '2027-10-31T23:00:00.000Z'],
    ['2028-03-26', '2028-03-25T23:00:00.000Z', '2028-03-27', '2028-03-26T22:00:00.000Z'],
    ['2028-10-29', '2028-10-28T22:00:00.000Z', '2028-10-30', '2028-10-29T23:00:00.000Z'],
  ])('the DST change day %s starts at %s and the next day %s at %s', (day, start, next, nextStart) => {
    expect(new Date(startOfParisDay(day)).toISOString()).toBe(start);
    expect(new Date(startOfParisDay(next)).toISOString()).toBe(nextStart);
  });

  it('every day of 2026-2028 starts at a Paris midnight that maps back to the same day', () => {
    let day: IsoDate = '2026-01-01';
    let count = 0;
    let previousStart = startOfParisDay('2025-12-31');
    while (day <= '2028-12-31') {
      const start = startOfParisDay(day);
      // It is that day in Paris from its start...
      expect(parisDateOf(start), `start of ${day}`).toBe(day);
      // ...and the instant just before is still the previous day.
      expect(parisDateOf(start - 1), `just before ${day}`).toBe(addDays(day, -1));
      // A Paris day lasts 23, 24 or 25 hours, never anything else.
      expect(
        [23, 24, 25].map((h) => h * HOUR_MS),
        `length of ${addDays(day, -1)}`,
      ).toContain(start - previousStart);
      // Paris midnight is 23:00 or 22:00 UTC the day before.
      expect(['T23:00:00.000Z', 'T22:00:00.000Z']).toContain(new Date(start).toISOString().slice(10));
      previousStart = start;
      day = addDays(day, 1);
      count++;
    }
    expect(count).toBe(365 + 365 + 366);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => startOfParisDay('2026-02-30')).toThrow(RangeError);
    expect(() => startOfParisDay('not a date')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', 1, '2026-01-16'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-01-01', 730, '2028-01-01'],
    ['2026-01-01', -365, '2025-01-01'],
  ])('%s plus %i day(s) is %s (across month and year ends and the leap day)', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses a start that is not a calendar day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-02', 1],
    ['2026-01-02', '2026-01-01', -1],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-12-31', '2026-01-01', -364],
  ])('from %s to %s is %i whole calendar days (DST changes do not count)', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addDays', () => {
    for (const n of [-400, -31, -1, 0, 1, 28, 29, 365, 366, 1000]) {
      expect(daysBetween('2027-11-15', addDays('2027-11-15', n))).toBe(n);
    }
  });

  it('refuses dates that are not calendar days', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-03-01', '2026-13-01')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', 0, '2026-01-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-01-31', 24, '2028-01-31'],
    ['2026-06-30', 6, '2026-12-30'],
    ['2026-06-30', -18, '2024-12-30'],
  ])('%s plus %i month(s) is %s (clamped to the last day of a shorter month)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('compareDates', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2026-12-31', '2027-01-01', -1],
    ['2026-02-01', '2026-10-01', -1],
    ['2026-10-01', '2026-09-30', 1],
  ])('compares %s with %s chronologically: %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    expect(['2027-01-01', '2026-12-31', '2026-02-28', '2026-10-01'].sort(compareDates)).toEqual([
      '2026-02-28',
      '2026-10-01',
      '2026-12-31',
      '2027-01-01',
    ]);
  });
});

describe('clock', () => {
  it('today is the Paris day of the clock, not the UTC day (winter)', () => {
    expect(today(fixedClock('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    expect(today(fixedClock('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
  });

  it('today is the Paris day of the clock, not the UTC day (summer)', () => {
    expect(today(fixedClock('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
    expect(today(fixedClock('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
  });

  it('a fixed clock stays where it is put', () => {
    const clock = fixedClock(new Date('2026-03-28T23:30:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(today(clock)).toBe('2026-03-29');
  });

  it('a fixed clock moves only when set', () => {
    const clock = fixedClock('2026-01-01T12:00:00Z');
    clock.set('2026-10-24T22:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(today(clock)).toBe('2026-10-25');
    clock.set(new Date('2026-10-25T23:00:00Z'));
    expect(today(clock)).toBe('2026-10-26');
  });

  it('mutating the Date a fixed clock returns does not move the clock', () => {
    const start = new Date('2026-01-01T12:00:00Z');
    const clock = fixedClock(start);
    clock.now().setUTCFullYear(2030);
    start.setUTCFullYear(2031);
    expect(clock.now().toISOString()).toBe('2026-01-01T12:00:00.000Z');
  });
});

describe('addParisDays: n Paris calendar days at the same wall-clock time', () => {
  it.each([
    ['2026-11-29T22:18:00Z', 1, '2026-11-30T22:18:00.000Z'],
    ['2027-03-27T22:30:00Z', 1, '2027-03-28T21:30:00.000Z'], // the spring change: a 23-hour day
    ['2027-10-30T21:30:00Z', 1, '2027-10-31T22:30:00.000Z'], // the autumn change: a 25-hour day
    ['2026-11-29T22:18:00Z', 274, '2027-08-30T21:18:00.000Z'],
    ['2026-11-29T10:00:00Z', 730, '2028-11-28T10:00:00.000Z'],
  ])('%s + %i days → %s', (from, days, to) => {
    expect(new Date(addParisDays(Date.parse(from), days)).toISOString()).toBe(to);
  });

  it('the Paris date moves by exactly n days, whatever the hour', () => {
    for (let hour = 0; hour < 24; hour++) {
      const from = Date.parse(`2027-03-20T${String(hour).padStart(2, '0')}:45:00Z`);
      expect(daysBetween(parisDateOf(from), parisDateOf(addParisDays(from, 200)))).toBe(200);
    }
  });
});
