import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { BusinessRuleError } from '../errors.ts';
import { EMPLOYER_KINDS } from '../organizations.ts';
import {
  CONTRAT_SUSPENDU_MIN_DAYS,
  SUSPENSION_REASONS,
  SUSPENSION_REASON_LABELS,
  checkSuspension,
  checkSuspensionOpen,
  earliestSuspensionStart,
  endDateWithSuspensions,
  endSuspensionEarly,
  suspensionEndedByHire,
  suspensionLengthDays,
  suspensionMaxEnd,
  suspensionReasonsFor,
  type Suspension,
  type SuspensionRequest,
} from './suspensions.ts';

const codes = (refusals: { code: string }[]) => refusals.map((r) => r.code);

/** A request every rule accepts; each test changes what it is about. */
function request(overrides: Partial<SuspensionRequest> = {}): SuspensionRequest {
  return {
    start: '2026-06-15',
    end: '2026-09-30',
    reason: 'CONTRAT_ROMPU',
    employerKind: 'ACI',
    today: '2026-06-15',
    lastHireStart: '2025-09-01',
    existing: [],
    passStart: '2025-09-01',
    passEnd: '2027-08-31',
    ...overrides,
  };
}

const refusalCodes = (overrides: Partial<SuspensionRequest>) => codes(checkSuspension(request(overrides)));

function errorOf(run: () => unknown): BusinessRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof BusinessRuleError) return error;
    throw error;
  }
  throw new Error('expected a BusinessRuleError');
}

describe('suspension reasons', () => {
  it('are the five of docs/rules.md §5, each with a French label', () => {
    expect([...SUSPENSION_REASONS]).toEqual([
      'CONTRAT_SUSPENDU',
      'CONTRAT_ROMPU',
      'FIN_DE_CONTRAT',
      'SITUATION_CTA',
      'CONTRAT_PASSERELLE',
    ]);
    for (const reason of SUSPENSION_REASONS) expect(SUSPENSION_REASON_LABELS[reason]).toMatch(/\S/);
  });

  it.each(EMPLOYER_KINDS)('an employer of kind %s gets CONTRAT_PASSERELLE only if it is an ACI or an EI', (kind) => {
    const offered = suspensionReasonsFor(kind);
    expect(offered.includes('CONTRAT_PASSERELLE')).toBe(kind === 'ACI' || kind === 'EI');
    expect(offered.filter((r) => r !== 'CONTRAT_PASSERELLE')).toEqual([
      'CONTRAT_SUSPENDU',
      'CONTRAT_ROMPU',
      'FIN_DE_CONTRAT',
      'SITUATION_CTA',
    ]);
  });
});

describe('checkSuspension', () => {
  it('a suspension starting today, within the PASS and after the hire, is accepted', () => {
    expect(checkSuspension(request())).toEqual([]);
  });

  it.each(SUSPENSION_REASONS)('reason %s is accepted for an ACI', (reason) => {
    expect(refusalCodes({ reason })).toEqual([]);
  });

  it.each(EMPLOYER_KINDS.filter((k) => k !== 'ACI' && k !== 'EI'))(
    'CONTRAT_PASSERELLE is refused for an employer of kind %s: ACI and EI only',
    (employerKind) => {
      const refusals = checkSuspension(request({ reason: 'CONTRAT_PASSERELLE', employerKind }));
      expect(codes(refusals)).toEqual(['suspension_reason_not_allowed']);
      expect(refusals[0]?.message).toContain('ACI ou EI');
    },
  );

  it('CONTRAT_PASSERELLE is accepted for an EI', () => {
    expect(refusalCodes({ reason: 'CONTRAT_PASSERELLE', employerKind: 'EI' })).toEqual([]);
  });

  describe('start date: not in the future, at most 30 days back', () => {
    it('a suspension starting tomorrow is refused', () => {
      expect(refusalCodes({ start: '2026-06-16' })).toEqual(['suspension_start_in_future']);
    });

    it('a suspension starting exactly 30 days ago is accepted, 31 days ago refused', () => {
      expect(earliestSuspensionStart('2026-06-15')).toBe('2026-05-16');
      expect(refusalCodes({ start: '2026-05-16' })).toEqual([]);
      const refusals = checkSuspension(request({ start: '2026-05-15' }));
      expect(codes(refusals)).toEqual(['suspension_start_too_old']);
      expect(refusals[0]?.message).toContain('16/05/2026');
    });

    it('30 days back across 29 February 2028 count the leap day', () => {
      expect(earliestSuspensionStart('2028-03-30')).toBe('2028-02-29');
      const at = { today: '2028-03-30', end: '2028-06-30', passEnd: '2029-08-31' };
      expect(refusalCodes({ ...at, start: '2028-02-29' })).toEqual([]);
      expect(refusalCodes({ ...at, start: '2028-02-28' })).toEqual(['suspension_start_too_old']);
    });

    it('30 days back across the change to summer time are still 30 calendar days', () => {
      expect(earliestSuspensionStart('2026-04-10')).toBe('2026-03-11');
      const at = { today: '2026-04-10', end: '2026-05-31' };
      expect(refusalCodes({ ...at, start: '2026-03-11' })).toEqual([]);
      expect(refusalCodes({ ...at, start: '2026-03-10' })).toEqual(['suspension_start_too_old']);
    });
  });

  describe('not before the last hire, nor outside the PASS', () => {
    it('a suspension starting the day the last hire started is accepted, the day before refused', () => {
      const at = { lastHireStart: '2026-06-01' };
      expect(refusalCodes({ ...at, start: '2026-06-01' })).toEqual([]);
      const refusals = checkSuspension(request({ ...at, start: '2026-05-31' }));
      expect(codes(refusals)).toEqual(['suspension_before_hire']);
      expect(refusals[0]?.message).toContain('01/06/2026');
    });

    it('a suspension starting before the PASS started is refused', () => {
      expect(refusalCodes({ passStart: '2026-06-01', lastHireStart: '2026-06-01', start: '2026-05-31' })).toEqual([
        'suspension_before_pass',
        'suspension_before_hire',
      ]);
    });

    it('a PASS whose end date is today can be suspended; one that ended yesterday cannot', () => {
      expect(refusalCodes({ passEnd: '2026-06-15' })).toEqual([]);
      const refusals = checkSuspension(request({ passEnd: '2026-06-14', start: '2026-06-10' }));
      expect(codes(refusals)).toEqual(['pass_expired']);
      expect(refusals[0]?.message).toContain('14/06/2026');
    });

    it('a suspension may end after the PASS end date: the suspension pushes that end back', () => {
      expect(refusalCodes({ passEnd: '2026-07-01', end: '2027-01-31' })).toEqual([]);
    });
  });

  describe('end date and length', () => {
    it('a one-day suspension (end = start) is accepted, an end before the start refused', () => {
      expect(refusalCodes({ end: '2026-06-15' })).toEqual([]);
      expect(refusalCodes({ end: '2026-06-14' })).toEqual(['suspension_end_before_start']);
    });

    it('a suspension of exactly 36 months (to the day before the same date 3 years on) is accepted, one day more refused', () => {
      expect(suspensionMaxEnd('2026-06-15')).toBe('2029-06-14');
      expect(refusalCodes({ end: '2029-06-14' })).toEqual([]);
      const refusals = checkSuspension(request({ end: '2029-06-15' }));
      expect(codes(refusals)).toEqual(['suspension_too_long']);
      expect(refusals[0]?.message).toContain('14/06/2029');
    });

    it.each([
      ['2026-03-01', '2029-02-28'],
      ['2025-03-01', '2028-02-29'],
      ['2025-02-28', '2028-02-27'],
      ['2028-02-29', '2031-02-27'],
      ['2026-01-31', '2029-01-30'],
    ])('36 months from %s end on %s (month arithmetic, leap years)', (start, maxEnd) => {
      expect(suspensionMaxEnd(start)).toBe(maxEnd);
    });

    it('CONTRAT_SUSPENDU needs more than 15 days: 15 days is refused, 16 accepted', () => {
      expect(CONTRAT_SUSPENDU_MIN_DAYS).toBe(16);
      const at = { reason: 'CONTRAT_SUSPENDU' as const, start: '2026-06-01' };
      const refusals = checkSuspension(request({ ...at, end: '2026-06-15' }));
      expect(codes(refusals)).toEqual(['suspension_too_short']);
      expect(refusals[0]?.message).toMatch(/15 jours/);
      expect(refusalCodes({ ...at, end: '2026-06-16' })).toEqual([]);
    });

    it('the 15-day minimum counts calendar days across the change to summer time', () => {
      // 2026-03-20 … 2026-04-04 is 16 days although one of its nights lasts 23 hours.
      const at = { reason: 'CONTRAT_SUSPENDU' as const, today: '2026-04-10', start: '2026-03-20' };
      expect(refusalCodes({ ...at, end: '2026-04-03' })).toEqual(['suspension_too_short']);
      expect(refusalCodes({ ...at, end: '2026-04-04' })).toEqual([]);
    });

    it('a reason other than CONTRAT_SUSPENDU may last a single day', () => {
      for (const reason of SUSPENSION_REASONS.filter((r) => r !== 'CONTRAT_SUSPENDU')) {
        expect(refusalCodes({ reason, end: '2026-06-15' })).toEqual([]);
      }
    });

    it('an end before the start is reported once, not also as too short', () => {
      expect(refusalCodes({ reason: 'CONTRAT_SUSPENDU', end: '2026-06-01' })).toEqual(['suspension_end_before_start']);
    });
  });

  describe('no overlap with another suspension (ranges include both ends)', () => {
    const other: Suspension = { start: '2026-05-20', end: '2026-05-31', reason: 'CONTRAT_ROMPU' };

    it('starting the day after another ends is accepted', () => {
      expect(refusalCodes({ existing: [other], start: '2026-06-01' })).toEqual([]);
    });

    it('starting on the day another ends is refused', () => {
      const refusals = checkSuspension(request({ existing: [other], start: '2026-05-31' }));
      expect(codes(refusals)).toEqual(['suspension_overlap']);
      expect(refusals[0]?.message).toContain('du 20/05/2026 au 31/05/2026');
    });

    it('ending the day before another starts is accepted, ending on its first day refused', () => {
      const later: Suspension = { start: '2026-06-10', end: '2026-06-12', reason: 'FIN_DE_CONTRAT' };
      const at = { existing: [later], today: '2026-06-20', start: '2026-06-01' };
      expect(refusalCodes({ ...at, end: '2026-06-09' })).toEqual([]);
      expect(refusalCodes({ ...at, end: '2026-06-10' })).toEqual(['suspension_overlap']);
    });

    it('containing another, or lying inside it, is refused', () => {
      expect(refusalCodes({ existing: [other], start: '2026-05-18', end: '2026-06-30' })).toEqual([
        'suspension_overlap',
      ]);
      expect(refusalCodes({ existing: [other], start: '2026-05-25', end: '2026-05-26' })).toEqual([
        'suspension_overlap',
      ]);
    });

    it('each suspension overlapped is reported', () => {
      const second: Suspension = { start: '2026-06-02', end: '2026-06-05', reason: 'SITUATION_CTA' };
      expect(refusalCodes({ existing: [other, second], start: '2026-05-30', end: '2026-06-10' })).toEqual([
        'suspension_overlap',
        'suspension_overlap',
      ]);
    });
  });

  it('every broken rule is reported at once, each with a French message', () => {
    const refusals = checkSuspension(
      request({
        reason: 'CONTRAT_PASSERELLE',
        employerKind: 'AI',
        start: '2026-06-20',
        end: '2026-06-19',
        passEnd: '2026-06-10',
      }),
    );
    expect(codes(refusals)).toEqual([
      'pass_expired',
      'suspension_end_before_start',
      'suspension_start_in_future',
      'suspension_reason_not_allowed',
    ]);
    for (const refusal of refusals) expect(refusal.message).toMatch(/ (la|le|de|ne|une|être) /);
  });
});

describe('suspensionLengthDays', () => {
  it.each([
    ['2026-06-15', '2026-06-15', 1, 'a single day'],
    ['2026-03-20', '2026-04-05', 17, 'across the change to summer time (29 March 2026)'],
    ['2026-10-20', '2026-10-30', 11, 'across the change to winter time (25 October 2026)'],
    ['2028-02-20', '2028-03-05', 15, 'across 29 February 2028'],
    ['2027-02-20', '2027-03-05', 14, 'across the end of February 2027 (no leap day)'],
    ['2026-06-15', '2029-06-14', 1096, '36 months containing 29 February 2028'],
  ])('%s … %s lasts %i days, both ends included (%s)', (start, end, days) => {
    expect(suspensionLengthDays({ start, end })).toBe(days);
  });
});

describe('endDateWithSuspensions: while suspended the clock stops', () => {
  const base = '2027-12-31';

  it('no suspension leaves the end date where it is', () => {
    expect(endDateWithSuspensions(base, [])).toBe(base);
  });

  it('a one-day suspension moves the end by one day', () => {
    expect(endDateWithSuspensions(base, [{ start: '2026-06-15', end: '2026-06-15', reason: 'CONTRAT_ROMPU' }])).toBe(
      '2028-01-01',
    );
  });

  it('each suspension moves the end by its inclusive length, whatever their order', () => {
    const a: Suspension = { start: '2026-03-20', end: '2026-04-05', reason: 'CONTRAT_SUSPENDU' }; // 17 days
    const b: Suspension = { start: '2026-10-20', end: '2026-10-30', reason: 'FIN_DE_CONTRAT' }; // 11 days
    expect(endDateWithSuspensions(base, [a, b])).toBe(addDays(base, 28));
    expect(endDateWithSuspensions(base, [b, a])).toBe('2028-01-28');
  });

  it('a move that crosses 29 February lands on the right calendar day', () => {
    const tenDays: Suspension = { start: '2026-06-01', end: '2026-06-10', reason: 'CONTRAT_ROMPU' };
    expect(endDateWithSuspensions('2028-02-20', [tenDays])).toBe('2028-03-01');
    expect(endDateWithSuspensions('2027-02-20', [tenDays])).toBe('2027-03-02');
  });
});

describe('endSuspensionEarly', () => {
  const s: Suspension = { start: '2026-05-01', end: '2026-12-31', reason: 'CONTRAT_SUSPENDU' };
  const today = '2026-06-15';

  it('a suspension in progress can end today (today stays suspended) or on an earlier day', () => {
    expect(endSuspensionEarly(s, today, today)).toEqual({ ...s, end: today });
    expect(endSuspensionEarly(s, '2026-06-14', today)).toEqual({ ...s, end: '2026-06-14' });
  });

  it('it can end on its first day (a one-day suspension), not the day before', () => {
    expect(endSuspensionEarly(s, '2026-05-01', today).end).toBe('2026-05-01');
    const error = errorOf(() => endSuspensionEarly(s, '2026-04-30', today));
    expect(error.code).toBe('suspension_end_before_start');
    expect(error.message).toContain('01/05/2026');
  });

  it('it cannot be ended on a future day', () => {
    expect(errorOf(() => endSuspensionEarly(s, '2026-06-16', today)).code).toBe('suspension_end_in_future');
  });

  it('ending it cannot lengthen it; ending it on its own end date changes nothing', () => {
    const endsToday: Suspension = { ...s, end: today };
    expect(endSuspensionEarly(endsToday, today, today)).toEqual(endsToday);
    const error = errorOf(() => endSuspensionEarly({ ...s, end: '2026-06-10' }, '2026-06-12', '2026-06-10'));
    expect(error.code).toBe('suspension_end_after_current_end');
  });

  it('a suspension already over cannot be ended', () => {
    const over: Suspension = { ...s, end: '2026-06-14' };
    const error = errorOf(() => endSuspensionEarly(over, '2026-06-01', today));
    expect(error.code).toBe('suspension_already_ended');
    expect(error.message).toContain('14/06/2026');
  });

  it('keeps the reason and start and leaves the original untouched', () => {
    const copy = { ...s };
    const ended = endSuspensionEarly(s, '2026-06-01', today);
    expect(ended).toEqual({ start: '2026-05-01', end: '2026-06-01', reason: 'CONTRAT_SUSPENDU' });
    expect(s).toEqual(copy);
  });

  it('ending early gives back the days not suspended: the PASS end moves back', () => {
    const base = '2027-08-31';
    const planned = endDateWithSuspensions(base, [s]);
    const ended = endDateWithSuspensions(base, [endSuspensionEarly(s, '2026-05-31', today)]);
    expect(planned).toBe(addDays(base, 245));
    expect(ended).toBe(addDays(base, 31));
  });
});

describe('suspensionEndedByHire: a new hire ends the suspension the day before', () => {
  const s: Suspension = { start: '2026-05-01', end: '2026-12-31', reason: 'FIN_DE_CONTRAT' };

  it('a hire during the suspension ends it the day before the contract starts', () => {
    expect(suspensionEndedByHire(s, '2026-07-01')).toEqual({ ...s, end: '2026-06-30' });
  });

  it('a hire the day after the suspension starts leaves a one-day suspension', () => {
    expect(suspensionEndedByHire(s, '2026-05-02')).toEqual({ ...s, end: '2026-05-01' });
  });

  it('a hire on the suspension’s last day shortens it by one day', () => {
    expect(suspensionEndedByHire(s, '2026-12-31')).toEqual({ ...s, end: '2026-12-30' });
  });

  it('a hire on or before the suspension’s first day leaves no day: the suspension disappears', () => {
    expect(suspensionEndedByHire(s, '2026-05-01')).toBeNull();
    expect(suspensionEndedByHire(s, '2026-04-15')).toBeNull();
  });

  it('a hire after the suspension is over leaves it as it is', () => {
    expect(suspensionEndedByHire(s, '2027-01-01')).toBe(s);
    expect(suspensionEndedByHire(s, '2027-06-01')).toBe(s);
  });

  it('a hire on 1 March 2028 ends the suspension on 29 February', () => {
    const leap: Suspension = { start: '2028-02-01', end: '2028-06-30', reason: 'CONTRAT_ROMPU' };
    expect(suspensionEndedByHire(leap, '2028-03-01')?.end).toBe('2028-02-29');
  });
});

describe('checkSuspensionOpen (docs/rules.md §5)', () => {
  const pass = { passStart: '2026-03-01', passEnd: '2028-02-29' };

  it('a started PASS that has not expired may be suspended', () => {
    expect(checkSuspensionOpen({ ...pass, today: '2026-03-01' })).toEqual([]);
    expect(checkSuspensionOpen({ ...pass, today: '2028-02-29' })).toEqual([]);
  });

  it('a PASS not started yet, or expired, is refused with the message of the full check', () => {
    expect(checkSuspensionOpen({ ...pass, today: '2026-02-28' })).toEqual([
      {
        code: 'suspension_before_pass',
        message: 'La suspension ne peut pas commencer avant le début du PASS IAE (01/03/2026).',
      },
    ]);
    const today = '2028-03-01';
    expect(checkSuspensionOpen({ ...pass, today })).toEqual(
      checkSuspension({
        ...pass,
        today,
        start: today,
        end: today,
        reason: 'CONTRAT_ROMPU',
        employerKind: 'ACI',
        lastHireStart: pass.passStart,
        existing: [],
      }).filter((r) => r.code === 'pass_expired'),
    );
  });
});
