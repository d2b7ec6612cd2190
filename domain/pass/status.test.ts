import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parisDateOf } from '../dates.ts';
import { passEndDate } from './dates.ts';
import type { Prolongation } from './prolongations.ts';
import {
  PASS_STATUSES,
  PASS_STATUS_LABELS,
  effectivePassEnd,
  passExpiryDate,
  passExpiryInstant,
  passStatus,
  remainingDays,
  type PassDates,
} from './status.ts';
import type { Suspension } from './suspensions.ts';

const START = '2026-01-05';
/** 17 days across the change to summer time (29 March 2026). */
const SPRING: Suspension = { start: '2026-03-20', end: '2026-04-05', reason: 'CONTRAT_SUSPENDU' };
/** 15 days across 29 February 2028. */
const LEAP: Suspension = { start: '2028-02-20', end: '2028-03-05', reason: 'CONTRAT_ROMPU' };

function pass(overrides: Partial<PassDates> = {}): PassDates {
  const suspensions = overrides.suspensions ?? [];
  return {
    start: START,
    end: effectivePassEnd({ start: START, suspensions, prolongations: [] }),
    suspensions,
    cancelled: false,
    ...overrides,
  };
}

describe('effectivePassEnd', () => {
  it('without suspension or prolongation, the end is start + 730 days − 1', () => {
    expect(effectivePassEnd({ start: START, suspensions: [], prolongations: [] })).toBe('2028-01-04');
  });

  it('suspensions and prolongations each push the end back by their inclusive length', () => {
    const prolongation: Prolongation = { reason: 'FIN_FORMATION', start: '2028-01-22', end: '2028-04-30' }; // 100 days
    expect(effectivePassEnd({ start: START, suspensions: [SPRING], prolongations: [] })).toBe('2028-01-21');
    expect(effectivePassEnd({ start: START, suspensions: [SPRING], prolongations: [prolongation] })).toBe('2028-04-30');
  });

  it('a suspension recorded after a prolongation pushes the prolongation back too', () => {
    const prolongation: Prolongation = { reason: 'SENIOR', start: '2028-01-05', end: '2028-01-14' }; // 10 days
    const end = effectivePassEnd({ start: START, suspensions: [LEAP], prolongations: [prolongation] });
    // 2028-01-04 + 10 days of prolongation + 15 days of suspension.
    expect(end).toBe('2028-01-29');
    expect(daysBetween(prolongation.end, end)).toBe(15);
  });
});

describe('passStatus', () => {
  it('has the five states of docs/rules.md §5, each with a French label', () => {
    expect([...PASS_STATUSES]).toEqual(['future', 'valid', 'suspended', 'expired', 'cancelled']);
    for (const status of PASS_STATUSES) expect(PASS_STATUS_LABELS[status]).toMatch(/\S/);
  });

  it('before its start date a PASS is future; on its start date it is valid', () => {
    expect(passStatus(pass(), '2026-01-04')).toBe('future');
    expect(passStatus(pass(), START)).toBe('valid');
  });

  it('a PASS is valid through its whole end date and expired the day after', () => {
    expect(passStatus(pass(), '2028-01-04')).toBe('valid');
    expect(passStatus(pass(), '2028-01-05')).toBe('expired');
  });

  it('a PASS starting 2028-02-29 is valid on 2030-02-27 and expired on 2030-02-28', () => {
    const leap = pass({ start: '2028-02-29', end: passEndDate('2028-02-29') });
    expect(passStatus(leap, '2030-02-27')).toBe('valid');
    expect(passStatus(leap, '2030-02-28')).toBe('expired');
  });

  it('a PASS is suspended from the first to the last day of a suspension, both included', () => {
    const p = pass({ suspensions: [SPRING] });
    expect(passStatus(p, '2026-03-19')).toBe('valid');
    expect(passStatus(p, '2026-03-20')).toBe('suspended');
    expect(passStatus(p, '2026-03-29')).toBe('suspended');
    expect(passStatus(p, '2026-04-05')).toBe('suspended');
    expect(passStatus(p, '2026-04-06')).toBe('valid');
  });

  it('a suspension keeps the PASS valid past its original end: the end moved by 17 days', () => {
    const p = pass({ suspensions: [SPRING] });
    expect(p.end).toBe('2028-01-21');
    expect(passStatus(p, '2028-01-05')).toBe('valid');
    expect(passStatus(p, '2028-01-21')).toBe('valid');
    expect(passStatus(p, '2028-01-22')).toBe('expired');
  });

  it('a cancelled PASS is cancelled whatever the day', () => {
    for (const day of ['2025-12-01', START, '2026-03-25', '2030-01-01']) {
      expect(passStatus(pass({ suspensions: [SPRING], cancelled: true }), day)).toBe('cancelled');
    }
  });
});

describe('remainingDays', () => {
  it('a PASS not started yet has all its 730 days; on its start date too', () => {
    expect(remainingDays(pass(), '2025-06-01')).toBe(730);
    expect(remainingDays(pass(), START)).toBe(730);
  });

  it('today counts: on the end date 1 day remains, the day after none', () => {
    expect(remainingDays(pass(), '2028-01-04')).toBe(1);
    expect(remainingDays(pass(), '2028-01-05')).toBe(0);
    expect(remainingDays(pass(), '2035-01-01')).toBe(0);
  });

  it('a cancelled PASS has no day left', () => {
    expect(remainingDays(pass({ cancelled: true }), START)).toBe(0);
  });

  it('the days of a planned suspension are not counted as remaining', () => {
    // Seen before the suspension, its 17 days are in the end date but not in what remains.
    expect(remainingDays(pass({ suspensions: [SPRING] }), START)).toBe(730);
  });

  it('while suspended the count stops: the same on every suspended day and the day after', () => {
    const p = pass({ suspensions: [SPRING] });
    const before = remainingDays(p, '2026-03-19');
    for (let day = SPRING.start; day <= addDays(SPRING.end, 1); day = addDays(day, 1)) {
      expect(remainingDays(p, day)).toBe(before - 1);
    }
  });

  it('every day of the PASS, days used + days remaining = 730 + prolongations, across DST and 29 February', () => {
    const prolongation: Prolongation = { reason: 'RQTH', start: '2028-01-25', end: '2028-02-24' }; // 31 days
    const suspensions = [SPRING, LEAP];
    const end = effectivePassEnd({ start: START, suspensions, prolongations: [prolongation] });
    const p = pass({ suspensions, end });
    let used = 0;
    for (let day = START; day <= end; day = addDays(day, 1)) {
      expect(used + remainingDays(p, day)).toBe(730 + 31);
      if (passStatus(p, day) === 'valid') used += 1;
    }
    expect(used).toBe(730 + 31);
    expect(passStatus(p, end)).toBe('valid');
    expect(passStatus(p, addDays(end, 1))).toBe('expired');
  });
});

describe('passExpiryInstant: at the end of the end date, Paris time', () => {
  it.each([
    ['2026-01-15', '2026-01-15T23:00:00.000Z', 'winter: Paris is UTC+1'],
    ['2026-07-15', '2026-07-15T22:00:00.000Z', 'summer: Paris is UTC+2'],
    ['2026-03-28', '2026-03-28T23:00:00.000Z', 'the night before the change to summer time'],
    ['2026-03-29', '2026-03-29T22:00:00.000Z', 'the day of the change to summer time'],
    ['2026-10-24', '2026-10-24T22:00:00.000Z', 'the night before the change to winter time'],
    ['2026-10-25', '2026-10-25T23:00:00.000Z', 'the day of the change to winter time'],
    ['2028-02-28', '2028-02-28T23:00:00.000Z', 'the next day is 29 February'],
  ])('a PASS ending %s expires at %s (%s)', (end, instant) => {
    expect(new Date(passExpiryInstant(end)).toISOString()).toBe(instant);
  });

  it('the expiry instant is the first instant of the day after the end date in Paris', () => {
    for (const end of ['2026-03-29', '2026-10-25', '2028-02-29', '2027-12-31']) {
      const instant = passExpiryInstant(end);
      expect(passExpiryDate(end)).toBe(addDays(end, 1));
      expect(parisDateOf(instant)).toBe(addDays(end, 1));
      expect(parisDateOf(instant - 1)).toBe(end);
    }
  });
});
