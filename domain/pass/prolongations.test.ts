import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { EMPLOYER_KINDS, SIAE_KINDS, type EmployerKind } from '../organizations.ts';
import {
  PROLONGATION_REASONS,
  PROLONGATION_RULES,
  availableDays,
  checkProlongation,
  checkProlongationOpen,
  endDateWithProlongations,
  grantedDays,
  prolongationLengthDays,
  prolongationMaxEnd,
  prolongationReasonsFor,
  prolongationRequestReminderDates,
  prolongationRequestWindow,
  prolongationStart,
  type Prolongation,
  type ProlongationReason,
  type ProlongationRequest,
} from './prolongations.ts';

const codes = (refusals: { code: string }[]) => refusals.map((r) => r.code);

const CURRENT_END = '2027-08-31';
const START = '2027-09-01';

/** A request every rule accepts; each test changes what it is about. */
function request(overrides: Partial<ProlongationRequest> = {}): ProlongationRequest {
  return {
    reason: 'FIN_FORMATION',
    endDate: addDays(START, 364),
    currentEnd: CURRENT_END,
    today: '2027-06-01',
    employerKind: 'ACI',
    previous: [],
    pendingRequest: false,
    ...overrides,
  };
}

const refusalCodes = (overrides: Partial<ProlongationRequest>) => codes(checkProlongation(request(overrides)).refusals);

/** A granted prolongation of `days` days (both ends included) starting on `start`. */
function granted(reason: ProlongationReason, days: number, start = '2025-01-01'): Prolongation {
  return { reason, start, end: addDays(start, days - 1) };
}

/** docs/rules.md §5's table, written out independently of PROLONGATION_RULES. */
const SPEC_TABLE: Record<
  ProlongationReason,
  { max: number; cap: number | null; by: 'EMPLOYER' | 'AUTHORIZED_PRESCRIBER'; kinds: readonly EmployerKind[] }
> = {
  SENIOR_CDI: { max: 3650, cap: null, by: 'EMPLOYER', kinds: SIAE_KINDS },
  FIN_FORMATION: { max: 365, cap: null, by: 'EMPLOYER', kinds: SIAE_KINDS },
  RQTH: { max: 365, cap: 1095, by: 'AUTHORIZED_PRESCRIBER', kinds: SIAE_KINDS },
  SENIOR: { max: 365, cap: 1825, by: 'AUTHORIZED_PRESCRIBER', kinds: SIAE_KINDS },
  DIFFICULTES_PARTICULIERES: { max: 365, cap: 1095, by: 'AUTHORIZED_PRESCRIBER', kinds: ['AI', 'ACI'] },
};

describe('the prolongation table', () => {
  it('has the five reasons of docs/rules.md §5 with their limits, validator and employer kinds', () => {
    expect([...PROLONGATION_REASONS].sort()).toEqual(Object.keys(SPEC_TABLE).sort());
    for (const reason of PROLONGATION_REASONS) {
      const rule = PROLONGATION_RULES[reason];
      const spec = SPEC_TABLE[reason];
      expect({ max: rule.maxDays, cap: rule.cumulativeCapDays, by: rule.validatedBy }).toEqual({
        max: spec.max,
        cap: spec.cap,
        by: spec.by,
      });
      expect([...rule.employerKinds].sort()).toEqual([...spec.kinds].sort());
      expect(rule.label).toMatch(/\S/);
    }
  });

  it.each(EMPLOYER_KINDS)('an employer of kind %s is offered the reasons its kind allows', (kind) => {
    const expected = PROLONGATION_REASONS.filter((reason) => SPEC_TABLE[reason].kinds.includes(kind));
    expect(prolongationReasonsFor(kind)).toEqual(expected);
  });

  it('AI and ACI get every reason, EI gets all but DIFFICULTES_PARTICULIERES, GEIQ and EA none (no PASS)', () => {
    expect(prolongationReasonsFor('AI')).toHaveLength(5);
    expect(prolongationReasonsFor('ACI')).toHaveLength(5);
    expect(prolongationReasonsFor('EI')).not.toContain('DIFFICULTES_PARTICULIERES');
    expect(prolongationReasonsFor('GEIQ')).toEqual([]);
    expect(prolongationReasonsFor('EA')).toEqual([]);
  });
});

describe('prolongationStart: the day after the current end date', () => {
  it.each([
    ['2027-08-31', '2027-09-01'],
    ['2027-12-31', '2028-01-01'],
    ['2028-02-28', '2028-02-29'],
    ['2027-02-28', '2027-03-01'],
  ])('a PASS ending %s is prolonged from %s', (end, start) => {
    expect(prolongationStart(end)).toBe(start);
    expect(checkProlongation(request({ currentEnd: end, endDate: addDays(start, 100), today: end })).start).toBe(start);
  });
});

describe('checkProlongation', () => {
  it('a 365-day end-of-training prolongation asked for 3 months before the end is accepted, declared by the employer', () => {
    expect(checkProlongation(request())).toEqual({
      start: START,
      refusals: [],
      validatedBy: 'EMPLOYER',
      needsPrescriber: false,
    });
  });

  it.each(PROLONGATION_REASONS)('reason %s says whether an authorized prescriber must validate it', (reason) => {
    const check = checkProlongation(request({ reason }));
    expect(check.refusals).toEqual([]);
    expect(check.validatedBy).toBe(SPEC_TABLE[reason].by);
    expect(check.needsPrescriber).toBe(SPEC_TABLE[reason].by === 'AUTHORIZED_PRESCRIBER');
  });

  describe('request window: from 12 months before the end to 6 months after it, both days included', () => {
    it('opens exactly 12 months before the end date', () => {
      expect(prolongationRequestWindow(CURRENT_END)).toEqual({ opens: '2026-08-31', closes: '2028-02-29' });
      expect(refusalCodes({ today: '2026-08-31' })).toEqual([]);
      const refusals = checkProlongation(request({ today: '2026-08-30' })).refusals;
      expect(codes(refusals)).toEqual(['prolongation_too_early']);
      expect(refusals[0]?.message).toContain('31/08/2026');
    });

    it('closes exactly 6 months after the end date (29 February 2028 here)', () => {
      const endDate = addDays(START, 364);
      expect(refusalCodes({ today: '2028-02-29', endDate })).toEqual([]);
      const refusals = checkProlongation(request({ today: '2028-03-01', endDate })).refusals;
      expect(codes(refusals)).toEqual(['prolongation_too_late']);
      expect(refusals[0]?.message).toContain('29/02/2028');
    });

    it('on the end date itself and the day after, a request is within the window', () => {
      expect(refusalCodes({ today: CURRENT_END })).toEqual([]);
      expect(refusalCodes({ today: START })).toEqual([]);
    });

    it('a PASS ending on 29 February opens 12 months before on 28 February and closes on 29 August', () => {
      expect(prolongationRequestWindow('2028-02-29')).toEqual({ opens: '2027-02-28', closes: '2028-08-29' });
      const at = { currentEnd: '2028-02-29', endDate: '2028-12-31' };
      expect(refusalCodes({ ...at, today: '2027-02-28' })).toEqual([]);
      expect(refusalCodes({ ...at, today: '2027-02-27' })).toEqual(['prolongation_too_early']);
      expect(refusalCodes({ ...at, today: '2028-08-29' })).toEqual([]);
      expect(refusalCodes({ ...at, today: '2028-08-30' })).toEqual(['prolongation_too_late']);
    });

    it('a PASS ending on 31 August closes on the last day of February', () => {
      expect(prolongationRequestWindow('2026-08-31').closes).toBe('2027-02-28');
    });
  });

  describe('the longest single prolongation per reason (days counted from its start, both ends included)', () => {
    it.each(PROLONGATION_REASONS)('%s: exactly the maximum is accepted, one day more refused', (reason) => {
      const max = SPEC_TABLE[reason].max;
      expect(refusalCodes({ reason, endDate: addDays(START, max - 1) })).toEqual([]);
      const refusals = checkProlongation(request({ reason, endDate: addDays(START, max) })).refusals;
      expect(codes(refusals)).toEqual(['prolongation_too_long']);
      expect(refusals[0]?.message).toContain(String(max));
    });

    it('365 days from 1 September 2027 end on 30 August 2028, because of 29 February', () => {
      expect(refusalCodes({ endDate: '2028-08-30' })).toEqual([]);
      expect(refusalCodes({ endDate: '2028-08-31' })).toEqual(['prolongation_too_long']);
      expect(prolongationMaxEnd('FIN_FORMATION', CURRENT_END, [])).toBe('2028-08-30');
    });

    it('a one-day prolongation (end = start) is accepted, an end before the start refused', () => {
      expect(refusalCodes({ endDate: START, today: CURRENT_END })).toEqual([]);
      const refusals = checkProlongation(request({ endDate: CURRENT_END, today: CURRENT_END })).refusals;
      expect(codes(refusals)).toEqual(['prolongation_end_before_start']);
      expect(refusals[0]?.message).toContain('01/09/2027');
    });

    it('a prolongation that would already be over today is refused', () => {
      expect(refusalCodes({ today: '2028-02-01', endDate: '2028-01-31' })).toEqual(['prolongation_end_in_past']);
      expect(refusalCodes({ today: '2028-02-01', endDate: '2028-02-01' })).toEqual([]);
    });
  });

  describe('cumulative cap per reason', () => {
    it.each([
      ['RQTH', 3],
      ['DIFFICULTES_PARTICULIERES', 3],
      ['SENIOR', 5],
    ] as const)('%s: reaching %i × 365 days exactly is accepted, one day past it refused', (reason, times) => {
      const cap = times * 365;
      const previous = Array.from({ length: times - 1 }, () => granted(reason, 365));
      expect(grantedDays(reason, previous)).toBe(cap - 365);
      expect(refusalCodes({ reason, previous, endDate: addDays(START, 364) })).toEqual([]);

      const oneMore = [...previous.slice(1), granted(reason, 365), granted(reason, 1)];
      expect(grantedDays(reason, oneMore)).toBe(cap - 365 + 1);
      const refusals = checkProlongation(request({ reason, previous: oneMore, endDate: addDays(START, 364) })).refusals;
      expect(codes(refusals)).toEqual(['prolongation_cap_reached']);
      expect(refusals[0]?.message).toContain('il reste 364 jours');
      expect(refusalCodes({ reason, previous: oneMore, endDate: addDays(START, 363) })).toEqual([]);
    });

    it.each(['RQTH', 'SENIOR', 'DIFFICULTES_PARTICULIERES'] as const)(
      '%s: once the cap is used up, even one more day is refused',
      (reason) => {
        const cap = SPEC_TABLE[reason].cap!;
        const previous = [granted(reason, cap)];
        expect(availableDays(reason, previous)).toBe(0);
        expect(prolongationMaxEnd(reason, CURRENT_END, previous)).toBeNull();
        const refusals = checkProlongation(request({ reason, previous, endDate: START, today: CURRENT_END })).refusals;
        expect(codes(refusals)).toEqual(['prolongation_cap_reached']);
        expect(refusals[0]?.message).toMatch(/atteinte/);
      },
    );

    it.each(['SENIOR_CDI', 'FIN_FORMATION'] as const)(
      '%s has no cap: 20 years already granted do not matter',
      (reason) => {
        const previous = Array.from({ length: 20 }, () => granted(reason, 365));
        expect(availableDays(reason, previous)).toBe(SPEC_TABLE[reason].max);
        expect(refusalCodes({ reason, previous, endDate: addDays(START, SPEC_TABLE[reason].max - 1) })).toEqual([]);
      },
    );

    it('prolongations for other reasons do not count towards a reason’s cap', () => {
      const previous = [granted('RQTH', 1095), granted('SENIOR_CDI', 3650)];
      expect(grantedDays('SENIOR', previous)).toBe(0);
      expect(refusalCodes({ reason: 'SENIOR', previous })).toEqual([]);
      expect(refusalCodes({ reason: 'RQTH', previous })).toEqual(['prolongation_cap_reached']);
    });

    it('what is left of the cap bounds the latest end date', () => {
      const previous = [granted('RQTH', 1000)];
      expect(availableDays('RQTH', previous)).toBe(95);
      expect(prolongationMaxEnd('RQTH', CURRENT_END, previous)).toBe(addDays(START, 94));
      expect(refusalCodes({ reason: 'RQTH', previous, endDate: addDays(START, 94) })).toEqual([]);
      expect(refusalCodes({ reason: 'RQTH', previous, endDate: addDays(START, 95) })).toEqual([
        'prolongation_cap_reached',
      ]);
    });

    it('a request both too long and past the cap reports both', () => {
      expect(refusalCodes({ reason: 'RQTH', previous: [granted('RQTH', 1000)], endDate: addDays(START, 365) })).toEqual(
        ['prolongation_too_long', 'prolongation_cap_reached'],
      );
    });
  });

  it('only one request at a time: a pending request blocks another', () => {
    const refusals = checkProlongation(request({ pendingRequest: true })).refusals;
    expect(codes(refusals)).toEqual(['prolongation_request_pending']);
    expect(refusals[0]?.message).toMatch(/déjà en attente/);
  });

  it.each(EMPLOYER_KINDS)(
    'DIFFICULTES_PARTICULIERES asked by an employer of kind %s: AI and ACI only',
    (employerKind) => {
      const result = refusalCodes({ reason: 'DIFFICULTES_PARTICULIERES', employerKind });
      if (employerKind === 'AI' || employerKind === 'ACI') expect(result).toEqual([]);
      else expect(result).toEqual(['prolongation_reason_not_allowed']);
    },
  );

  it('the refusal for a reason reserved to AI and ACI names them in French', () => {
    const [refusal] = checkProlongation(request({ reason: 'DIFFICULTES_PARTICULIERES', employerKind: 'EI' })).refusals;
    expect(refusal?.message).toContain('AI ou ACI');
  });

  it('every broken rule is reported at once', () => {
    expect(
      refusalCodes({
        reason: 'DIFFICULTES_PARTICULIERES',
        employerKind: 'ETTI',
        pendingRequest: true,
        today: '2026-01-01',
        endDate: '2025-12-31',
      }),
    ).toEqual([
      'prolongation_reason_not_allowed',
      'prolongation_request_pending',
      'prolongation_too_early',
      'prolongation_end_before_start',
      'prolongation_end_in_past',
    ]);
  });
});

describe('prolongation lengths and the end date', () => {
  it('a prolongation’s length counts both ends', () => {
    expect(prolongationLengthDays({ start: START, end: START })).toBe(1);
    expect(prolongationLengthDays({ start: '2027-09-01', end: '2028-08-30' })).toBe(365);
  });

  it('granted one after another, each prolongation starts the day after the previous end', () => {
    const first: Prolongation = { reason: 'SENIOR', start: prolongationStart(CURRENT_END), end: '2028-08-30' };
    const afterFirst = endDateWithProlongations(CURRENT_END, [first]);
    expect(afterFirst).toBe('2028-08-30');
    const second: Prolongation = { reason: 'SENIOR', start: prolongationStart(afterFirst), end: '2029-08-30' };
    expect(second.start).toBe('2028-08-31');
    expect(endDateWithProlongations(CURRENT_END, [first, second])).toBe('2029-08-30');
  });

  it('no prolongation leaves the end date where it is', () => {
    expect(endDateWithProlongations(CURRENT_END, [])).toBe(CURRENT_END);
  });
});

describe('prolongationRequestReminderDates', () => {
  it('a request waiting for a prescriber is reminded 10, 20 and 30 days after it was made', () => {
    expect(prolongationRequestReminderDates('2028-02-15')).toEqual(['2028-02-25', '2028-03-06', '2028-03-16']);
  });
});

describe('checkProlongationOpen (docs/rules.md §5)', () => {
  const currentEnd = '2028-01-31';

  it('within the window and with no request pending, a prolongation may be asked for', () => {
    expect(checkProlongationOpen({ currentEnd, today: '2027-01-31', pendingRequest: false })).toEqual([]);
    expect(checkProlongationOpen({ currentEnd, today: '2028-07-31', pendingRequest: false })).toEqual([]);
  });

  it('gives the same refusals as the full check, in the same words', () => {
    for (const [today, pendingRequest] of [
      ['2027-01-30', false],
      ['2028-08-01', false],
      ['2027-06-01', true],
    ] as const) {
      const open = checkProlongationOpen({ currentEnd, today, pendingRequest });
      expect(open).toHaveLength(1);
      const full = checkProlongation({
        reason: 'SENIOR',
        endDate: '2029-01-31',
        currentEnd,
        today,
        employerKind: 'ACI',
        previous: [],
        pendingRequest,
      }).refusals;
      expect(full).toEqual(expect.arrayContaining(open));
    }
    expect(checkProlongationOpen({ currentEnd, today: '2027-01-30', pendingRequest: false })[0]?.message).toBe(
      'Une prolongation ne peut être demandée que dans les 12 mois précédant la fin du PASS IAE, à partir du 31/01/2027.',
    );
  });
});
