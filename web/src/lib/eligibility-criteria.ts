// Administrative criteria and the self-prescription rule (docs/rules.md §4), from the pure domain the
// API applies: the live explanation beside the checklist is the very sentence the API
// answers with (422) when the criteria do not suffice.
import {
  CRITERION_LABELS,
  EMPLOYER_KIND_WITH_ARTICLE,
  LEVEL_1_CRITERIA,
  LEVEL_2_CRITERIA,
  SELF_PRESCRIPTION_REQUIREMENTS,
  type AdministrativeCriterion,
} from '$domain/eligibility.ts';
import { SIAE_KINDS, type EmployerKind } from '$domain/organizations.ts';

export {
  checkCriteria,
  CRITERION_LABELS,
  EMPLOYER_KIND_WITH_ARTICLE,
  evaluateSelfPrescription,
  LEVEL_1_CRITERIA,
  LEVEL_2_CRITERIA,
  SELF_PRESCRIPTION_REQUIREMENTS,
  type AdministrativeCriterion,
} from '$domain/eligibility.ts';
/** The employers that may self-prescribe (the others neither diagnose nor open a PASS IAE). */
export { SIAE_KINDS, type EmployerKind } from '$domain/organizations.ts';

const ALL_CRITERIA: readonly string[] = [...LEVEL_1_CRITERIA, ...LEVEL_2_CRITERIA];

export function isAdministrativeCriterion(value: string): value is AdministrativeCriterion {
  return ALL_CRITERIA.includes(value);
}

export function isSiaeKind(value: string | null | undefined): value is EmployerKind {
  return (SIAE_KINDS as readonly (string | null | undefined)[]).includes(value);
}

/** The self-prescription rule of an SIAE kind, as a sentence ("Pour un ACI : …"). */
export function selfPrescriptionRule(kind: EmployerKind): string | null {
  const requirement = SELF_PRESCRIPTION_REQUIREMENTS[kind];
  if (!requirement) return null;
  const count = (n: number, level: number) => `${n} critère${n > 1 ? 's' : ''} de niveau ${level}`;
  return (
    `Pour ${EMPLOYER_KIND_WITH_ARTICLE[kind]}, l'auto-prescription demande au moins ` +
    `${count(requirement.level1, 1)} ou ${count(requirement.level2, 2)}.`
  );
}

/** A criterion's French label (the code itself for one the web does not know). */
export function criterionLabel(code: string): string {
  return isAdministrativeCriterion(code) ? CRITERION_LABELS[code] : code;
}
