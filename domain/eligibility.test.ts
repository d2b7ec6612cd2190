import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './dates.ts';
import {
  isSelfPrescriptionRightActive,
  ADMINISTRATIVE_CRITERIA,
  CRITERION_LABELS,
  CRITERIA_MESSAGES,
  EMPLOYER_DIAGNOSIS_VALIDITY_DAYS,
  FORBIDDEN_CRITERIA_PAIRS,
  LEVEL_1_CRITERIA,
  LEVEL_2_CRITERIA,
  PICK_DIAGNOSIS_MESSAGES,
  PRESCRIBER_DIAGNOSIS_VALIDITY_MONTHS,
  SELF_PRESCRIPTION_REQUIREMENTS,
  ageOn,
  canSelfDiagnose,
  isSelfPrescriptionAllowed,
  checkCriteria,
  criterionLevel,
  diagnosisExpiry,
  diagnosisValidUntil,
  evaluateSelfPrescription,
  isAdministrativeCriterion,
  isDiagnosisValidOn,
  pickDiagnosis,
  selfPrescriptionRequirement,
  type AdministrativeCriterion,
  type EligibilityDiagnosis,
} from './eligibility.ts';
import { EMPLOYER_KINDS, SIAE_KINDS, type EmployerKind } from './organizations.ts';

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('administrative criteria', () => {
  it('level 1 is exactly RSA, ASS, AAH and DETLD', () => {
    expect([...LEVEL_1_CRITERIA]).toEqual(['RSA', 'ASS', 'AAH', 'DETLD']);
  });

  it('level 2 is exactly the 14 criteria of the spec', () => {
    expect([...LEVEL_2_CRITERIA].sort()).toEqual(
      [
        'NIVEAU_INFRA_4',
        'SENIOR',
        'JEUNE',
        'ASE',
        'DELD',
        'TH',
        'PARENT_ISOLE',
        'SANS_HEBERGEMENT',
        'REFUGIE',
        'ZRR',
        'QPV',
        'SOUS_MAIN_JUSTICE',
        'FLE',
        'MOBILITE',
      ].sort(),
    );
  });

  it('no criterion is at both levels', () => {
    const level1: readonly string[] = LEVEL_1_CRITERIA;
    expect(LEVEL_2_CRITERIA.filter((criterion) => level1.includes(criterion))).toEqual([]);
    expect(ADMINISTRATIVE_CRITERIA).toHaveLength(18);
  });

  it.each(LEVEL_1_CRITERIA)('%s is a level-1 criterion', (criterion) => {
    expect(criterionLevel(criterion)).toBe(1);
  });

  it.each(LEVEL_2_CRITERIA)('%s is a level-2 criterion', (criterion) => {
    expect(criterionLevel(criterion)).toBe(2);
  });

  it('every criterion has its own French label', () => {
    const labels = ADMINISTRATIVE_CRITERIA.map((criterion) => CRITERION_LABELS[criterion]);
    expect(new Set(labels).size).toBe(ADMINISTRATIVE_CRITERIA.length);
    for (const label of labels) expect(label.length).toBeGreaterThan(5);
    expect(Object.keys(CRITERION_LABELS).sort()).toEqual([...ADMINISTRATIVE_CRITERIA].sort());
  });

  it('labels say what each criterion means', () => {
    expect(CRITERION_LABELS.RSA).toBe('Bénéficiaire du RSA');
    expect(CRITERION_LABELS.DETLD).toBe("Demandeur d'emploi de très longue durée (24 mois et plus)");
    expect(CRITERION_LABELS.DELD).toBe("Demandeur d'emploi de longue durée (12 à 24 mois)");
    expect(CRITERION_LABELS.SENIOR).toContain('50 ans');
    expect(CRITERION_LABELS.JEUNE).toContain('moins de 26 ans');
    expect(CRITERION_LABELS.FLE).toContain('A1');
  });

  it('only the 18 codes are administrative criteria, case included', () => {
    for (const criterion of ADMINISTRATIVE_CRITERIA) expect(isAdministrativeCriterion(criterion)).toBe(true);
    for (const value of ['rsa', 'RSA ', '', 'SENIOR_CDI', 'RQTH', 'toString']) {
      expect(isAdministrativeCriterion(value)).toBe(false);
    }
  });

  it('the forbidden pairs are exactly SENIOR+JEUNE and DETLD+DELD', () => {
    expect(FORBIDDEN_CRITERIA_PAIRS).toEqual([
      ['SENIOR', 'JEUNE'],
      ['DETLD', 'DELD'],
    ]);
  });
});

describe('ageOn', () => {
  it('a person is one year older on their birthday, not the day before', () => {
    expect(ageOn('1976-05-12', '2026-05-11')).toBe(49);
    expect(ageOn('1976-05-12', '2026-05-12')).toBe(50);
  });

  it('the birth day itself is age 0', () => {
    expect(ageOn('2026-05-12', '2026-05-12')).toBe(0);
  });

  it('born 31 December: one year older on 31 December, not on 1 January', () => {
    expect(ageOn('2000-12-31', '2026-01-01')).toBe(25);
    expect(ageOn('2000-12-31', '2026-12-30')).toBe(25);
    expect(ageOn('2000-12-31', '2026-12-31')).toBe(26);
  });

  it('born 29 February: in a common year the birthday falls on 1 March', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('born 29 February: in a leap year the birthday is 29 February', () => {
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('born 28 February: one year older on 28 February even in a leap year', () => {
    expect(ageOn('2000-02-28', '2028-02-27')).toBe(27);
    expect(ageOn('2000-02-28', '2028-02-28')).toBe(28);
  });

  it('a date that is not a calendar day is refused', () => {
    expect(() => ageOn('2001-02-29', '2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', '26/01/2026')).toThrow(RangeError);
  });
});

describe('checkCriteria', () => {
  const adult = { birthDate: '1990-06-15', on: '2026-03-01' };

  it('no criteria at all is fine (a prescriber needs no minimum)', () => {
    expect(checkCriteria({ criteria: [], ...adult })).toEqual([]);
  });

  it('compatible criteria give no problem', () => {
    expect(checkCriteria({ criteria: ['RSA', 'DETLD', 'QPV', 'TH', 'MOBILITE'], ...adult })).toEqual([]);
  });

  it('every pair of distinct criteria is accepted except SENIOR+JEUNE and DETLD+DELD', () => {
    const forbidden = new Set(['SENIOR+JEUNE', 'JEUNE+SENIOR', 'DETLD+DELD', 'DELD+DETLD']);
    for (const a of ADMINISTRATIVE_CRITERIA) {
      for (const b of ADMINISTRATIVE_CRITERIA) {
        if (a === b) continue;
        // An age that agrees with whichever of SENIOR / JEUNE the pair holds.
        const birthDate = a === 'SENIOR' || b === 'SENIOR' ? '1960-01-01' : '2005-01-01';
        const problems = codes(checkCriteria({ criteria: [a, b], birthDate, on: '2026-03-01' }));
        // SENIOR+JEUNE also fails one of the ages, whatever the birth date: only the pair matters here.
        if (forbidden.has(`${a}+${b}`)) expect(problems, `${a}+${b}`).toContain('criteria_incompatible');
        else expect(problems, `${a}+${b}`).toEqual([]);
      }
    }
  });

  it.each([
    ['SENIOR', 'JEUNE'],
    ['JEUNE', 'SENIOR'],
  ] as const)('%s with %s is refused whatever the order', (a, b) => {
    const problems = checkCriteria({ criteria: [a, b], birthDate: '1960-01-01', on: '2026-03-01' });
    expect(problems).toContainEqual({
      code: 'criteria_incompatible',
      message: CRITERIA_MESSAGES.incompatible('SENIOR', 'JEUNE'),
    });
  });

  it.each([
    ['DETLD', 'DELD'],
    ['DELD', 'DETLD'],
  ] as const)('%s with %s is refused whatever the order', (a, b) => {
    expect(checkCriteria({ criteria: [a, b], ...adult })).toEqual([
      { code: 'criteria_incompatible', message: CRITERIA_MESSAGES.incompatible('DETLD', 'DELD') },
    ]);
  });

  it('the incompatibility message names both criteria in French', () => {
    expect(CRITERIA_MESSAGES.incompatible('DETLD', 'DELD')).toBe(
      "Les critères « Demandeur d'emploi de très longue durée (24 mois et plus) » et « Demandeur d'emploi de longue " +
        'durée (12 à 24 mois) » ne peuvent pas être retenus ensemble.',
    );
  });

  it('both forbidden pairs at once give two problems', () => {
    const problems = checkCriteria({
      criteria: ['SENIOR', 'JEUNE', 'DETLD', 'DELD'],
      birthDate: '1960-01-01',
      on: '2026-03-01',
    });
    expect(codes(problems).filter((code) => code === 'criteria_incompatible')).toHaveLength(2);
  });

  it('a criterion ticked twice is refused, and reported once however many times it repeats', () => {
    expect(checkCriteria({ criteria: ['RSA', 'QPV', 'RSA', 'RSA'], ...adult })).toEqual([
      { code: 'criterion_duplicate', message: CRITERIA_MESSAGES.duplicate('RSA') },
    ]);
    expect(CRITERIA_MESSAGES.duplicate('RSA')).toBe(
      'Le critère « Bénéficiaire du RSA » est sélectionné plusieurs fois.',
    );
  });

  it('each duplicated criterion is reported', () => {
    expect(codes(checkCriteria({ criteria: ['RSA', 'QPV', 'RSA', 'QPV'], ...adult }))).toEqual([
      'criterion_duplicate',
      'criterion_duplicate',
    ]);
  });

  it('an unknown criterion is refused with a French message', () => {
    expect(checkCriteria({ criteria: ['RSA', 'RQTH', 'RQTH'], ...adult })).toEqual([
      { code: 'criterion_unknown', message: "« RQTH » n'est pas un critère administratif connu." },
    ]);
  });

  describe('SENIOR must agree with the birth date (50 or more on the diagnosis day)', () => {
    it('SENIOR is accepted on the 50th birthday', () => {
      expect(checkCriteria({ criteria: ['SENIOR'], birthDate: '1976-05-12', on: '2026-05-12' })).toEqual([]);
    });

    it('SENIOR is refused the day before the 50th birthday', () => {
      expect(checkCriteria({ criteria: ['SENIOR'], birthDate: '1976-05-12', on: '2026-05-11' })).toEqual([
        { code: 'senior_too_young', message: CRITERIA_MESSAGES.seniorTooYoung(49) },
      ]);
    });

    it('SENIOR is accepted well past 50', () => {
      expect(checkCriteria({ criteria: ['SENIOR'], birthDate: '1950-01-01', on: '2026-05-11' })).toEqual([]);
    });

    it('born 29 February 1976: SENIOR is refused on 28 February 2026 and accepted on 1 March 2026', () => {
      expect(codes(checkCriteria({ criteria: ['SENIOR'], birthDate: '1976-02-29', on: '2026-02-28' }))).toEqual([
        'senior_too_young',
      ]);
      expect(checkCriteria({ criteria: ['SENIOR'], birthDate: '1976-02-29', on: '2026-03-01' })).toEqual([]);
    });

    it('born 29 February: the 50th birthday always falls in a common year, so SENIOR starts on 1 March', () => {
      for (const birthDate of ['1972-02-29', '1980-02-29', '1984-02-29']) {
        const fiftieth = Number(birthDate.slice(0, 4)) + 50;
        expect(codes(checkCriteria({ criteria: ['SENIOR'], birthDate, on: `${fiftieth}-02-28` }))).toEqual([
          'senior_too_young',
        ]);
        expect(checkCriteria({ criteria: ['SENIOR'], birthDate, on: `${fiftieth}-03-01` })).toEqual([]);
      }
    });

    it('the message gives the age in French', () => {
      expect(CRITERIA_MESSAGES.seniorTooYoung(49)).toBe(
        'Le critère « Senior (50 ans et plus) » ne correspond pas à la date de naissance : le candidat a 49 ans.',
      );
    });
  });

  describe('JEUNE must agree with the birth date (under 26 on the diagnosis day)', () => {
    it('JEUNE is accepted the day before the 26th birthday', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2000-09-30', on: '2026-09-29' })).toEqual([]);
    });

    it('JEUNE is refused on the 26th birthday', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2000-09-30', on: '2026-09-30' })).toEqual([
        { code: 'jeune_too_old', message: CRITERIA_MESSAGES.jeuneTooOld(26) },
      ]);
    });

    it('JEUNE is accepted for a teenager', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2009-01-01', on: '2026-09-29' })).toEqual([]);
    });

    it('born 29 February 2000: JEUNE is accepted on 28 February 2026 and refused on 1 March 2026', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2000-02-29', on: '2026-02-28' })).toEqual([]);
      expect(codes(checkCriteria({ criteria: ['JEUNE'], birthDate: '2000-02-29', on: '2026-03-01' }))).toEqual([
        'jeune_too_old',
      ]);
    });

    it('born 29 February 2004: JEUNE is accepted on 28 February 2030 and refused on 1 March 2030', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2004-02-29', on: '2030-02-28' })).toEqual([]);
      expect(codes(checkCriteria({ criteria: ['JEUNE'], birthDate: '2004-02-29', on: '2030-03-01' }))).toEqual([
        'jeune_too_old',
      ]);
    });

    it('born 28 February: JEUNE is refused on 28 February of the 26th year even when it is a leap year', () => {
      expect(checkCriteria({ criteria: ['JEUNE'], birthDate: '2006-02-28', on: '2032-02-27' })).toEqual([]);
      expect(codes(checkCriteria({ criteria: ['JEUNE'], birthDate: '2006-02-28', on: '2032-02-28' }))).toEqual([
        'jeune_too_old',
      ]);
    });
  });

  it('SENIOR and JEUNE together for a 30-year-old give the incompatibility and both age problems', () => {
    expect(codes(checkCriteria({ criteria: ['SENIOR', 'JEUNE'], birthDate: '1996-01-01', on: '2026-03-01' }))).toEqual([
      'criteria_incompatible',
      'senior_too_young',
      'jeune_too_old',
    ]);
  });

  it('without SENIOR nor JEUNE the birth date does not matter', () => {
    expect(checkCriteria({ criteria: ['RSA', 'QPV'], birthDate: '2020-01-01', on: '2026-03-01' })).toEqual([]);
  });
});

describe('self-prescription requirement by employer kind', () => {
  const expected: Record<EmployerKind, { level1: number; level2: number } | null> = {
    ACI: { level1: 1, level2: 3 },
    EI: { level1: 1, level2: 3 },
    EITI: { level1: 1, level2: 3 },
    AI: { level1: 1, level2: 2 },
    ETTI: { level1: 1, level2: 2 },
    GEIQ: null,
    EA: null,
    EATT: null,
  };

  it.each(EMPLOYER_KINDS)('%s: the requirement is as the spec says', (kind) => {
    expect(selfPrescriptionRequirement(kind)).toEqual(expected[kind]);
  });

  it('exactly the SIAE kinds self-prescribe', () => {
    const withRequirement = EMPLOYER_KINDS.filter((kind) => SELF_PRESCRIPTION_REQUIREMENTS[kind] !== null);
    expect(withRequirement.sort()).toEqual([...SIAE_KINDS].sort());
  });
});

describe('evaluateSelfPrescription', () => {
  it('the spec examples read as expected', () => {
    expect(evaluateSelfPrescription('ACI', ['RSA'])).toEqual({
      sufficient: true,
      explanation: 'Critères suffisants : 1 critère de niveau 1.',
    });
    expect(evaluateSelfPrescription('ACI', ['QPV', 'TH'])).toEqual({
      sufficient: false,
      explanation: 'Il manque 1 critère de niveau 2 (3 requis pour un ACI) ou 1 critère de niveau 1.',
    });
  });

  it.each(SIAE_KINDS)('%s: one level-1 criterion is enough on its own', (kind) => {
    for (const criterion of LEVEL_1_CRITERIA) {
      expect(evaluateSelfPrescription(kind, [criterion])).toEqual({
        sufficient: true,
        explanation: 'Critères suffisants : 1 critère de niveau 1.',
      });
    }
  });

  it.each([
    ['ACI', 'un ACI'],
    ['EI', 'une EI'],
    ['EITI', 'une EITI'],
  ] as const)('%s: 3 level-2 criteria are enough, 2 are not', (kind, withArticle) => {
    expect(evaluateSelfPrescription(kind, ['QPV', 'TH', 'FLE'])).toEqual({
      sufficient: true,
      explanation: 'Critères suffisants : 3 critères de niveau 2.',
    });
    expect(evaluateSelfPrescription(kind, ['QPV', 'TH'])).toEqual({
      sufficient: false,
      explanation: `Il manque 1 critère de niveau 2 (3 requis pour ${withArticle}) ou 1 critère de niveau 1.`,
    });
    expect(evaluateSelfPrescription(kind, ['QPV'])).toEqual({
      sufficient: false,
      explanation: `Il manque 2 critères de niveau 2 (3 requis pour ${withArticle}) ou 1 critère de niveau 1.`,
    });
    expect(evaluateSelfPrescription(kind, [])).toEqual({
      sufficient: false,
      explanation: `Il manque 3 critères de niveau 2 (3 requis pour ${withArticle}) ou 1 critère de niveau 1.`,
    });
  });

  it.each([
    ['AI', 'une AI'],
    ['ETTI', 'une ETTI'],
  ] as const)('%s: 2 level-2 criteria are enough, 1 is not', (kind, withArticle) => {
    expect(evaluateSelfPrescription(kind, ['QPV', 'TH'])).toEqual({
      sufficient: true,
      explanation: 'Critères suffisants : 2 critères de niveau 2.',
    });
    expect(evaluateSelfPrescription(kind, ['QPV'])).toEqual({
      sufficient: false,
      explanation: `Il manque 1 critère de niveau 2 (2 requis pour ${withArticle}) ou 1 critère de niveau 1.`,
    });
    expect(evaluateSelfPrescription(kind, [])).toEqual({
      sufficient: false,
      explanation: `Il manque 2 critères de niveau 2 (2 requis pour ${withArticle}) ou 1 critère de niveau 1.`,
    });
  });

  it.each(SIAE_KINDS)('%s: the verdict follows the counts for every number of criteria of each level', (kind) => {
    const needed = SELF_PRESCRIPTION_REQUIREMENTS[kind]!.level2;
    for (let level1 = 0; level1 <= LEVEL_1_CRITERIA.length; level1++) {
      for (let level2 = 0; level2 <= LEVEL_2_CRITERIA.length; level2++) {
        const criteria = [...LEVEL_1_CRITERIA.slice(0, level1), ...LEVEL_2_CRITERIA.slice(0, level2)];
        expect(evaluateSelfPrescription(kind, criteria).sufficient, `${level1}+${level2}`).toBe(
          level1 >= 1 || level2 >= needed,
        );
      }
    }
  });

  it('more criteria than needed are all counted in the explanation', () => {
    expect(evaluateSelfPrescription('AI', ['RSA', 'AAH', 'QPV']).explanation).toBe(
      'Critères suffisants : 2 critères de niveau 1 et 1 critère de niveau 2.',
    );
    expect(evaluateSelfPrescription('ACI', ['QPV', 'TH', 'FLE', 'ZRR']).explanation).toBe(
      'Critères suffisants : 4 critères de niveau 2.',
    );
  });

  it('a criterion ticked twice counts once', () => {
    expect(evaluateSelfPrescription('ACI', ['QPV', 'QPV', 'TH', 'TH'])).toEqual({
      sufficient: false,
      explanation: 'Il manque 1 critère de niveau 2 (3 requis pour un ACI) ou 1 critère de niveau 1.',
    });
  });

  it.each([
    ['GEIQ', 'un GEIQ'],
    ['EA', 'une EA'],
    ['EATT', 'une EATT'],
  ] as const)('%s does not self-prescribe: never sufficient, and the explanation says why', (kind, withArticle) => {
    const all: AdministrativeCriterion[] = [...ADMINISTRATIVE_CRITERIA];
    expect(evaluateSelfPrescription(kind, all)).toEqual({
      sufficient: false,
      explanation: `Pas d'auto-prescription pour ${withArticle} : ni diagnostic d'éligibilité ni PASS IAE.`,
    });
  });
});

describe('canSelfDiagnose', () => {
  const on = '2027-05-31';
  const active = { status: 'ACTIVE', revokedFrom: null, revokedUntil: null } as const;
  const revoked = { status: 'REVOKED_UNTIL', revokedFrom: '2027-05-01', revokedUntil: '2027-06-01' } as const;
  const open = { right: active, departementRolloutEnabled: true };

  it.each(SIAE_KINDS)('an %s with an active right in an open département may self-diagnose', (kind) => {
    expect(canSelfDiagnose({ employerKind: kind, ...open }, on)).toEqual({ ok: true });
  });

  it.each([
    ['GEIQ', 'Un GEIQ'],
    ['EA', 'Une EA'],
    ['EATT', 'Une EATT'],
  ] as const)('a %s cannot self-diagnose, being no SIAE', (kind, subject) => {
    const refusal = canSelfDiagnose({ employerKind: kind, ...open }, on);
    expect(refusal).toEqual({
      ok: false,
      code: 'self_diagnosis_not_siae',
      message:
        `${subject} ne peut pas réaliser de diagnostic d'éligibilité : ` +
        "l'auto-prescription est réservée aux SIAE (ACI, AI, EI, EITI, ETTI).",
    });
  });

  it.each(SIAE_KINDS)('an %s whose right is revoked cannot self-diagnose', (kind) => {
    const refusal = canSelfDiagnose({ employerKind: kind, right: revoked, departementRolloutEnabled: true }, on);
    expect(refusal).toMatchObject({ ok: false, code: 'self_prescription_right_suspended' });
    expect(!refusal.ok && refusal.message).toMatch(/^Le droit d'auto-prescription de votre structure est suspendu/);
  });

  it.each(SIAE_KINDS)('an %s in a département where the route is not enabled cannot self-diagnose', (kind) => {
    const refusal = canSelfDiagnose({ employerKind: kind, right: active, departementRolloutEnabled: false }, on);
    expect(refusal).toMatchObject({ ok: false, code: 'self_prescription_not_enabled_in_departement' });
    expect(!refusal.ok && refusal.message).toContain(
      "L'auto-prescription n'est pas encore ouverte dans votre département",
    );
  });

  it('when the département is closed and the right revoked, the département is the reason given', () => {
    expect(
      canSelfDiagnose({ employerKind: 'ACI', right: revoked, departementRolloutEnabled: false }, on),
    ).toMatchObject({
      code: 'self_prescription_not_enabled_in_departement',
    });
  });

  it('a non-SIAE is told it is no SIAE even where the route is closed', () => {
    expect(
      canSelfDiagnose({ employerKind: 'GEIQ', right: revoked, departementRolloutEnabled: false }, on),
    ).toMatchObject({
      code: 'self_diagnosis_not_siae',
    });
  });

  it('allows self-prescription again the day after the end date of a temporary revocation (docs/rules.md §8)', () => {
    const standing = { employerKind: 'ACI', right: revoked, departementRolloutEnabled: true } as const;
    expect(isSelfPrescriptionAllowed(standing, on)).toBe(false);
    expect(isSelfPrescriptionAllowed(standing, '2027-06-01')).toBe(false);
    expect(isSelfPrescriptionAllowed(standing, '2027-06-02')).toBe(true);
    expect(isSelfPrescriptionAllowed({ ...standing, departementRolloutEnabled: false }, '2027-06-02')).toBe(false);
  });
});

describe('diagnosisExpiry', () => {
  it('validity lengths are 6 months for a prescriber and 92 days for an employer', () => {
    expect(PRESCRIBER_DIAGNOSIS_VALIDITY_MONTHS).toBe(6);
    expect(EMPLOYER_DIAGNOSIS_VALIDITY_DAYS).toBe(92);
  });

  it.each([
    ['2026-03-15', '2026-09-14'],
    ['2026-01-01', '2026-06-30'],
    ['2026-07-01', '2026-12-31'],
    ['2026-09-30', '2027-03-29'],
    ['2026-02-28', '2026-08-27'],
    ['2028-02-29', '2028-08-28'],
    ['2025-10-15', '2026-04-14'],
  ])(
    'a prescriber diagnosis made on %s is valid through %s (the day before the same date 6 months on)',
    (madeOn, last) => {
      expect(diagnosisExpiry('PRESCRIBER', madeOn)).toBe(last);
    },
  );

  it.each([
    ['2025-08-31', '2026-02-27', 'to a common February'],
    ['2025-08-29', '2026-02-27', 'to a common February'],
    ['2027-08-31', '2028-02-28', 'to a leap February'],
    ['2027-08-29', '2028-02-28', 'to a leap February'],
    ['2025-12-31', '2026-06-29', 'to a 30-day June'],
    ['2025-10-31', '2026-04-29', 'to a 30-day April'],
    ['2026-03-31', '2026-09-29', 'to a 30-day September'],
  ])(
    'a prescriber diagnosis made on %s, whose date 6 months on does not exist, is valid through %s (%s)',
    (madeOn, last) => {
      expect(diagnosisExpiry('PRESCRIBER', madeOn)).toBe(last);
    },
  );

  it('a prescriber diagnosis never lasts beyond 6 calendar months, whatever the day it is made', () => {
    for (let madeOn = '2025-01-01'; madeOn < '2029-01-01'; madeOn = addDays(madeOn, 1)) {
      const last = diagnosisExpiry('PRESCRIBER', madeOn);
      expect(last < addMonths(madeOn, 6), madeOn).toBe(true);
      expect(daysBetween(madeOn, last), madeOn).toBeGreaterThanOrEqual(178);
    }
  });

  it.each(['2026-01-01', '2026-02-15', '2027-12-01', '2028-02-29', '2026-03-29'])(
    'an employer diagnosis made on %s is valid for 92 days, that day counting as the first',
    (madeOn) => {
      expect(daysBetween(madeOn, diagnosisExpiry('EMPLOYER', madeOn))).toBe(91);
    },
  );

  it('an employer diagnosis made on 1 January 2026 is valid through 2 April 2026', () => {
    expect(diagnosisExpiry('EMPLOYER', '2026-01-01')).toBe('2026-04-02');
  });
});

describe('isDiagnosisValidOn', () => {
  const employer = (madeOn: string, heldByPassUntil: string | null = null): EligibilityDiagnosis => ({
    author: 'EMPLOYER',
    employerId: 'siae-1',
    madeOn,
    heldByPassUntil,
  });
  const prescriber = (madeOn: string, heldByPassUntil: string | null = null): EligibilityDiagnosis => ({
    author: 'PRESCRIBER',
    employerId: null,
    madeOn,
    heldByPassUntil,
  });

  it('a diagnosis is valid on the day it is made', () => {
    expect(isDiagnosisValidOn(employer('2026-01-01'), '2026-01-01')).toBe(true);
    expect(isDiagnosisValidOn(prescriber('2026-01-01'), '2026-01-01')).toBe(true);
  });

  it('a diagnosis is not valid on the days before it was made', () => {
    expect(isDiagnosisValidOn(employer('2026-01-01'), '2025-12-31')).toBe(false);
    expect(isDiagnosisValidOn(prescriber('2026-01-01', '2027-12-31'), '2025-12-31')).toBe(false);
  });

  it("an employer's diagnosis is valid on its 92nd day and not on its 93rd", () => {
    const diagnosis = employer('2026-01-01');
    expect(isDiagnosisValidOn(diagnosis, addDays('2026-01-01', 91))).toBe(true);
    expect(isDiagnosisValidOn(diagnosis, addDays('2026-01-01', 92))).toBe(false);
  });

  it("a prescriber's diagnosis made on 15 March is valid on 14 September and not on 15 September", () => {
    expect(isDiagnosisValidOn(prescriber('2026-03-15'), '2026-09-14')).toBe(true);
    expect(isDiagnosisValidOn(prescriber('2026-03-15'), '2026-09-15')).toBe(false);
  });

  it("a prescriber's diagnosis made on 31 August is valid on 27 February and not on 28 February", () => {
    expect(isDiagnosisValidOn(prescriber('2025-08-31'), '2026-02-27')).toBe(true);
    expect(isDiagnosisValidOn(prescriber('2025-08-31'), '2026-02-28')).toBe(false);
  });

  it('a diagnosis that opened a PASS stays valid through the last day of that PASS', () => {
    const diagnosis = employer('2026-01-01', '2027-12-31');
    expect(isDiagnosisValidOn(diagnosis, '2026-06-01')).toBe(true);
    expect(isDiagnosisValidOn(diagnosis, '2027-12-31')).toBe(true);
    expect(isDiagnosisValidOn(diagnosis, '2028-01-01')).toBe(false);
    expect(diagnosisValidUntil(diagnosis)).toBe('2027-12-31');
  });

  it("a PASS ending before the diagnosis's own expiry does not shorten it", () => {
    const diagnosis = prescriber('2026-01-01', '2026-02-01');
    expect(isDiagnosisValidOn(diagnosis, '2026-06-30')).toBe(true);
    expect(diagnosisValidUntil(diagnosis)).toBe('2026-06-30');
  });

  it('without a PASS the diagnosis lasts only its own validity', () => {
    expect(diagnosisValidUntil(employer('2026-01-01'))).toBe('2026-04-02');
    expect(diagnosisValidUntil(prescriber('2026-01-01'))).toBe('2026-06-30');
  });
});

describe('pickDiagnosis', () => {
  interface Row extends EligibilityDiagnosis {
    id: string;
  }
  const prescriber = (id: string, madeOn: string, heldByPassUntil: string | null = null): Row => ({
    id,
    author: 'PRESCRIBER',
    employerId: null,
    madeOn,
    heldByPassUntil,
  });
  const employer = (id: string, employerId: string, madeOn: string, heldByPassUntil: string | null = null): Row => ({
    id,
    author: 'EMPLOYER',
    employerId,
    madeOn,
    heldByPassUntil,
  });
  const on = '2026-03-01';
  /** The diagnosis chosen, or null when none may be used. */
  const chosen = (...args: Parameters<typeof pickDiagnosis<Row>>) => {
    const picked = pickDiagnosis(...args);
    return picked.ok ? picked.diagnosis : null;
  };

  it("a prescriber's valid diagnosis takes precedence over the employer's own, even a more recent one", () => {
    const diagnoses = [employer('own', 'siae-1', '2026-02-20'), prescriber('p', '2026-01-10')];
    expect(pickDiagnosis(diagnoses, { employerId: 'siae-1', on })).toEqual({ ok: true, diagnosis: diagnoses[1] });
  });

  it("the employer's own valid diagnosis is used when no prescriber's is valid", () => {
    const diagnoses = [prescriber('old', '2025-06-01'), employer('own', 'siae-1', '2026-02-20')];
    expect(chosen(diagnoses, { employerId: 'siae-1', on })?.id).toBe('own');
  });

  it("another employer's diagnosis is never used, nor revealed in the reason", () => {
    const diagnoses = [employer('theirs', 'siae-2', '2026-02-20')];
    expect(pickDiagnosis(diagnoses, { employerId: 'siae-1', on })).toEqual({
      ok: false,
      code: 'no_valid_diagnosis',
      message: PICK_DIAGNOSIS_MESSAGES.none,
    });
  });

  it("with no employer (a prescriber looking), only prescribers' diagnoses count", () => {
    const diagnoses = [employer('own', 'siae-1', '2026-02-20')];
    expect(chosen(diagnoses, { employerId: null, on })).toBeNull();
    expect(chosen([...diagnoses, prescriber('p', '2026-01-01')], { employerId: null, on })?.id).toBe('p');
  });

  it('among several valid diagnoses of the same author, the most recent is chosen', () => {
    const prescribers = [prescriber('a', '2025-11-01'), prescriber('b', '2026-02-01'), prescriber('c', '2025-12-01')];
    expect(chosen(prescribers, { employerId: null, on })?.id).toBe('b');
    const own = [employer('a', 'siae-1', '2026-01-15'), employer('b', 'siae-1', '2026-02-15')];
    expect(chosen(own, { employerId: 'siae-1', on })?.id).toBe('b');
  });

  it("an employer's diagnosis held by its PASS beyond 92 days is still chosen", () => {
    const diagnoses = [employer('own', 'siae-1', '2025-01-10', '2027-01-09')];
    expect(chosen(diagnoses, { employerId: 'siae-1', on })?.id).toBe('own');
  });

  it('the chosen diagnosis is the caller object itself, with its own fields', () => {
    const row = prescriber('p', '2026-01-01');
    expect(chosen([row], { employerId: 'siae-1', on })).toBe(row);
  });

  it('when the self-prescription right is revoked, the own diagnosis is not used and the reason says so', () => {
    const diagnoses = [employer('own', 'siae-1', '2026-02-20')];
    expect(pickDiagnosis(diagnoses, { employerId: 'siae-1', on, selfPrescriptionAllowed: false })).toEqual({
      ok: false,
      code: 'no_valid_diagnosis',
      message: PICK_DIAGNOSIS_MESSAGES.ownDiagnosisNotUsable,
    });
  });

  it("when the self-prescription right is revoked, a prescriber's diagnosis still works", () => {
    const diagnoses = [employer('own', 'siae-1', '2026-02-20'), prescriber('p', '2026-01-10')];
    expect(chosen(diagnoses, { employerId: 'siae-1', on, selfPrescriptionAllowed: false })?.id).toBe('p');
  });

  it('with no diagnosis at all, the reason says none was made', () => {
    expect(pickDiagnosis([], { employerId: 'siae-1', on })).toEqual({
      ok: false,
      code: 'no_valid_diagnosis',
      message: "Aucun diagnostic d'éligibilité n'a été réalisé pour ce candidat.",
    });
  });

  it('with only expired diagnoses, the reason gives the last day the latest one was valid', () => {
    const diagnoses = [prescriber('p', '2025-06-01'), employer('own', 'siae-1', '2025-11-01')];
    expect(pickDiagnosis(diagnoses, { employerId: 'siae-1', on })).toEqual({
      ok: false,
      code: 'no_valid_diagnosis',
      message: "Le diagnostic d'éligibilité du candidat n'est plus valide : il l'était jusqu'au 31/01/2026.",
    });
  });

  it('an expired diagnosis is not chosen on the day after its last valid day', () => {
    const diagnoses = [employer('own', 'siae-1', '2025-12-01')];
    const last = diagnosisExpiry('EMPLOYER', '2025-12-01');
    expect(chosen(diagnoses, { employerId: 'siae-1', on: last })?.id).toBe('own');
    expect(chosen(diagnoses, { employerId: 'siae-1', on: addDays(last, 1) })).toBeNull();
  });

  it('a diagnosis made after the day asked about does not count, and the reason names that day', () => {
    const diagnoses = [prescriber('later', '2026-04-01')];
    expect(pickDiagnosis(diagnoses, { employerId: null, on })).toEqual({
      ok: false,
      code: 'no_valid_diagnosis',
      message: "Aucun diagnostic d'éligibilité du candidat n'est valide au 01/03/2026.",
    });
  });
});

describe('the self-prescription right on a day (docs/rules.md §8)', () => {
  const temporary = { status: 'REVOKED_UNTIL', revokedFrom: '2027-03-01', revokedUntil: '2027-06-01' } as const;

  it('is active when active', () => {
    expect(
      isSelfPrescriptionRightActive({ status: 'ACTIVE', revokedFrom: null, revokedUntil: null }, '2027-01-01'),
    ).toBe(true);
  });

  it('a temporary revocation: active before its start date, revoked from it through its end date, active the day after', () => {
    expect(isSelfPrescriptionRightActive(temporary, '2027-02-28')).toBe(true);
    expect(isSelfPrescriptionRightActive(temporary, '2027-03-01')).toBe(false);
    expect(isSelfPrescriptionRightActive(temporary, '2027-05-31')).toBe(false);
    expect(isSelfPrescriptionRightActive(temporary, '2027-06-01')).toBe(false);
    expect(isSelfPrescriptionRightActive(temporary, '2027-06-02')).toBe(true);
  });

  it('a scheduled revocation (still ACTIVE in the row) applies from its start date', () => {
    const scheduled = { ...temporary, status: 'ACTIVE' } as const;
    expect(isSelfPrescriptionRightActive(scheduled, '2027-02-28')).toBe(true);
    expect(isSelfPrescriptionRightActive(scheduled, '2027-03-01')).toBe(false);
    expect(isSelfPrescriptionRightActive(scheduled, '2027-06-02')).toBe(true);
  });

  it('a permanent revocation: active before its start, never after until lifted', () => {
    const permanent = { status: 'REVOKED_PERMANENTLY', revokedFrom: '2027-03-01', revokedUntil: null } as const;
    expect(isSelfPrescriptionRightActive(permanent, '2027-02-28')).toBe(true);
    expect(isSelfPrescriptionRightActive(permanent, '2027-03-01')).toBe(false);
    expect(isSelfPrescriptionRightActive(permanent, '2099-01-01')).toBe(false);
  });
});
