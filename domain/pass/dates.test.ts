import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates.ts';
import { BusinessRuleError, throwIfRefused } from '../errors.ts';
import {
  checkHiringPostponement,
  checkHiringStartDate,
  frenchDate,
  frenchList,
  latestHiringStartDate,
  passEndDate,
} from './dates.ts';

const codes = (refusals: { code: string }[]) => refusals.map((r) => r.code);

describe('passEndDate', () => {
  it.each([
    ['2026-01-01', '2027-12-31', 'no leap day inside'],
    ['2027-03-01', '2029-02-27', 'the span contains 29 February 2028'],
    ['2028-02-29', '2030-02-27', 'starting on a leap day'],
    ['2027-02-28', '2029-02-26', 'the span contains 29 February 2028'],
    ['2028-03-01', '2030-02-28', 'the leap day is just before the start'],
    ['2026-03-29', '2028-03-27', 'starting on the day Paris moves to summer time'],
    ['2026-10-25', '2028-10-23', 'starting on the day Paris moves to winter time'],
  ])('a PASS starting %s ends %s (730 days, both included; %s)', (start, end) => {
    expect(passEndDate(start)).toBe(end);
    expect(daysBetween(start, end) + 1).toBe(730);
  });
});

describe('passEndDate counts days, not calendar years', () => {
  it('a span containing 29 February ends one day before "2 years − 1 day" would', () => {
    // docs/rules.md §5 says 730 days, so 2027-03-01 does not end on 2029-02-28 (2 calendar years − 1 day).
    expect(passEndDate('2027-03-01')).not.toBe('2029-02-28');
    expect(passEndDate('2027-03-01')).toBe('2029-02-27');
  });
});

describe('checkHiringStartDate', () => {
  const today = '2026-05-15';

  it('a contract starting today is accepted', () => {
    expect(checkHiringStartDate(today, today)).toEqual([]);
  });

  it('a contract starting yesterday is refused: not in the past', () => {
    const refusals = checkHiringStartDate('2026-05-14', today);
    expect(codes(refusals)).toEqual(['hiring_start_in_past']);
    expect(refusals[0]?.message).toMatch(/passé/);
  });

  it('a contract starting exactly 6 months ahead is accepted, the day after is refused', () => {
    expect(latestHiringStartDate(today)).toBe('2026-11-15');
    expect(checkHiringStartDate('2026-11-15', today)).toEqual([]);
    const refusals = checkHiringStartDate('2026-11-16', today);
    expect(codes(refusals)).toEqual(['hiring_start_too_far']);
    expect(refusals[0]?.message).toContain('15/11/2026');
  });

  it('6 months from 31 August ends on the last day of February (28 or 29)', () => {
    expect(latestHiringStartDate('2026-08-31')).toBe('2027-02-28');
    expect(checkHiringStartDate('2027-02-28', '2026-08-31')).toEqual([]);
    expect(codes(checkHiringStartDate('2027-03-01', '2026-08-31'))).toEqual(['hiring_start_too_far']);
    expect(latestHiringStartDate('2027-08-31')).toBe('2028-02-29');
    expect(checkHiringStartDate('2028-02-29', '2027-08-31')).toEqual([]);
  });
});

describe('checkHiringPostponement', () => {
  it('postponing by exactly 30 days is accepted, by 31 days refused', () => {
    expect(checkHiringPostponement('2026-06-01', '2026-07-01')).toEqual([]);
    const refusals = checkHiringPostponement('2026-06-01', '2026-07-02');
    expect(codes(refusals)).toEqual(['hiring_postponement_too_long']);
    expect(refusals[0]?.message).toContain('01/07/2026');
  });

  it('postponing by one day is accepted', () => {
    expect(checkHiringPostponement('2026-06-01', '2026-06-02')).toEqual([]);
  });

  it('30 days across the end of February 2028 (a leap year) count the 29th', () => {
    expect(checkHiringPostponement('2028-02-15', '2028-03-16')).toEqual([]);
    expect(codes(checkHiringPostponement('2028-02-15', '2028-03-17'))).toEqual(['hiring_postponement_too_long']);
  });

  it('a "postponement" to the same day or an earlier one is refused: it must move the start later', () => {
    expect(codes(checkHiringPostponement('2026-06-01', '2026-06-01'))).toEqual(['hiring_postponement_not_later']);
    expect(codes(checkHiringPostponement('2026-06-01', '2026-05-20'))).toEqual(['hiring_postponement_not_later']);
  });

  it('successive postponements are capped at 30 days after the start first agreed', () => {
    // Already postponed by 20 days; another 10 reaches the cap, 11 goes past it.
    expect(checkHiringPostponement('2026-06-21', '2026-07-01', '2026-06-01')).toEqual([]);
    expect(codes(checkHiringPostponement('2026-06-21', '2026-07-02', '2026-06-01'))).toEqual([
      'hiring_postponement_too_long',
    ]);
  });
});

describe('helpers', () => {
  it('frenchDate writes dd/mm/yyyy', () => {
    expect(frenchDate('2027-03-01')).toBe('01/03/2027');
  });

  it('frenchList joins with commas and "ou"', () => {
    expect(frenchList([])).toBe('');
    expect(frenchList(['ACI'])).toBe('ACI');
    expect(frenchList(['ACI', 'EI'])).toBe('ACI ou EI');
    expect(frenchList(['ACI', 'AI', 'EI'])).toBe('ACI, AI ou EI');
  });

  it('throwIfRefused throws the first refusal as a BusinessRuleError, and nothing when there is none', () => {
    expect(() => throwIfRefused([])).not.toThrow();
    const refusals = checkHiringStartDate('2020-01-01', '2026-01-01');
    expect(() => throwIfRefused(refusals)).toThrow(BusinessRuleError);
    try {
      throwIfRefused([
        { code: 'a', message: 'premier' },
        { code: 'b', message: 'second' },
      ]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'a', message: 'premier' });
    }
  });
});
