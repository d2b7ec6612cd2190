// Prescriber accreditation requests (docs/rules.md §7): the transition table, as data.
import { BusinessRuleError } from './errors.ts';
import { frenchDate, type IsoDate } from './dates.ts';

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

/**
 * The day the organization answered the prefecture's latest request for information, or null when
 * none was asked or the latest one is still unanswered (docs/rules.md §7). An answer sends the
 * request back to SUBMITTED: with this date, the queue tells it from a request never examined.
 */
export function accreditationAnsweredOn(events: readonly Pick<AccreditationEvent, 'action' | 'on'>[]): IsoDate | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.action === 'respond') return event.on;
    if (event.action === 'requestInformation') return null;
  }
  return null;
}

export const ANSWERED_ACCREDITATION_LABEL = 'Complétée — à réexaminer';

/** What a request's state reads as: a SUBMITTED request the organization completed is to be examined again. */
export function accreditationStateLabel(request: { state: AccreditationState; answeredOn: IsoDate | null }): string {
  return request.state === 'SUBMITTED' && request.answeredOn
    ? ANSWERED_ACCREDITATION_LABEL
    : ACCREDITATION_STATE_LABELS[request.state];
}

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

/** A notification of an accreditation event: to the organization, or to its département's prefecture. */
export interface AccreditationNotice {
  to: 'ORGANIZATION' | 'PREFECTURE';
  subject: string;
  body: string;
}

/** What the notices of an accreditation event say: the request's dates and the event's message. */
export interface AccreditationNoticeData {
  submittedOn: IsoDate;
  endDate: IsoDate | null;
  /** The message the prefecture or the organization wrote with the event, if any. */
  message?: string | undefined;
}

/** Who hears of each accreditation event, and in what words (docs/rules.md §7). */
export function accreditationNotices(
  action: AccreditationEvent['action'],
  request: AccreditationNoticeData,
): AccreditationNotice[] {
  const suffix = request.message ? `\n\nMessage : ${request.message}` : '';
  const org = (subject: string, body: string): AccreditationNotice => ({ to: 'ORGANIZATION', subject, body });
  const prefecture = (subject: string, body: string): AccreditationNotice => ({ to: 'PREFECTURE', subject, body });
  switch (action) {
    case 'submit':
      return [
        prefecture("Nouvelle demande d'habilitation", 'Une organisation demande à être habilitée comme prescripteur.'),
      ];
    case 'requestInformation':
      return [
        org(
          "Informations demandées sur votre demande d'habilitation",
          `La préfecture demande des informations complémentaires. Sans réponse sous 30 jours, la demande sera abandonnée.${suffix}`,
        ),
      ];
    case 'respond':
      return [
        prefecture(
          "Réponse à une demande d'informations",
          `L'organisation a répondu à votre demande d'informations.${suffix}`,
        ),
      ];
    case 'approve':
      return [
        org(
          'Votre organisation est habilitée',
          `La préfecture a approuvé votre demande : vos membres sont désormais prescripteurs habilités${request.endDate ? ` jusqu'au ${frenchDate(request.endDate)}` : ''}.`,
        ),
      ];
    case 'reject':
      return [org("Demande d'habilitation refusée", `La préfecture a refusé votre demande.${suffix}`)];
    case 'withdraw':
      return [org('Habilitation retirée', `La préfecture a retiré votre habilitation.${suffix}`)];
    case 'prefectureReminder':
      return [
        prefecture(
          "Rappel : demande d'habilitation en attente",
          `Une demande d'habilitation déposée le ${frenchDate(request.submittedOn)} attend votre décision.`,
        ),
      ];
    case 'overdue':
      return [
        prefecture(
          "Demande d'habilitation en retard",
          `La demande déposée le ${frenchDate(request.submittedOn)} est sans décision depuis 30 jours : elle apparaît dans la vue régionale des retards.`,
        ),
      ];
    case 'abandon':
      return [
        org(
          "Demande d'habilitation abandonnée",
          "Faute de réponse sous 30 jours à la demande d'informations, votre demande est abandonnée. Vous pouvez en déposer une nouvelle.",
        ),
        prefecture(
          "Demande d'habilitation abandonnée",
          "L'organisation n'a pas répondu sous 30 jours à votre demande d'informations.",
        ),
      ];
    case 'renewalReminder':
      return [
        org(
          'Votre habilitation arrive à échéance',
          `Votre habilitation prend fin le ${frenchDate(request.endDate ?? '')}. Déposez une demande de renouvellement auprès de la préfecture.`,
        ),
      ];
    case 'expire':
      return [
        org(
          'Habilitation expirée',
          `Votre habilitation a pris fin le ${frenchDate(request.endDate ?? '')}. Vos membres ne peuvent plus réaliser de diagnostic d'éligibilité.`,
        ),
        prefecture(
          'Habilitation expirée',
          `L'habilitation accordée jusqu'au ${frenchDate(request.endDate ?? '')} a pris fin.`,
        ),
      ];
    default:
      return [];
  }
}
