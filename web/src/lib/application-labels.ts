// French wording of job applications (docs/rules.md §4), from domain/applications.ts: states, refusal
// reasons, transitions. The API stays the judge: these only decide what the pages offer.
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  REFUSAL_REASONS,
  TRANSITION_LABELS,
  type ApplicationState,
  type ApplicationTransitionName,
  type RefusalReason,
} from '$domain/applications.ts';

export {
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  employerTransitionsFrom,
  REFUSAL_REASONS,
  TRANSITION_LABELS,
  USER_REFUSAL_REASONS,
  type ApplicationState,
  type ApplicationTransitionName,
  type RefusalReason,
} from '$domain/applications.ts';
export { latestHiringStartDate } from '$domain/pass/dates.ts';

/** DSFR badge variant of each state. */
export const APPLICATION_STATE_BADGES: Record<ApplicationState, string> = {
  new: 'fr-badge--new',
  processing: 'fr-badge--info',
  postponed: 'fr-badge--warning',
  accepted: 'fr-badge--success',
  refused: 'fr-badge--error',
  cancelled: '',
  obsolete: '',
  archived: '',
};

/** Who sent the application, as the API names it. */
export const SENDER_KIND_LABELS: Record<string, string> = {
  AUTHORIZED_PRESCRIBER: 'prescripteur habilité',
  ORIENTEUR: 'orienteur',
  EMPLOYER: "l'employeur lui-même",
};

export function isApplicationState(value: string): value is ApplicationState {
  return (APPLICATION_STATES as readonly string[]).includes(value);
}

export function isRefusalReason(value: string): value is RefusalReason {
  return Object.hasOwn(REFUSAL_REASONS, value);
}

export function stateLabel(state: string): string {
  return isApplicationState(state) ? APPLICATION_STATE_LABELS[state] : state;
}

export function refusalReasonLabel(reason: string): string {
  return isRefusalReason(reason) ? REFUSAL_REASONS[reason] : reason;
}

/** A history entry's transition; `send` is the application's first entry. */
export function transitionLabel(transition: string): string {
  if (transition === 'send') return 'Envoi de la candidature';
  if (transition === 'postponeHire') return 'Report de la date de début';
  return Object.hasOwn(TRANSITION_LABELS, transition)
    ? TRANSITION_LABELS[transition as ApplicationTransitionName]
    : transition;
}

export function senderKindLabel(kind: string): string {
  return Object.hasOwn(SENDER_KIND_LABELS, kind) ? (SENDER_KIND_LABELS[kind] ?? kind) : kind;
}
