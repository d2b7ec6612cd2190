// Administrative criteria and eligibility diagnoses (docs/rules.md §4, §8, §10): which criteria a
// person may hold together, how many an SIAE needs to self-prescribe, how long a
// diagnosis lasts and which one a hire relies on. "Today" is always passed in (docs/rules.md §6).
import { addDays, addMonths, compareDates, frenchDate, isIsoDate, type IsoDate } from './dates.ts';
import { refused, type Checked, type Refusal } from './errors.ts';
import { isRightActiveOn } from './controls/right.ts';
import { rightStateOf, type RightRecord } from './controls/right-record.ts';
import { SIAE_KINDS, type EmployerKind } from './organizations.ts';

// ---------------------------------------------------------------------------------------
// Criteria

export const LEVEL_1_CRITERIA = ['RSA', 'ASS', 'AAH', 'DETLD'] as const;
export const LEVEL_2_CRITERIA = [
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
] as const;
export const ADMINISTRATIVE_CRITERIA = [...LEVEL_1_CRITERIA, ...LEVEL_2_CRITERIA] as const;

export type Level1Criterion = (typeof LEVEL_1_CRITERIA)[number];
export type Level2Criterion = (typeof LEVEL_2_CRITERIA)[number];
export type AdministrativeCriterion = (typeof ADMINISTRATIVE_CRITERIA)[number];
export type CriterionLevel = 1 | 2;

export const CRITERION_LABELS: Record<AdministrativeCriterion, string> = {
  RSA: 'Bénéficiaire du RSA',
  ASS: "Allocataire de l'ASS (allocation de solidarité spécifique)",
  AAH: "Allocataire de l'AAH (allocation aux adultes handicapés)",
  DETLD: "Demandeur d'emploi de très longue durée (24 mois et plus)",
  NIVEAU_INFRA_4: "Niveau d'étude infra 4 (CAP, BEP ou sans diplôme)",
  SENIOR: 'Senior (50 ans et plus)',
  JEUNE: 'Jeune (moins de 26 ans)',
  ASE: "Sortant de l'aide sociale à l'enfance (ASE)",
  DELD: "Demandeur d'emploi de longue durée (12 à 24 mois)",
  TH: 'Travailleur handicapé',
  PARENT_ISOLE: 'Parent isolé',
  SANS_HEBERGEMENT: 'Sans hébergement ou hébergé (parcours de rue)',
  REFUGIE: "Réfugié statutaire, bénéficiaire de la protection subsidiaire ou demandeur d'asile",
  ZRR: 'Résident en zone de revitalisation rurale (ZRR)',
  QPV: "Résident d'un quartier prioritaire de la politique de la ville (QPV)",
  SOUS_MAIN_JUSTICE: 'Personne placée sous main de justice',
  FLE: 'Maîtrise du français inférieure au niveau A1',
  MOBILITE: 'Problème de mobilité',
};

export function isAdministrativeCriterion(value: string): value is AdministrativeCriterion {
  return (ADMINISTRATIVE_CRITERIA as readonly string[]).includes(value);
}

export function criterionLevel(criterion: AdministrativeCriterion): CriterionLevel {
  return (LEVEL_1_CRITERIA as readonly string[]).includes(criterion) ? 1 : 2;
}

/** Criteria that describe incompatible situations: one cannot be both, so holding both is a mistake. */
export const FORBIDDEN_CRITERIA_PAIRS: readonly (readonly [AdministrativeCriterion, AdministrativeCriterion])[] = [
  ['SENIOR', 'JEUNE'],
  ['DETLD', 'DELD'],
];

export const SENIOR_MIN_AGE = 50;
/** JEUNE means "under 26": on the 26th birthday the criterion no longer applies. */
export const JEUNE_AGE_LIMIT = 26;

export type CriteriaProblemCode =
  'criterion_unknown' | 'criterion_duplicate' | 'criteria_incompatible' | 'senior_too_young' | 'jeune_too_old';

export interface CriteriaProblem {
  code: CriteriaProblemCode;
  message: string;
}

export const CRITERIA_MESSAGES = {
  unknown: (value: string) => `« ${value} » n'est pas un critère administratif connu.`,
  duplicate: (criterion: AdministrativeCriterion) =>
    `Le critère « ${CRITERION_LABELS[criterion]} » est sélectionné plusieurs fois.`,
  incompatible: (a: AdministrativeCriterion, b: AdministrativeCriterion) =>
    `Les critères « ${CRITERION_LABELS[a]} » et « ${CRITERION_LABELS[b]} » ne peuvent pas être retenus ensemble.`,
  seniorTooYoung: (age: number) =>
    `Le critère « ${CRITERION_LABELS.SENIOR} » ne correspond pas à la date de naissance : le candidat a ${age} ans.`,
  jeuneTooOld: (age: number) =>
    `Le critère « ${CRITERION_LABELS.JEUNE} » ne correspond pas à la date de naissance : le candidat a ${age} ans.`,
};

/**
 * Age in whole years on a day, counted in calendar terms: one year more on each birthday.
 * Someone born on 29 February gets one year older on 1 March in common years — the
 * birthday has not happened on 28 February, and the comparison of "MM-DD" says so.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) throw new RangeError(`Not a calendar date: ${birthDate} or ${on}`);
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * What is wrong with a set of criteria for a person on a day (the diagnosis day): every
 * problem, in French, so a form can show them all at once. Empty when the set is fine.
 * Takes raw strings so the API can pass what it received and get French errors back.
 */
export function checkCriteria(input: {
  criteria: readonly string[];
  birthDate: IsoDate;
  on: IsoDate;
}): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  const seen = new Set<AdministrativeCriterion>();
  const reported = new Set<string>();
  for (const value of input.criteria) {
    if (!isAdministrativeCriterion(value)) {
      if (!reported.has(value)) problems.push({ code: 'criterion_unknown', message: CRITERIA_MESSAGES.unknown(value) });
      reported.add(value);
    } else if (seen.has(value)) {
      if (!reported.has(value))
        problems.push({ code: 'criterion_duplicate', message: CRITERIA_MESSAGES.duplicate(value) });
      reported.add(value);
    } else {
      seen.add(value);
    }
  }
  for (const [a, b] of FORBIDDEN_CRITERIA_PAIRS) {
    if (seen.has(a) && seen.has(b))
      problems.push({ code: 'criteria_incompatible', message: CRITERIA_MESSAGES.incompatible(a, b) });
  }
  if (seen.has('SENIOR') || seen.has('JEUNE')) {
    const age = ageOn(input.birthDate, input.on);
    if (seen.has('SENIOR') && age < SENIOR_MIN_AGE)
      problems.push({ code: 'senior_too_young', message: CRITERIA_MESSAGES.seniorTooYoung(age) });
    if (seen.has('JEUNE') && age >= JEUNE_AGE_LIMIT)
      problems.push({ code: 'jeune_too_old', message: CRITERIA_MESSAGES.jeuneTooOld(age) });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Self-prescription: what an SIAE needs to diagnose eligibility for its own hire

export interface SelfPrescriptionRequirement {
  /** Level-1 criteria that suffice on their own. */
  level1: number;
  /** Level-2 criteria that suffice when no level-1 criterion is held. */
  level2: number;
}

/** Null for employers outside the IAE: they neither self-prescribe nor hire with a PASS IAE. */
export const SELF_PRESCRIPTION_REQUIREMENTS: Record<EmployerKind, SelfPrescriptionRequirement | null> = {
  ACI: { level1: 1, level2: 3 },
  EI: { level1: 1, level2: 3 },
  EITI: { level1: 1, level2: 3 },
  AI: { level1: 1, level2: 2 },
  ETTI: { level1: 1, level2: 2 },
  GEIQ: null,
  EA: null,
  EATT: null,
};

/** Each kind with its article, for sentences ("3 requis pour un ACI", "pour une ETTI"). */
export const EMPLOYER_KIND_WITH_ARTICLE: Record<EmployerKind, string> = {
  ACI: 'un ACI',
  AI: 'une AI',
  EI: 'une EI',
  EITI: 'une EITI',
  ETTI: 'une ETTI',
  GEIQ: 'un GEIQ',
  EA: 'une EA',
  EATT: 'une EATT',
};

export function selfPrescriptionRequirement(kind: EmployerKind): SelfPrescriptionRequirement | null {
  return SELF_PRESCRIPTION_REQUIREMENTS[kind];
}

const countOf = (n: number, level: CriterionLevel) => `${n} critère${n > 1 ? 's' : ''} de niveau ${level}`;

export const SELF_PRESCRIPTION_MESSAGES = {
  notApplicable: (kind: EmployerKind) =>
    `Pas d'auto-prescription pour ${EMPLOYER_KIND_WITH_ARTICLE[kind]} : ni diagnostic d'éligibilité ni PASS IAE.`,
  sufficient: (level1: number, level2: number) =>
    `Critères suffisants : ${[level1 > 0 ? countOf(level1, 1) : null, level2 > 0 ? countOf(level2, 2) : null]
      .filter((part) => part !== null)
      .join(' et ')}.`,
  missing: (kind: EmployerKind, requirement: SelfPrescriptionRequirement, level2: number) =>
    `Il manque ${countOf(requirement.level2 - level2, 2)} (${requirement.level2} requis pour ` +
    `${EMPLOYER_KIND_WITH_ARTICLE[kind]}) ou ${countOf(requirement.level1, 1)}.`,
};

export interface SelfPrescriptionEvaluation {
  sufficient: boolean;
  /** One French sentence, meant to be shown live beside the criteria checklist. */
  explanation: string;
}

/**
 * Whether the criteria ticked so far let this SIAE self-prescribe. Each criterion counts
 * once, however many times it was ticked; incompatible pairs are checkCriteria's business.
 */
export function evaluateSelfPrescription(
  kind: EmployerKind,
  criteria: readonly AdministrativeCriterion[],
): SelfPrescriptionEvaluation {
  const requirement = SELF_PRESCRIPTION_REQUIREMENTS[kind];
  if (!requirement) return { sufficient: false, explanation: SELF_PRESCRIPTION_MESSAGES.notApplicable(kind) };
  const distinct = [...new Set(criteria)];
  const level1 = distinct.filter((criterion) => criterionLevel(criterion) === 1).length;
  const level2 = distinct.length - level1;
  if (level1 >= requirement.level1 || level2 >= requirement.level2) {
    return { sufficient: true, explanation: SELF_PRESCRIPTION_MESSAGES.sufficient(level1, level2) };
  }
  return { sufficient: false, explanation: SELF_PRESCRIPTION_MESSAGES.missing(kind, requirement, level2) };
}

// ---------------------------------------------------------------------------------------
// Who may self-diagnose

export const SELF_DIAGNOSIS_REFUSALS = {
  notSiae: (kind: EmployerKind): Refusal => ({
    code: 'self_diagnosis_not_siae',
    message:
      `${capitalize(EMPLOYER_KIND_WITH_ARTICLE[kind])} ne peut pas réaliser de diagnostic d'éligibilité : ` +
      `l'auto-prescription est réservée aux SIAE (${SIAE_KINDS.join(', ')}).`,
  }),
  notEnabledInDepartement: (): Refusal => ({
    code: 'self_prescription_not_enabled_in_departement',
    message:
      "L'auto-prescription n'est pas encore ouverte dans votre département : le diagnostic d'éligibilité doit " +
      'être réalisé par un prescripteur habilité.',
  }),
  rightSuspended: (): Refusal => ({
    code: 'self_prescription_right_suspended',
    message:
      "Le droit d'auto-prescription de votre structure est suspendu : vous ne pouvez pas réaliser de diagnostic " +
      "d'éligibilité. Les candidatures d'un prescripteur habilité restent possibles.",
  }),
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The SIAE's right as its Organization row stores it (domain/controls/right-record.ts). */
export type SelfPrescriptionRight = RightRecord;

/**
 * Whether an SIAE's self-prescription right is active on a day (docs/rules.md §8): one rule,
 * `isRightActiveOn` of domain/controls/right.ts. A revocation counts from its start date (active
 * before it); a temporary one still holds on its end date and ends by itself the day after; a
 * permanent one only when lifted.
 */
export function isSelfPrescriptionRightActive(right: SelfPrescriptionRight, on: IsoDate): boolean {
  const state = rightStateOf(right);
  // A started revocation still counts from its start date: a day before it (a hire dated back) keeps the right.
  if (state.status !== 'active' && compareDates(on, state.from) < 0) return true;
  return isRightActiveOn(state, on);
}

/**
 * What decides whether an employer may self-prescribe (docs/rules.md §8, §10): its kind, its
 * right, and whether the route is open in its département. Read in one place, by
 * server/rules/self-prescription.ts.
 */
export interface SelfPrescriptionStanding {
  employerKind: EmployerKind;
  right: SelfPrescriptionRight;
  departementRolloutEnabled: boolean;
}

/**
 * Whether the employer may self-prescribe on that day (make an eligibility diagnosis for
 * its own hire, or hire on one), or the refusal to throw or show. The département
 * comes before the SIAE's own right: when the route is closed there, nobody in it may
 * self-diagnose, whatever their right says.
 */
export function canSelfDiagnose(standing: SelfPrescriptionStanding, on: IsoDate): Checked {
  if (!SIAE_KINDS.includes(standing.employerKind))
    return refused(SELF_DIAGNOSIS_REFUSALS.notSiae(standing.employerKind));
  if (!standing.departementRolloutEnabled) return refused(SELF_DIAGNOSIS_REFUSALS.notEnabledInDepartement());
  if (!isSelfPrescriptionRightActive(standing.right, on)) return refused(SELF_DIAGNOSIS_REFUSALS.rightSuspended());
  return { ok: true };
}

/** Self-prescription allowed for this employer on that day: the hire may rest on its own diagnosis. */
export function isSelfPrescriptionAllowed(standing: SelfPrescriptionStanding, on: IsoDate): boolean {
  return canSelfDiagnose(standing, on).ok;
}

// ---------------------------------------------------------------------------------------
// Diagnosis validity

/** A diagnosis is made by a prescriber, or by an SIAE for its own hire (self-prescription). */
export const DIAGNOSIS_AUTHORS = ['PRESCRIBER', 'EMPLOYER'] as const;
export type DiagnosisAuthor = (typeof DIAGNOSIS_AUTHORS)[number];

export const PRESCRIBER_DIAGNOSIS_VALIDITY_MONTHS = 6;
export const EMPLOYER_DIAGNOSIS_VALIDITY_DAYS = 92;

/**
 * The last day a diagnosis is valid on its own (inclusive), the day it was made counting
 * as its first. A prescriber's lasts 6 calendar months: valid up to the day before the
 * same date 6 months later (made 15 March → last valid 14 September). When that date does
 * not exist it is the month's last day, so made 31 August → 28 February → last valid
 * 27 February: never more than 6 months. An employer's lasts 92 days: madeOn + 91.
 */
export function diagnosisExpiry(author: DiagnosisAuthor, madeOn: IsoDate): IsoDate {
  return author === 'PRESCRIBER'
    ? addDays(addMonths(madeOn, PRESCRIBER_DIAGNOSIS_VALIDITY_MONTHS), -1)
    : addDays(madeOn, EMPLOYER_DIAGNOSIS_VALIDITY_DAYS - 1);
}

export interface EligibilityDiagnosis {
  author: DiagnosisAuthor;
  /** The SIAE that made it, for an employer's diagnosis; null for a prescriber's. */
  employerId: string | null;
  madeOn: IsoDate;
  /**
   * The current end date (inclusive) of the PASS IAE this diagnosis opened, or null. The
   * diagnosis stays valid for the life of that PASS, so the caller passes the end date as
   * moved by suspensions and prolongations, and null once the PASS is cancelled.
   */
  heldByPassUntil: IsoDate | null;
}

/** The last day the diagnosis is valid, its PASS included. */
export function diagnosisValidUntil(diagnosis: EligibilityDiagnosis): IsoDate {
  const own = diagnosisExpiry(diagnosis.author, diagnosis.madeOn);
  const pass = diagnosis.heldByPassUntil;
  return pass !== null && compareDates(pass, own) > 0 ? pass : own;
}

/** A diagnosis vouches for the days from the one it was made on, never for earlier ones. */
export function isDiagnosisValidOn(diagnosis: EligibilityDiagnosis, on: IsoDate): boolean {
  return compareDates(diagnosis.madeOn, on) <= 0 && compareDates(on, diagnosisValidUntil(diagnosis)) <= 0;
}

// ---------------------------------------------------------------------------------------
// Which diagnosis a hire relies on

export const PICK_DIAGNOSIS_MESSAGES = {
  none: "Aucun diagnostic d'éligibilité n'a été réalisé pour ce candidat.",
  expired: (lastValidDay: IsoDate) =>
    `Le diagnostic d'éligibilité du candidat n'est plus valide : il l'était jusqu'au ${frenchDate(lastValidDay)}.`,
  notValidOn: (on: IsoDate) => `Aucun diagnostic d'éligibilité du candidat n'est valide au ${frenchDate(on)}.`,
  ownDiagnosisNotUsable:
    "Le droit d'auto-prescription de votre structure est suspendu : son propre diagnostic d'éligibilité ne peut " +
    "pas servir à l'embauche. Un diagnostic d'un prescripteur habilité est nécessaire.",
};

/** The diagnosis chosen, or why none may be used (code `no_valid_diagnosis`). */
export type PickedDiagnosis<D> = Checked<{ diagnosis: D }>;

const noValidDiagnosis = (message: string) => refused({ code: 'no_valid_diagnosis', message });

/** Most recent first, so a fresh diagnosis is preferred to an older one of the same author. */
function mostRecent<D extends EligibilityDiagnosis>(diagnoses: readonly D[]): D | undefined {
  return [...diagnoses].sort((a, b) => compareDates(b.madeOn, a.madeOn))[0];
}

/**
 * The diagnosis a hire (or an application) relies on, on a day. A prescriber's valid
 * diagnosis takes precedence over an employer's; an employer's diagnosis is seen and used
 * only by the SIAE that made it (`employerId` null: the caller is no employer), and not
 * while that SIAE's self-prescription right is revoked (docs/rules.md §8). Among several of the
 * same author, the most recent wins. Otherwise a refusal whose French message never
 * reveals another SIAE's diagnosis.
 */
export function pickDiagnosis<D extends EligibilityDiagnosis>(
  diagnoses: readonly D[],
  context: { employerId: string | null; on: IsoDate; selfPrescriptionAllowed?: boolean },
): PickedDiagnosis<D> {
  const visible = diagnoses.filter(
    (d) => d.author === 'PRESCRIBER' || (context.employerId !== null && d.employerId === context.employerId),
  );
  const valid = visible.filter((d) => isDiagnosisValidOn(d, context.on));
  const prescribers = valid.filter((d) => d.author === 'PRESCRIBER');
  const own = valid.filter((d) => d.author === 'EMPLOYER');

  const chosen = mostRecent(prescribers) ?? (context.selfPrescriptionAllowed === false ? undefined : mostRecent(own));
  if (chosen) return { ok: true, diagnosis: chosen };

  if (own.length > 0) return noValidDiagnosis(PICK_DIAGNOSIS_MESSAGES.ownDiagnosisNotUsable);
  if (visible.length === 0) return noValidDiagnosis(PICK_DIAGNOSIS_MESSAGES.none);
  const ended = visible
    .map(diagnosisValidUntil)
    .filter((until) => compareDates(until, context.on) < 0)
    .sort(compareDates)
    .at(-1);
  return noValidDiagnosis(
    ended ? PICK_DIAGNOSIS_MESSAGES.expired(ended) : PICK_DIAGNOSIS_MESSAGES.notValidOn(context.on),
  );
}
