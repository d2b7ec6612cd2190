import { describe, expect, it } from 'vitest';
import {
  anonymizationDate,
  canOpenNewPass,
  inWaitingPeriod,
  passReminderDates,
  waitingPeriodEnd,
  type NewPassRequest,
} from './waiting-period.ts';

describe('waitingPeriodEnd', () => {
  it.each([
    ['2026-01-10', '2028-01-10'],
    ['2027-12-31', '2029-12-31'],
    ['2026-02-28', '2028-02-28'],
    ['2028-02-29', '2030-02-28'],
  ])('a PASS ending %s keeps the person waiting through %s (2 years later)', (end, last) => {
    expect(waitingPeriodEnd(end)).toBe(last);
  });
});

describe('inWaitingPeriod', () => {
  const end = '2026-01-10';

  it('a person who never had a PASS is not waiting', () => {
    expect(inWaitingPeriod(null, '2026-01-11')).toBe(false);
  });

  it('while the PASS is still valid (its end date included) there is no waiting period', () => {
    expect(inWaitingPeriod(end, '2025-06-01')).toBe(false);
    expect(inWaitingPeriod(end, end)).toBe(false);
  });

  it('the waiting period runs from the day after the end date through the same date 2 years later', () => {
    expect(inWaitingPeriod(end, '2026-01-11')).toBe(true);
    expect(inWaitingPeriod(end, '2028-01-10')).toBe(true);
    expect(inWaitingPeriod(end, '2028-01-11')).toBe(false);
  });

  it('after a PASS ending 29 February the waiting period ends on 28 February', () => {
    expect(inWaitingPeriod('2028-02-29', '2030-02-28')).toBe(true);
    expect(inWaitingPeriod('2028-02-29', '2030-03-01')).toBe(false);
  });
});

describe('canOpenNewPass', () => {
  const base: NewPassRequest = {
    lastPassEnd: '2026-01-10',
    today: '2026-06-01',
    route: 'EMPLOYER',
    hasValidPrescriberDiagnosis: false,
  };

  it('with no previous PASS, either route opens one', () => {
    for (const route of ['PRESCRIBER', 'EMPLOYER'] as const) {
      expect(canOpenNewPass({ ...base, lastPassEnd: null, route })).toEqual({ ok: true });
    }
  });

  it('during the waiting period the employer route without a prescriber diagnosis is refused', () => {
    const decision = canOpenNewPass(base);
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.code).toBe('waiting_period');
      expect(decision.message).toContain('10/01/2028');
      expect(decision.message).toMatch(/prescripteur habilité/);
    }
  });

  it('during the waiting period an authorized prescriber’s application opens a new PASS', () => {
    expect(canOpenNewPass({ ...base, route: 'PRESCRIBER' })).toEqual({ ok: true });
  });

  it('during the waiting period a valid prescriber diagnosis lets the employer hire with a new PASS', () => {
    expect(canOpenNewPass({ ...base, hasValidPrescriberDiagnosis: true })).toEqual({ ok: true });
  });

  it('on the last day of the waiting period the employer route is still refused; the next day it is allowed', () => {
    expect(canOpenNewPass({ ...base, today: '2028-01-10' }).ok).toBe(false);
    expect(canOpenNewPass({ ...base, today: '2028-01-11' })).toEqual({ ok: true });
  });

  it('the day after the PASS ends, the waiting period already applies', () => {
    expect(canOpenNewPass({ ...base, today: '2026-01-11' }).ok).toBe(false);
  });

  it.each([
    ['PRESCRIBER', true],
    ['PRESCRIBER', false],
    ['EMPLOYER', true],
    ['EMPLOYER', false],
  ] as const)(
    'while the last PASS is still valid (route %s, prescriber diagnosis %s) it is reused, not replaced',
    (route, hasValidPrescriberDiagnosis) => {
      for (const today of ['2025-12-01', '2026-01-10']) {
        const decision = canOpenNewPass({ ...base, today, route, hasValidPrescriberDiagnosis });
        expect(decision.ok).toBe(false);
        if (!decision.ok) {
          expect(decision.code).toBe('pass_still_valid');
          expect(decision.message).toContain('10/01/2026');
        }
      }
    },
  );
});

describe('passReminderDates', () => {
  it('reminds the employer 90, 30 and 7 days before the end date, earliest first', () => {
    expect(passReminderDates('2027-12-31')).toEqual(['2027-10-02', '2027-12-01', '2027-12-24']);
  });

  it('counts 29 February when the reminders fall in a leap year', () => {
    expect(passReminderDates('2028-03-31')).toEqual(['2028-01-01', '2028-03-01', '2028-03-24']);
    expect(passReminderDates('2027-03-31')).toEqual(['2026-12-31', '2027-03-01', '2027-03-24']);
  });
});

describe('anonymizationDate', () => {
  it('is the day after the waiting period ends, never a day the waiting period still applies', () => {
    expect(anonymizationDate('2026-01-10')).toBe('2028-01-11');
    expect(inWaitingPeriod('2026-01-10', '2028-01-10')).toBe(true);
    expect(inWaitingPeriod('2026-01-10', anonymizationDate('2026-01-10'))).toBe(false);
  });

  it('after a PASS ending 29 February, data may be anonymized from 1 March two years on', () => {
    expect(anonymizationDate('2028-02-29')).toBe('2030-03-01');
  });
});
