// Job applications (docs/rules.md §4): the state machine as data, who may make each transition, the
// refusal reasons, the 24-hour duplicate guard and the deadlines the application workflow
// sleeps until. Pure: every function receives "today".
import { addDays, compareDates, frenchDate, type IsoDate } from './dates.ts';
import { BusinessRuleError } from './errors.ts';
import { isAuthorizedPrescriber, type AuthorizationStatus, type Role } from './organizations.ts';

export const APPLICATION_STATES = [
  'new',
  'processing',
  'postponed',
  'accepted',
  'refused',
  'cancelled',
  'obsolete',
  'archived',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  new: 'Nouvelle',
  processing: "À l'étude",
  postponed: 'En attente',
  accepted: 'Acceptée',
  refused: 'Refusée',
  cancelled: 'Embauche annulée',
  obsolete: 'Embauché ailleurs',
  archived: 'Archivée',
};

export type ApplicationTransitionName =
  'process' | 'postpone' | 'refuse' | 'accept' | 'cancel' | 'archive' | 'obsolete';

/**
 * Who acts: `EMPLOYER` is the staff of the employer the application was sent to (or an
 * administrator), `SYSTEM` the platform itself (timers, a hire elsewhere).
 */
export type ApplicationActor = 'EMPLOYER' | 'SYSTEM';

export interface ApplicationTransitionRule {
  from: readonly ApplicationState[];
  to: ApplicationState;
  by: readonly ApplicationActor[];
}

export const APPLICATION_TRANSITIONS: Record<ApplicationTransitionName, ApplicationTransitionRule> = {
  process: { from: ['new'], to: 'processing', by: ['EMPLOYER'] },
  postpone: { from: ['new', 'processing'], to: 'postponed', by: ['EMPLOYER'] },
  refuse: { from: ['new', 'processing', 'postponed'], to: 'refused', by: ['EMPLOYER', 'SYSTEM'] },
  accept: { from: ['new', 'processing', 'postponed', 'refused'], to: 'accepted', by: ['EMPLOYER'] },
  cancel: { from: ['accepted'], to: 'cancelled', by: ['EMPLOYER'] },
  archive: { from: ['refused', 'cancelled', 'obsolete'], to: 'archived', by: ['EMPLOYER', 'SYSTEM'] },
  obsolete: { from: ['new', 'processing', 'postponed'], to: 'obsolete', by: ['SYSTEM'] },
};

/** Pending: the employer has not decided yet; these become obsolete when the person is hired elsewhere. */
export const PENDING_APPLICATION_STATES: readonly ApplicationState[] = APPLICATION_TRANSITIONS.obsolete.from;

export const TRANSITION_LABELS: Record<ApplicationTransitionName, string> = {
  process: "Mise à l'étude",
  postpone: 'Mise en attente',
  refuse: 'Refus',
  accept: 'Embauche',
  cancel: "Annulation de l'embauche",
  archive: 'Archivage',
  obsolete: 'Embauche ailleurs',
};

/** The fixed list of refusal reasons; `automatic` is the platform's own, never chosen by a user. */
export const REFUSAL_REASONS = {
  did_not_come: "Candidat non joignable ou absent à l'entretien",
  unavailable: 'Candidat non disponible ou non intéressé par le poste',
  not_eligible: "Candidat non éligible à l'insertion par l'activité économique",
  incompatible: "Freins à l'emploi incompatibles avec le poste proposé",
  no_position: 'Pas de poste ouvert en ce moment',
  hired_elsewhere: 'Candidat déjà embauché ailleurs',
  training: "Le candidat a besoin d'une formation avant d'occuper le poste",
  duplicate: 'Candidature en doublon',
  other: 'Autre motif',
  automatic: 'Refus automatique : candidature sans réponse pendant 60 jours',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
export const USER_REFUSAL_REASONS = (Object.keys(REFUSAL_REASONS) as RefusalReason[]).filter(
  (reason) => reason !== 'automatic',
);

export const AUTOMATIC_REFUSAL_DAYS = 60;
export const AUTOMATIC_ARCHIVE_DAYS = 180;
export const DUPLICATE_WINDOW_HOURS = 24;

export const APPLICATION_REFUSALS = {
  notAllowed: (transition: ApplicationTransitionName, state: ApplicationState) =>
    new BusinessRuleError(
      'application_transition_not_allowed',
      `${TRANSITION_LABELS[transition]} impossible : la candidature est à l'état « ${APPLICATION_STATE_LABELS[state]} ».`,
    ),
  notYours: () =>
    new BusinessRuleError(
      'application_not_yours',
      "Cette action revient à l'employeur destinataire de la candidature.",
    ),
  systemOnly: (transition: ApplicationTransitionName) =>
    new BusinessRuleError(
      'application_transition_system_only',
      `${TRANSITION_LABELS[transition]} : cette étape est faite par la plateforme, pas par un utilisateur.`,
    ),
  reasonRequired: () =>
    new BusinessRuleError('refusal_reason_required', 'Indiquez le motif du refus, choisi dans la liste.'),
  automaticReason: () =>
    new BusinessRuleError('refusal_reason_automatic', 'Le motif « refus automatique » est réservé à la plateforme.'),
  contractStarted: (start: IsoDate) =>
    new BusinessRuleError(
      'hire_already_started',
      `Le contrat a commencé le ${frenchDate(start)} : l'embauche ne peut plus être annulée.`,
    ),
  duplicate: () =>
    new BusinessRuleError(
      'duplicate_application',
      'Une candidature de cette personne a déjà été envoyée à cet employeur il y a moins de 24 heures.',
    ),
};

/** The state a transition leads to, or a French refusal naming the current state. */
export function nextApplicationState(
  state: ApplicationState,
  transition: ApplicationTransitionName,
  actor: ApplicationActor,
): ApplicationState {
  const rule = APPLICATION_TRANSITIONS[transition];
  if (!rule.by.includes(actor)) throw APPLICATION_REFUSALS.systemOnly(transition);
  if (!rule.from.includes(state)) throw APPLICATION_REFUSALS.notAllowed(transition, state);
  return rule.to;
}

/** The transitions an employer may offer from a state (the buttons to show). */
export function employerTransitionsFrom(state: ApplicationState): ApplicationTransitionName[] {
  return (Object.keys(APPLICATION_TRANSITIONS) as ApplicationTransitionName[]).filter((name) => {
    const rule = APPLICATION_TRANSITIONS[name];
    return rule.by.includes('EMPLOYER') && rule.from.includes(state);
  });
}

/** A refusal needs a reason from the list; users may not pick the platform's `automatic`. */
export function checkRefusalReason(reason: string | undefined, actor: ApplicationActor): RefusalReason {
  if (!reason || !Object.hasOwn(REFUSAL_REASONS, reason)) throw APPLICATION_REFUSALS.reasonRequired();
  if (reason === 'automatic' && actor !== 'SYSTEM') throw APPLICATION_REFUSALS.automaticReason();
  return reason as RefusalReason;
}

/** An accepted hire may be cancelled only before the contract starts (docs/rules.md §4). */
export function checkCancellation(hiringStartDate: IsoDate, today: IsoDate): void {
  if (compareDates(today, hiringStartDate) >= 0) throw APPLICATION_REFUSALS.contractStarted(hiringStartDate);
}

/** Same person to the same employer twice within 24 hours is a duplicate (docs/rules.md §4). */
export function isDuplicateApplication(previousSentAt: readonly Date[], now: Date): boolean {
  const windowStart = now.getTime() - DUPLICATE_WINDOW_HOURS * 3600 * 1000;
  return previousSentAt.some((sentAt) => sentAt.getTime() > windowStart && sentAt.getTime() <= now.getTime());
}

export interface ApplicationDeadline {
  /** The Paris day at whose start the transition happens. */
  on: IsoDate;
  transition: 'refuse' | 'archive';
}

/**
 * What the clock will do to an application left alone: 60 days without update in new or
 * processing → refused (`automatic`); 180 days without update in a state that may be
 * archived → archived. Every update moves `lastUpdatedOn`, so the deadline moves with it.
 * Postponed applications wait for the employer's decision; accepted ones are never archived.
 */
export function nextApplicationDeadline(state: ApplicationState, lastUpdatedOn: IsoDate): ApplicationDeadline | null {
  if (state === 'new' || state === 'processing') {
    return { on: addDays(lastUpdatedOn, AUTOMATIC_REFUSAL_DAYS), transition: 'refuse' };
  }
  if (APPLICATION_TRANSITIONS.archive.from.includes(state)) {
    return { on: addDays(lastUpdatedOn, AUTOMATIC_ARCHIVE_DAYS), transition: 'archive' };
  }
  return null;
}

/** Who sent an application: an employer for itself, or a prescriber authorized or not. */
export type ApplicationSenderKind = 'AUTHORIZED_PRESCRIBER' | 'ORIENTEUR' | 'EMPLOYER';

/**
 * The sender kind decides the route of a hire (docs/rules.md §4): only an authorized prescriber's
 * application opens a PASS during the waiting period. Administrators act as the platform's
 * authorized prescribers.
 */
export function applicationSenderKind(actor: {
  role: Role;
  organization: { authorizationStatus: AuthorizationStatus | null };
}): ApplicationSenderKind {
  if (actor.role === 'EMPLOYER_STAFF') return 'EMPLOYER';
  if (actor.role === 'ADMIN') return 'AUTHORIZED_PRESCRIBER';
  return isAuthorizedPrescriber(actor) ? 'AUTHORIZED_PRESCRIBER' : 'ORIENTEUR';
}

/** A notification of an application's transition to one organization. */
export interface ApplicationNotice {
  organizationId: string;
  subject: string;
  body: string;
}

/**
 * The transitions after which the employer has nothing left to do on an application: its
 * notifications about it are handled (docs/rules.md §9).
 */
export const EMPLOYER_HANDLES_ON: readonly (ApplicationTransitionName | 'send' | 'postponeHire')[] = [
  'accept',
  'refuse',
  'obsolete',
];

/** What the notices of a transition say: who sent the application to whom, and the decision. */
export interface ApplicationNoticeData {
  employerId: string;
  senderOrganizationId: string;
  hiringStartDate: IsoDate | null;
  passNumber: string | null;
  refusalReason: string | null;
}

/**
 * Who hears of a transition, and in what words (docs/rules.md §4): the employer of a new
 * application, the sender of a decision; an employer that sent to itself hears nothing.
 */
export function applicationNotices(
  transition: ApplicationTransitionName | 'send' | 'postponeHire',
  application: ApplicationNoticeData,
): ApplicationNotice[] {
  const toEmployer = (subject: string, body: string) => ({ organizationId: application.employerId, subject, body });
  const toSender = (subject: string, body: string) =>
    application.senderOrganizationId === application.employerId
      ? []
      : [{ organizationId: application.senderOrganizationId, subject, body }];
  switch (transition) {
    case 'send':
      return application.senderOrganizationId === application.employerId
        ? []
        : [
            toEmployer(
              'Nouvelle candidature',
              'Une nouvelle candidature vous a été envoyée : consultez-la dans vos candidatures.',
            ),
          ];
    case 'accept': {
      const pass = application.passNumber ? ` PASS IAE : ${application.passNumber}.` : '';
      return toSender(
        'Candidature acceptée',
        `La candidature que vous avez envoyée est acceptée : embauche à partir du ${frenchDate(application.hiringStartDate!)}.${pass}`,
      );
    }
    case 'refuse': {
      const reason = application.refusalReason ? REFUSAL_REASONS[application.refusalReason as RefusalReason] : '';
      const notices = toSender(
        'Candidature refusée',
        `La candidature que vous avez envoyée est refusée. Motif : ${reason}.`,
      );
      return application.refusalReason === 'automatic'
        ? [
            ...notices,
            toEmployer(
              'Candidature refusée automatiquement',
              'Une candidature restée 60 jours sans réponse a été refusée.',
            ),
          ]
        : notices;
    }
    case 'cancel':
      return toSender('Embauche annulée', "L'embauche prévue pour la candidature que vous avez envoyée est annulée.");
    case 'obsolete':
      return [toEmployer('Candidature devenue obsolète', 'La personne a été embauchée par un autre employeur.')];
    default:
      return [];
  }
}
