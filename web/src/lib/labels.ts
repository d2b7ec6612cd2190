// French wording of the platform's roles and statuses, as shown to users.
import type { AuthorizationStatus, Role } from '$lib/server/api';

export const ROLE_LABELS: Record<Role, string> = {
  PRESCRIBER: 'Prescripteur',
  EMPLOYER_STAFF: 'Employeur',
  PREFECTURE_AGENT: 'Agent de préfecture',
  LABOUR_INSPECTOR: 'Inspecteur du travail (DDETS)',
  ADMIN: 'Administrateur',
};

export const AUTHORIZATION_STATUS_LABELS: Record<NonNullable<AuthorizationStatus>, string> = {
  NOT_SET: 'Habilitation en attente de validation',
  VALIDATED: 'Prescripteur habilité',
  REFUSED: 'Habilitation refusée',
  WITHDRAWN: 'Habilitation retirée',
};

/** DSFR badge variant for each authorization status. */
export const AUTHORIZATION_STATUS_BADGES: Record<NonNullable<AuthorizationStatus>, string> = {
  NOT_SET: 'fr-badge--info',
  VALIDATED: 'fr-badge--success',
  REFUSED: 'fr-badge--error',
  WITHDRAWN: 'fr-badge--warning',
};
