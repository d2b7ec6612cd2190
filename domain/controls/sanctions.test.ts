import { describe, expect, it } from 'vitest';
import { checkSanctions, earliestRevocationStart, type Sanction } from './sanctions.ts';

const check = (sanctions: Sanction[], overrides: { controlRefused?: boolean; notifiedOn?: string } = {}) =>
  checkSanctions({
    controlRefused: true,
    notifiedOn: '2026-01-31',
    failedHireIds: ['h1', 'h2'],
    sanctions,
    ...overrides,
  }).map((r) => r.code);

describe('sanctions (docs/rules.md §8)', () => {
  it('a revocation starts at least 1 month after the notification (month ends clamp)', () => {
    expect(earliestRevocationStart('2026-01-15')).toBe('2026-02-15');
    expect(earliestRevocationStart('2026-01-31')).toBe('2026-02-28');
  });

  it('accepts each sanction alone when valid', () => {
    expect(check([{ kind: 'information_session' }])).toEqual([]);
    expect(check([{ kind: 'temporary_revocation', from: '2026-02-28', until: '2026-02-28' }])).toEqual([]);
    expect(check([{ kind: 'permanent_revocation', from: '2026-03-01' }])).toEqual([]);
    expect(check([{ kind: 'subsidy_cut', percentByHire: { h1: 1, h2: 100 } }])).toEqual([]);
    expect(check([{ kind: 'none', reason: 'Première irrégularité, de bonne foi.' }])).toEqual([]);
  });

  it('a revocation starting one day too soon is refused, with the earliest date in French', () => {
    const refusals = checkSanctions({
      controlRefused: true,
      notifiedOn: '2026-01-31',
      failedHireIds: [],
      sanctions: [{ kind: 'permanent_revocation', from: '2026-02-27' }],
    });
    expect(refusals).toEqual([
      {
        code: 'sanction_revocation_too_soon',
        message: "Le retrait ne peut commencer qu'un mois au moins après la notification : au plus tôt le 28/02/2026.",
      },
    ]);
  });

  it('a temporary revocation ends on or after its start', () => {
    expect(check([{ kind: 'temporary_revocation', from: '2026-03-10', until: '2026-03-09' }])).toEqual([
      'sanction_revocation_end_before_start',
    ]);
    expect(check([{ kind: 'temporary_revocation', from: '2026-03-10', until: '2026-02-30' }])).toEqual([
      'sanction_revocation_date_invalid',
    ]);
  });

  it('temporary and permanent revocations exclude each other', () => {
    expect(
      check([
        { kind: 'temporary_revocation', from: '2026-03-10', until: '2026-06-10' },
        { kind: 'permanent_revocation', from: '2026-03-10' },
      ]),
    ).toEqual(['sanction_revocations_exclusive']);
  });

  it('`none` excludes all the others and needs a reason', () => {
    expect(check([{ kind: 'none', reason: 'x' }, { kind: 'information_session' }])).toEqual([
      'sanction_none_exclusive',
    ]);
    expect(check([{ kind: 'none', reason: '  ' }])).toEqual(['sanction_none_reason_required']);
  });

  it('several sanctions combine: information session, temporary revocation and subsidy cut', () => {
    expect(
      check([
        { kind: 'information_session' },
        { kind: 'temporary_revocation', from: '2026-03-10', until: '2026-06-10' },
        { kind: 'subsidy_cut', percentByHire: { h1: 50 } },
      ]),
    ).toEqual([]);
  });

  it('subsidy cut: 1–100 % integers, failed hires only, at least one', () => {
    expect(check([{ kind: 'subsidy_cut', percentByHire: { h1: 0 } }])).toEqual([
      'sanction_subsidy_cut_percent_invalid',
    ]);
    expect(check([{ kind: 'subsidy_cut', percentByHire: { h1: 101 } }])).toEqual([
      'sanction_subsidy_cut_percent_invalid',
    ]);
    expect(check([{ kind: 'subsidy_cut', percentByHire: { h1: 12.5 } }])).toEqual([
      'sanction_subsidy_cut_percent_invalid',
    ]);
    expect(check([{ kind: 'subsidy_cut', percentByHire: { h9: 50 } }])).toEqual([
      'sanction_subsidy_cut_hire_not_failed',
    ]);
    expect(check([{ kind: 'subsidy_cut', percentByHire: {} }])).toEqual(['sanction_subsidy_cut_empty']);
  });

  it('at least one sanction, each once, and only on a refused control', () => {
    expect(check([])).toEqual(['sanction_missing']);
    expect(check([{ kind: 'information_session' }, { kind: 'information_session' }])).toEqual(['sanction_duplicate']);
    expect(check([{ kind: 'information_session' }], { controlRefused: false })).toEqual([
      'sanction_control_not_refused',
    ]);
  });
});
