// French wording of the platform's roles and statuses, as shown to users.
import type { AccreditationState, AuthorizationStatus } from '$lib/server/api';

export { AUTHORIZATION_STATUS_LABELS, authorizationStatusLabel, ROLE_LABELS } from '$domain/organizations.ts';
export { ACCREDITATION_STATE_LABELS, OPEN_ACCREDITATION_STATES } from '$domain/accreditation.ts';

/** DSFR badge variant for each authorization status. */
export const AUTHORIZATION_STATUS_BADGES: Record<NonNullable<AuthorizationStatus>, string> = {
  NOT_SET: '',
  VALIDATED: 'fr-badge--success',
  REFUSED: 'fr-badge--error',
  WITHDRAWN: 'fr-badge--warning',
};

// Accreditation requests (docs/rules.md §7): labels and open states come from domain/accreditation.ts.
/** DSFR badge variant for each accreditation request state. */
export const ACCREDITATION_STATE_BADGES: Record<AccreditationState, string> = {
  SUBMITTED: 'fr-badge--new',
  INFORMATION_REQUESTED: 'fr-badge--warning',
  APPROVED: 'fr-badge--success',
  REJECTED: 'fr-badge--error',
  ABANDONED: '',
  WITHDRAWN: 'fr-badge--error',
  EXPIRED: '',
};

/** The prefecture decisions allowed in each state (domain/accreditation.ts, ACCREDITATION_TRANSITIONS). */
export const PREFECTURE_ACTIONS_BY_STATE: Record<
  AccreditationState,
  readonly ('approve' | 'reject' | 'requestInformation' | 'withdraw')[]
> = {
  SUBMITTED: ['approve', 'reject', 'requestInformation'],
  INFORMATION_REQUESTED: ['approve', 'reject'],
  APPROVED: ['withdraw'],
  REJECTED: [],
  ABANDONED: [],
  WITHDRAWN: [],
  EXPIRED: [],
};

/** Title of each event of a request's history. */
export const ACCREDITATION_EVENT_LABELS: Record<string, string> = {
  submit: 'Déposée',
  requestInformation: 'Informations demandées',
  respond: 'Réponse envoyée',
  approve: 'Habilitée',
  reject: 'Refusée',
  prefectureReminder: 'Rappel envoyé à la préfecture',
  overdue: 'En retard',
  abandon: 'Abandonnée',
  withdraw: 'Habilitation retirée',
  expire: 'Habilitation expirée',
  renewalReminder: 'Rappel de renouvellement',
};

/** How the message attached to an event is introduced. */
export const ACCREDITATION_EVENT_MESSAGE_LABELS: Record<string, string> = {
  requestInformation: 'Message de la préfecture',
  respond: "Réponse de l'organisation",
  reject: 'Motif',
  withdraw: 'Motif',
};
