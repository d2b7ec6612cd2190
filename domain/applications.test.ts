import { describe, expect, it } from 'vitest';
import {
  applicationNotices,
  REFUSAL_REASONS,
  applicationSenderKind,
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  checkCancellation,
  checkRefusalReason,
  employerTransitionsFrom,
  isDuplicateApplication,
  nextApplicationDeadline,
  nextApplicationState,
  PENDING_APPLICATION_STATES,
  USER_REFUSAL_REASONS,
  type ApplicationActor,
  type ApplicationState,
  type ApplicationTransitionName,
} from './applications.ts';
import { BusinessRuleError } from './errors.ts';

const TRANSITIONS = Object.keys(APPLICATION_TRANSITIONS) as ApplicationTransitionName[];

/** docs/rules.md §4, written out independently of the table under test: [from, transition, to, actors]. */
const EXPECTED: [ApplicationState, ApplicationTransitionName, ApplicationState, ApplicationActor[]][] = [
  ['new', 'process', 'processing', ['EMPLOYER']],
  ['new', 'postpone', 'postponed', ['EMPLOYER']],
  ['processing', 'postpone', 'postponed', ['EMPLOYER']],
  ['new', 'refuse', 'refused', ['EMPLOYER', 'SYSTEM']],
  ['processing', 'refuse', 'refused', ['EMPLOYER', 'SYSTEM']],
  ['postponed', 'refuse', 'refused', ['EMPLOYER', 'SYSTEM']],
  ['new', 'accept', 'accepted', ['EMPLOYER']],
  ['processing', 'accept', 'accepted', ['EMPLOYER']],
  ['postponed', 'accept', 'accepted', ['EMPLOYER']],
  ['refused', 'accept', 'accepted', ['EMPLOYER']],
  ['accepted', 'cancel', 'cancelled', ['EMPLOYER']],
  ['refused', 'archive', 'archived', ['EMPLOYER', 'SYSTEM']],
  ['cancelled', 'archive', 'archived', ['EMPLOYER', 'SYSTEM']],
  ['obsolete', 'archive', 'archived', ['EMPLOYER', 'SYSTEM']],
  ['new', 'obsolete', 'obsolete', ['SYSTEM']],
  ['processing', 'obsolete', 'obsolete', ['SYSTEM']],
  ['postponed', 'obsolete', 'obsolete', ['SYSTEM']],
];
const ACTORS: ApplicationActor[] = ['EMPLOYER', 'SYSTEM'];

function outcome(state: ApplicationState, transition: ApplicationTransitionName, actor: ApplicationActor) {
  try {
    return nextApplicationState(state, transition, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(BusinessRuleError);
    return (error as BusinessRuleError).code;
  }
}

describe('application state machine', () => {
  it('covers every (state, transition, actor) triple exactly as the specification says', () => {
    for (const state of APPLICATION_STATES) {
      for (const transition of TRANSITIONS) {
        for (const actor of ACTORS) {
          const expected = EXPECTED.find(([from, name]) => from === state && name === transition);
          const result = outcome(state, transition, actor);
          if (!expected) {
            expect(result, `${state} --${transition}/${actor}`).toMatch(/not_allowed|system_only/);
          } else if (expected[3].includes(actor)) {
            expect(result, `${state} --${transition}/${actor}`).toBe(expected[2]);
          } else {
            expect(result, `${state} --${transition}/${actor}`).toBe('application_transition_system_only');
          }
        }
      }
    }
  });

  it('refuses in French, naming the current state', () => {
    expect(() => nextApplicationState('archived', 'accept', 'EMPLOYER')).toThrow(
      "Embauche impossible : la candidature est à l'état « Archivée ».",
    );
  });

  it('archived is final and accepted only leads to cancelled', () => {
    expect(employerTransitionsFrom('archived')).toEqual([]);
    expect(employerTransitionsFrom('accepted')).toEqual(['cancel']);
    expect(employerTransitionsFrom('new')).toEqual(['process', 'postpone', 'refuse', 'accept']);
  });

  it('pending states are those a hire elsewhere makes obsolete', () => {
    expect([...PENDING_APPLICATION_STATES].sort()).toEqual(['new', 'postponed', 'processing']);
  });
});

describe('refusal reasons', () => {
  it('need a reason from the fixed list', () => {
    expect(checkRefusalReason('no_position', 'EMPLOYER')).toBe('no_position');
    expect(() => checkRefusalReason(undefined, 'EMPLOYER')).toThrow(/motif du refus/);
    expect(() => checkRefusalReason('because', 'EMPLOYER')).toThrow(/motif du refus/);
  });

  it('reserve `automatic` to the platform', () => {
    expect(USER_REFUSAL_REASONS).not.toContain('automatic');
    expect(() => checkRefusalReason('automatic', 'EMPLOYER')).toThrow(/réservé à la plateforme/);
    expect(checkRefusalReason('automatic', 'SYSTEM')).toBe('automatic');
  });
});

describe('cancelling a hire', () => {
  it('is possible until the day before the contract starts, not from its first day', () => {
    expect(() => checkCancellation('2027-03-10', '2027-03-09')).not.toThrow();
    expect(() => checkCancellation('2027-03-10', '2027-03-10')).toThrow(/a commencé le 10\/03\/2027/);
    expect(() => checkCancellation('2027-03-10', '2027-04-01')).toThrow(BusinessRuleError);
  });
});

describe('24-hour duplicate guard', () => {
  const now = new Date('2027-03-10T12:00:00Z');
  it('an application to the same employer less than 24 hours ago is a duplicate', () => {
    expect(isDuplicateApplication([new Date('2027-03-09T12:00:01Z')], now)).toBe(true);
    expect(isDuplicateApplication([new Date('2027-03-10T11:59:00Z')], now)).toBe(true);
  });
  it('one sent 24 hours ago or more is not', () => {
    expect(isDuplicateApplication([new Date('2027-03-09T12:00:00Z')], now)).toBe(false);
    expect(isDuplicateApplication([new Date('2027-01-01T00:00:00Z')], now)).toBe(false);
    expect(isDuplicateApplication([], now)).toBe(false);
  });
});

describe('application deadlines', () => {
  it('new or processing: refused automatically 60 days after the last update', () => {
    expect(nextApplicationDeadline('new', '2027-01-01')).toEqual({ on: '2027-03-02', transition: 'refuse' });
    expect(nextApplicationDeadline('processing', '2027-01-31')).toEqual({ on: '2027-04-01', transition: 'refuse' });
  });
  it('refused, cancelled or obsolete: archived 180 days after the last update', () => {
    for (const state of ['refused', 'cancelled', 'obsolete'] as const) {
      expect(nextApplicationDeadline(state, '2027-01-01')).toEqual({ on: '2027-06-30', transition: 'archive' });
    }
  });
  it('postponed, accepted and archived applications have no deadline', () => {
    expect(nextApplicationDeadline('postponed', '2027-01-01')).toBeNull();
    expect(nextApplicationDeadline('accepted', '2027-01-01')).toBeNull();
    expect(nextApplicationDeadline('archived', '2027-01-01')).toBeNull();
  });
});

describe('who sent an application', () => {
  const actor = (
    role: 'PRESCRIBER' | 'EMPLOYER_STAFF' | 'ADMIN',
    authorizationStatus: 'VALIDATED' | 'NOT_SET' | null,
  ) => ({
    role,
    organization: { authorizationStatus },
  });
  it('an authorized prescriber, an orienteur, or the employer itself', () => {
    expect(applicationSenderKind(actor('PRESCRIBER', 'VALIDATED'))).toBe('AUTHORIZED_PRESCRIBER');
    expect(applicationSenderKind(actor('PRESCRIBER', 'NOT_SET'))).toBe('ORIENTEUR');
    expect(applicationSenderKind(actor('EMPLOYER_STAFF', null))).toBe('EMPLOYER');
    expect(applicationSenderKind(actor('ADMIN', null))).toBe('AUTHORIZED_PRESCRIBER');
  });
});

describe('applicationNotices (docs/rules.md §4)', () => {
  const application = {
    employerId: 'siae',
    senderOrganizationId: 'prescriber',
    hiringStartDate: '2026-05-04',
    passNumber: '999990000123',
    refusalReason: 'not_eligible',
  };
  const toSender = (subject: string, body: string) => [{ organizationId: 'prescriber', subject, body }];
  const toEmployer = (subject: string, body: string) => ({ organizationId: 'siae', subject, body });

  it('send: the employer hears of a new application', () => {
    expect(applicationNotices('send', application)).toEqual([
      toEmployer(
        'Nouvelle candidature',
        'Une nouvelle candidature vous a été envoyée : consultez-la dans vos candidatures.',
      ),
    ]);
  });

  it('accept: the sender hears of the hire and its PASS IAE', () => {
    expect(applicationNotices('accept', application)).toEqual(
      toSender(
        'Candidature acceptée',
        'La candidature que vous avez envoyée est acceptée : embauche à partir du 04/05/2026. PASS IAE : 999990000123.',
      ),
    );
    expect(applicationNotices('accept', { ...application, passNumber: null })[0]?.body).toBe(
      'La candidature que vous avez envoyée est acceptée : embauche à partir du 04/05/2026.',
    );
  });

  it('refuse: the sender hears the reason; an automatic refusal tells the employer too', () => {
    const reason = REFUSAL_REASONS.not_eligible;
    expect(applicationNotices('refuse', application)).toEqual(
      toSender('Candidature refusée', `La candidature que vous avez envoyée est refusée. Motif : ${reason}.`),
    );
    expect(applicationNotices('refuse', { ...application, refusalReason: 'automatic' })).toEqual([
      ...toSender(
        'Candidature refusée',
        `La candidature que vous avez envoyée est refusée. Motif : ${REFUSAL_REASONS.automatic}.`,
      ),
      toEmployer('Candidature refusée automatiquement', 'Une candidature restée 60 jours sans réponse a été refusée.'),
    ]);
  });

  it('cancel and obsolete', () => {
    expect(applicationNotices('cancel', application)).toEqual(
      toSender('Embauche annulée', "L'embauche prévue pour la candidature que vous avez envoyée est annulée."),
    );
    expect(applicationNotices('obsolete', application)).toEqual([
      toEmployer('Candidature devenue obsolète', 'La personne a été embauchée par un autre employeur.'),
    ]);
  });

  it('an employer that sent to itself hears nothing of its own decisions; other transitions notify nobody', () => {
    const own = { ...application, senderOrganizationId: 'siae' };
    for (const transition of ['send', 'accept', 'refuse', 'cancel'] as const) {
      expect(applicationNotices(transition, own)).toEqual([]);
    }
    for (const transition of ['process', 'postpone', 'archive', 'postponeHire'] as const) {
      expect(applicationNotices(transition, application)).toEqual([]);
    }
  });
});
