import { describe, expect, it } from 'vitest';
import { checkHirePostponement, decideHire, isSameHire, type HireDiagnosis, type HireRequest } from './hiring.ts';

const today = '2027-03-10';
const prescriberDiagnosis: HireDiagnosis = {
  id: 'd-prescriber',
  author: 'PRESCRIBER',
  employerId: null,
  madeOn: '2027-01-15',
  heldByPassUntil: null,
};
const ownDiagnosis: HireDiagnosis = {
  id: 'd-own',
  author: 'EMPLOYER',
  employerId: 'siae',
  madeOn: '2027-03-01',
  heldByPassUntil: null,
};

const request = (overrides: Partial<HireRequest> = {}): HireRequest => ({
  today,
  hiringStartDate: '2027-03-15',
  hiringEndDate: null,
  employer: { id: 'siae', kind: 'ACI', selfPrescriptionAllowed: true },
  sentByAuthorizedPrescriber: false,
  diagnoses: [prescriberDiagnosis],
  currentPass: null,
  lastEndedPassEnd: null,
  ...overrides,
});

const refusalCode = (r: HireRequest) => {
  try {
    decideHire(r);
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('hiring start date', () => {
  it('may be today, not yesterday', () => {
    expect(decideHire(request({ hiringStartDate: today }))).toEqual({ pass: 'new', diagnosisId: 'd-prescriber' });
    expect(refusalCode(request({ hiringStartDate: '2027-03-09' }))).toBe('hiring_start_in_past');
  });
  it('may be 6 months ahead, not a day more', () => {
    expect(refusalCode(request({ hiringStartDate: '2027-09-10' }))).not.toBe('hiring_start_too_far');
    expect(refusalCode(request({ hiringStartDate: '2027-09-11' }))).toBe('hiring_start_too_far');
  });
  it('the end date, when given, comes after the start', () => {
    expect(refusalCode(request({ hiringEndDate: '2027-03-15' }))).toBe('hiring_end_before_start');
    expect(refusalCode(request({ hiringEndDate: '2027-03-16' }))).toBeNull();
  });
});

describe('what becomes of the PASS', () => {
  it('GEIQ and EA hires issue no PASS and need no diagnosis', () => {
    for (const kind of ['GEIQ', 'EA', 'EATT'] as const) {
      expect(
        decideHire(request({ employer: { id: 'x', kind, selfPrescriptionAllowed: false }, diagnoses: [] })),
      ).toEqual({ pass: 'none' });
    }
  });

  it('a valid or future PASS is reused, without a new diagnosis', () => {
    expect(decideHire(request({ diagnoses: [], currentPass: { number: '999990000042', end: '2028-01-01' } }))).toEqual({
      pass: 'reuse',
      number: '999990000042',
    });
  });

  it('a PASS ending before the start date cannot carry the hire', () => {
    expect(refusalCode(request({ currentPass: { number: '999990000042', end: '2027-03-14' } }))).toBe(
      'pass_ends_before_hire',
    );
    expect(decideHire(request({ currentPass: { number: '999990000042', end: '2027-03-15' } })).pass).toBe('reuse');
  });

  it('otherwise a new PASS, on the diagnosis valid on the start date', () => {
    expect(decideHire(request())).toEqual({ pass: 'new', diagnosisId: 'd-prescriber' });
  });
});

describe('diagnosis on the hiring start date', () => {
  it('none at all: refused', () => {
    expect(refusalCode(request({ diagnoses: [] }))).toBe('no_valid_diagnosis');
  });

  it("a prescriber's diagnosis expiring before the start date does not count", () => {
    // Made 2026-09-20: valid through 2027-03-19.
    const ageing = { ...prescriberDiagnosis, madeOn: '2026-09-20' };
    expect(decideHire(request({ diagnoses: [ageing], hiringStartDate: '2027-03-19' })).pass).toBe('new');
    expect(refusalCode(request({ diagnoses: [ageing], hiringStartDate: '2027-03-20' }))).toBe('no_valid_diagnosis');
  });

  it("a prescriber's diagnosis takes precedence over the employer's own", () => {
    expect(decideHire(request({ diagnoses: [ownDiagnosis, prescriberDiagnosis] }))).toEqual({
      pass: 'new',
      diagnosisId: 'd-prescriber',
    });
  });

  it("the SIAE's own diagnosis serves when self-prescription is allowed, not otherwise", () => {
    expect(decideHire(request({ diagnoses: [ownDiagnosis] }))).toEqual({ pass: 'new', diagnosisId: 'd-own' });
    expect(
      refusalCode(
        request({ diagnoses: [ownDiagnosis], employer: { id: 'siae', kind: 'ACI', selfPrescriptionAllowed: false } }),
      ),
    ).toBe('no_valid_diagnosis');
  });

  it("another SIAE's diagnosis is never used", () => {
    expect(refusalCode(request({ diagnoses: [{ ...ownDiagnosis, employerId: 'other-siae' }] }))).toBe(
      'no_valid_diagnosis',
    );
  });
});

describe('waiting period', () => {
  const recentlyEnded = { lastEndedPassEnd: '2026-06-30' };
  it('a new PASS within 2 years of the last one needs the prescriber route', () => {
    expect(refusalCode(request({ ...recentlyEnded, diagnoses: [ownDiagnosis] }))).toBe('waiting_period');
  });
  it("an authorized prescriber's application opens it", () => {
    expect(
      decideHire(request({ ...recentlyEnded, diagnoses: [ownDiagnosis], sentByAuthorizedPrescriber: true })).pass,
    ).toBe('new');
  });
  it("so does a prescriber's valid diagnosis", () => {
    expect(decideHire(request({ ...recentlyEnded })).pass).toBe('new');
  });
  it('after 2 years, the employer route opens it again', () => {
    expect(decideHire(request({ lastEndedPassEnd: '2025-03-14', diagnoses: [ownDiagnosis] })).pass).toBe('new');
    expect(refusalCode(request({ lastEndedPassEnd: '2025-03-15', diagnoses: [ownDiagnosis] }))).toBe('waiting_period');
  });
});

describe('postponing a hire', () => {
  const accepted = { state: 'accepted', hiringStartDate: '2027-03-20', firstHiringStartDate: '2027-03-15' };
  const code = (next: string, on = today, hire = accepted) => {
    try {
      checkHirePostponement(hire, next, on);
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };
  it('to a later day up to 30 days after the start first agreed', () => {
    expect(code('2027-04-14')).toBeNull();
    expect(code('2027-04-15')).toBe('hiring_postponement_too_long');
    expect(code('2027-03-20')).toBe('hiring_postponement_not_later');
  });
  it('only for an accepted hire, before its contract starts', () => {
    expect(code('2027-03-25', today, { ...accepted, state: 'new' })).toBe('hire_not_accepted');
    expect(code('2027-03-25', '2027-03-20')).toBe('hire_already_started');
  });
});

describe('isSameHire', () => {
  const hire = { state: 'accepted', hiringStartDate: '2026-03-10', hiringEndDate: null };

  it('is the accepted hire asked again with the same dates, and nothing else', () => {
    expect(isSameHire(hire, { hiringStartDate: '2026-03-10', hiringEndDate: null })).toBe(true);
    expect(isSameHire(hire, { hiringStartDate: '2026-03-11', hiringEndDate: null })).toBe(false);
    expect(isSameHire(hire, { hiringStartDate: '2026-03-10', hiringEndDate: '2026-09-10' })).toBe(false);
    expect(isSameHire({ ...hire, state: 'processing' }, { hiringStartDate: '2026-03-10', hiringEndDate: null })).toBe(
      false,
    );
  });
});
