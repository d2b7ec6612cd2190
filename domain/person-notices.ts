// What a person is told by e-mail about their own parcours and applications (docs/rules.md §9,
// §11), when the person gave an e-mail address. Persons have no account on the platform: the
// message says what happened and whom to ask, never links to a staff page, and names nobody but
// the person's own employer or the organization that sent the application — no other person's
// data, no refusal motive, nothing more than the fact and its dates.
import { daysBetween, frenchDate, type IsoDate } from './dates.ts';
import type { ParcoursEventKind } from './pass/parcours.ts';

export interface PersonNoticeText {
  subject: string;
  body: string;
}

/** The kinds of person e-mails, for the template tests and the decision record's table. */
export const PERSON_NOTICE_KINDS = [
  'passIssued',
  'passSuspended',
  'passProlonged',
  'prolongationDenied',
  'passEnding',
  'passExpired',
  'applicationAccepted',
  'applicationRefused',
] as const;
export type PersonNoticeKind = (typeof PERSON_NOTICE_KINDS)[number];

export interface PersonParcoursFacts {
  passNumber: string;
  start: IsoDate;
  /** The PASS's end date after the change. */
  end: IsoDate;
  today: IsoDate;
  /** The employer of the last hire: the person's contact for anything about the PASS. */
  employerName: string;
  lastSuspension: { start: IsoDate; end: IsoDate } | null;
}

const askEmployer = (name: string) => `Pour toute question, adressez-vous à votre employeur, ${name}.`;

/** The parcours events a person is told of. */
export const PERSON_TOLD_OF_PARCOURS: readonly ParcoursEventKind[] = [
  'issued',
  'suspended',
  'prolonged',
  'prolongationGranted',
  'prolongationDenied',
  'endReminder',
  'expired',
];

/** The person's e-mail for a parcours event, or null when the person is not told of it. */
export function personParcoursNotice(
  event: ParcoursEventKind,
  facts: PersonParcoursFacts,
): (PersonNoticeText & { kind: PersonNoticeKind }) | null {
  const pass = `Votre PASS IAE n° ${facts.passNumber}`;
  const ofPass = `votre PASS IAE n° ${facts.passNumber}`;
  const contact = askEmployer(facts.employerName);
  switch (event) {
    case 'issued':
      return {
        kind: 'passIssued',
        subject: 'Votre PASS IAE est délivré',
        body: `${pass} est délivré pour votre embauche chez ${facts.employerName}. Il est valable du ${frenchDate(facts.start)} au ${frenchDate(facts.end)}. ${contact}`,
      };
    case 'suspended': {
      const s = facts.lastSuspension;
      const dates = s ? ` du ${frenchDate(s.start)} au ${frenchDate(s.end)}` : '';
      return {
        kind: 'passSuspended',
        subject: 'Votre PASS IAE est suspendu',
        body: `${pass} est suspendu${dates}. Sa date de fin est reportée d'autant : il est désormais valable jusqu'au ${frenchDate(facts.end)}. ${contact}`,
      };
    }
    case 'prolonged':
    case 'prolongationGranted':
      return {
        kind: 'passProlonged',
        subject: 'Votre PASS IAE est prolongé',
        body: `${pass} est prolongé : il est désormais valable jusqu'au ${frenchDate(facts.end)}. ${contact}`,
      };
    case 'prolongationDenied':
      return {
        kind: 'prolongationDenied',
        subject: "La prolongation de votre PASS IAE n'est pas accordée",
        body: `La demande de prolongation de ${ofPass} n'est pas accordée. Il reste valable jusqu'au ${frenchDate(facts.end)}. ${contact}`,
      };
    case 'endReminder': {
      const days = Math.max(0, daysBetween(facts.today, facts.end));
      return {
        kind: 'passEnding',
        subject: `Votre PASS IAE prend fin dans ${days} jours`,
        body: `${pass} est valable jusqu'au ${frenchDate(facts.end)}. Si votre parcours doit continuer, votre employeur peut en demander la prolongation. ${contact}`,
      };
    }
    case 'expired':
      return {
        kind: 'passExpired',
        subject: 'Votre PASS IAE a pris fin',
        body: `${pass} a pris fin le ${frenchDate(facts.end)}. Pour la suite de votre parcours, adressez-vous à votre conseiller ou à ${facts.employerName}.`,
      };
    default:
      return null;
  }
}

export interface PersonApplicationFacts {
  employerName: string;
  /** The organization that sent the application, when not the employer itself. */
  senderName: string | null;
  hiringStartDate: IsoDate | null;
}

/** The application transitions a person is told of: the employer's decision. */
export const PERSON_TOLD_OF_APPLICATION = ['accept', 'refuse'] as const;

/** The person's e-mail when an application of theirs is decided, or null. */
export function personApplicationNotice(
  transition: string,
  facts: PersonApplicationFacts,
): (PersonNoticeText & { kind: PersonNoticeKind }) | null {
  switch (transition) {
    case 'accept': {
      const start = facts.hiringStartDate ? ` Votre embauche commence le ${frenchDate(facts.hiringStartDate)}.` : '';
      return {
        kind: 'applicationAccepted',
        subject: 'Votre candidature est acceptée',
        body: `${facts.employerName} a accepté votre candidature.${start} ${askEmployer(facts.employerName)}`,
      };
    }
    case 'refuse':
      return {
        kind: 'applicationRefused',
        subject: "Votre candidature n'a pas été retenue",
        body: `${facts.employerName} n'a pas retenu votre candidature. ${
          facts.senderName
            ? `Pour en parler et trouver d'autres offres, adressez-vous à ${facts.senderName}, qui a envoyé votre candidature.`
            : `Pour en savoir plus, adressez-vous à ${facts.employerName}.`
        }`,
      };
    default:
      return null;
  }
}
