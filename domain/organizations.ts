// Organizations, roles and who may do what (docs/rules.md §2, §3).

/** DREETS: the regional directorate, scoped to a région (docs/rules.md §2, §9). */
export const ORGANIZATION_TYPES = ['PRESCRIBER', 'EMPLOYER', 'PREFECTURE', 'DDETS', 'DREETS', 'PLATFORM'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ROLES = [
  'PRESCRIBER',
  'EMPLOYER_STAFF',
  'PREFECTURE_AGENT',
  'LABOUR_INSPECTOR',
  'REGIONAL_OFFICER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const PRESCRIBER_KINDS = [
  'FRANCE_TRAVAIL',
  'MISSION_LOCALE',
  'CAP_EMPLOI',
  'DEPARTEMENT',
  'SPIP',
  'PJJ',
  'CCAS',
  'CIAS',
  'CAF',
  'CHRS',
  'CADA',
  'ASE',
  'PLIE',
  'EBE',
  'ASSOCIATION',
  'OTHER',
] as const;
export type PrescriberKind = (typeof PRESCRIBER_KINDS)[number];

export const EMPLOYER_KINDS = ['ACI', 'AI', 'EI', 'EITI', 'ETTI', 'GEIQ', 'EA', 'EATT'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const SIAE_KINDS: readonly EmployerKind[] = ['ACI', 'AI', 'EI', 'EITI', 'ETTI'];

export const AUTHORIZATION_STATUSES = ['NOT_SET', 'VALIDATED', 'REFUSED', 'WITHDRAWN'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** The founding document's initial list: authorized by law, from creation, without the prefect. */
export const LAW_AUTHORIZED_PRESCRIBER_KINDS: readonly PrescriberKind[] = [
  'FRANCE_TRAVAIL',
  'MISSION_LOCALE',
  'CAP_EMPLOI',
  'DEPARTEMENT',
  'SPIP',
  'PJJ',
];

export function isAuthorizedByLaw(kind: PrescriberKind): boolean {
  return LAW_AUTHORIZED_PRESCRIBER_KINDS.includes(kind);
}

export function initialAuthorizationStatus(kind: PrescriberKind): AuthorizationStatus {
  return isAuthorizedByLaw(kind) ? 'VALIDATED' : 'NOT_SET';
}

/** The one role a member of each type of organization holds. */
export const ROLE_OF_ORGANIZATION_TYPE: Record<OrganizationType, Role> = {
  PRESCRIBER: 'PRESCRIBER',
  EMPLOYER: 'EMPLOYER_STAFF',
  PREFECTURE: 'PREFECTURE_AGENT',
  DDETS: 'LABOUR_INSPECTOR',
  DREETS: 'REGIONAL_OFFICER',
  PLATFORM: 'ADMIN',
};

/** An authorized prescriber is a prescriber whose organization's status is VALIDATED; others are orienteurs. */
export function isAuthorizedPrescriber(actor: {
  role: Role;
  organization: { authorizationStatus: AuthorizationStatus | null };
}): boolean {
  return actor.role === 'PRESCRIBER' && actor.organization.authorizationStatus === 'VALIDATED';
}

/**
 * What an organization's authorization status says (docs/rules.md §7). NOT_SET only means that
 * no prefecture has authorized it: nothing is pending unless a request is open, so the label
 * claims no wait — see `authorizationStatusLabel`.
 */
export const AUTHORIZATION_STATUS_LABELS: Record<AuthorizationStatus, string> = {
  NOT_SET: 'Non habilitée (orienteur)',
  VALIDATED: 'Prescripteur habilité',
  REFUSED: 'Habilitation refusée',
  WITHDRAWN: 'Habilitation retirée',
};

export const AUTHORIZATION_REQUEST_OPEN_LABEL = "Demande d'habilitation en cours";

/** The status as the organization reads it: a request under way is said so, unless it is already authorized. */
export function authorizationStatusLabel(status: AuthorizationStatus, requestOpen: boolean): string {
  return requestOpen && status !== 'VALIDATED' ? AUTHORIZATION_REQUEST_OPEN_LABEL : AUTHORIZATION_STATUS_LABELS[status];
}

export const ROLE_LABELS: Record<Role, string> = {
  PRESCRIBER: 'Prescripteur',
  EMPLOYER_STAFF: 'Employeur',
  PREFECTURE_AGENT: 'Agent de préfecture',
  LABOUR_INSPECTOR: 'Inspecteur du travail (DDETS)',
  REGIONAL_OFFICER: 'Agent de la DREETS',
  ADMIN: 'Administrateur',
};
