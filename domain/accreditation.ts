// Prescriber accreditation requests (docs/rules.md §7): the transition table, as data.
import { BusinessRuleError } from './errors.ts';
import type { IsoDate } from './dates.ts';

export const ACCREDITATION_STATES = [
  'SUBMITTED',
  'INFORMATION_REQUESTED',
  'APPROVED',
  'REJECTED',
  'ABANDONED',
  'WITHDRAWN',
  'EXPIRED',
] as const;
export type AccreditationState = (typeof ACCREDITATION_STATES)[number];

export type AccreditationAction =
  'requestInformation' | 'respond' | 'approve' | 'reject' | 'withdraw' | 'abandon' | 'expire';

/** Who acts: the prefecture decides, the organization answers, the clock abandons. */
export type AccreditationActor = 'PREFECTURE' | 'ORGANIZATION' | 'TIMER';

export const ACCREDITATION_TRANSITIONS: Record<
  AccreditationAction,
  { from: readonly AccreditationState[]; to: AccreditationState; by: AccreditationActor }
> = {
  requestInformation: { from: ['SUBMITTED'], to: 'INFORMATION_REQUESTED', by: 'PREFECTURE' },
  respond: { from: ['INFORMATION_REQUESTED'], to: 'SUBMITTED', by: 'ORGANIZATION' },
  approve: { from: ['SUBMITTED', 'INFORMATION_REQUESTED'], to: 'APPROVED', by: 'PREFECTURE' },
  reject: { from: ['SUBMITTED', 'INFORMATION_REQUESTED'], to: 'REJECTED', by: 'PREFECTURE' },
  withdraw: { from: ['APPROVED'], to: 'WITHDRAWN', by: 'PREFECTURE' },
  abandon: { from: ['INFORMATION_REQUESTED'], to: 'ABANDONED', by: 'TIMER' },
  expire: { from: ['APPROVED'], to: 'EXPIRED', by: 'TIMER' },
};

export const ACCREDITATION_STATE_LABELS: Record<AccreditationState, string> = {
  SUBMITTED: 'Déposée',
  INFORMATION_REQUESTED: 'Informations demandées',
  APPROVED: 'Habilitée',
  REJECTED: 'Refusée',
  ABANDONED: 'Abandonnée',
  WITHDRAWN: 'Habilitation retirée',
  EXPIRED: 'Habilitation expirée',
};

export const OPEN_ACCREDITATION_STATES: readonly AccreditationState[] = ['SUBMITTED', 'INFORMATION_REQUESTED'];

export interface AccreditationEvent {
  on: IsoDate;
  /** A user action, the submission, or a deadline that only flags (reminders, overdue). */
  action: AccreditationAction | 'submit' | 'prefectureReminder' | 'overdue' | 'renewalReminder';
  state: AccreditationState;
  message?: string;
}

/** The state an action leads to, or a French refusal when the request is not in a state that allows it. */
export function nextAccreditationState(state: AccreditationState, action: AccreditationAction): AccreditationState {
  const transition = ACCREDITATION_TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    throw new BusinessRuleError(
      'accreditation_transition_not_allowed',
      `Action impossible : la demande est à l'état « ${ACCREDITATION_STATE_LABELS[state]} ».`,
    );
  }
  return transition.to;
}
