// Administrative criteria and the self-prescription rule (SPEC §4), taken from the pure
// domain the API applies: the live explanation beside the checklist is the very sentence
// the API answers with (422) when the criteria do not suffice.
//
// The domain imports its siblings with a `.ts` extension, which the web's TypeScript
// settings refuse; `import.meta.glob` lets Vite bundle it without svelte-check following
// it, so the part used here is typed below (keep in step with domain/eligibility.ts).

export type AdministrativeCriterion =
  | 'RSA'
  | 'ASS'
  | 'AAH'
  | 'DETLD'
  | 'NIVEAU_INFRA_4'
  | 'SENIOR'
  | 'JEUNE'
  | 'ASE'
  | 'DELD'
  | 'TH'
  | 'PARENT_ISOLE'
  | 'SANS_HEBERGEMENT'
  | 'REFUGIE'
  | 'ZRR'
  | 'QPV'
  | 'SOUS_MAIN_JUSTICE'
  | 'FLE'
  | 'MOBILITE';

export type EmployerKind = 'ACI' | 'AI' | 'EI' | 'EITI' | 'ETTI' | 'GEIQ' | 'EA' | 'EATT';

interface EligibilityModule {
  LEVEL_1_CRITERIA: readonly AdministrativeCriterion[];
  LEVEL_2_CRITERIA: readonly AdministrativeCriterion[];
  CRITERION_LABELS: Record<AdministrativeCriterion, string>;
  evaluateSelfPrescription(
    kind: EmployerKind,
    criteria: readonly AdministrativeCriterion[],
  ): { sufficient: boolean; explanation: string };
  checkCriteria(input: { criteria: readonly string[]; birthDate: string; on: string }): {
    code: string;
    message: string;
  }[];
  SELF_PRESCRIPTION_REQUIREMENTS: Record<EmployerKind, { level1: number; level2: number } | null>;
  EMPLOYER_KIND_WITH_ARTICLE: Record<EmployerKind, string>;
}

interface OrganizationsModule {
  SIAE_KINDS: readonly EmployerKind[];
}

const eligibility = Object.values(
  import.meta.glob<EligibilityModule>('../../../domain/eligibility.ts', { eager: true }),
)[0];
const organizations = Object.values(
  import.meta.glob<OrganizationsModule>('../../../domain/organizations.ts', { eager: true }),
)[0];
if (!eligibility || !organizations) throw new Error('domain/eligibility.ts or domain/organizations.ts not bundled');

export const LEVEL_1_CRITERIA = eligibility.LEVEL_1_CRITERIA;
export const LEVEL_2_CRITERIA = eligibility.LEVEL_2_CRITERIA;
export const CRITERION_LABELS = eligibility.CRITERION_LABELS;
export const evaluateSelfPrescription = eligibility.evaluateSelfPrescription;
export const checkCriteria = eligibility.checkCriteria;
export const SELF_PRESCRIPTION_REQUIREMENTS = eligibility.SELF_PRESCRIPTION_REQUIREMENTS;
export const EMPLOYER_KIND_WITH_ARTICLE = eligibility.EMPLOYER_KIND_WITH_ARTICLE;
/** The employers that may self-prescribe (the others neither diagnose nor open a PASS IAE). */
export const SIAE_KINDS = organizations.SIAE_KINDS;

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
