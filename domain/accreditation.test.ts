import { describe, expect, it } from 'vitest';
import {
  accreditationAnsweredOn,
  accreditationNotices,
  accreditationStateLabel,
  ACCREDITATION_STATES,
  ACCREDITATION_STATE_LABELS,
  ACCREDITATION_TRANSITIONS,
  OPEN_ACCREDITATION_STATES,
  nextAccreditationState,
  type AccreditationAction,
  type AccreditationState,
} from './accreditation.ts';
import { BusinessRuleError } from './errors.ts';

const ACTIONS = Object.keys(ACCREDITATION_TRANSITIONS) as AccreditationAction[];

/** docs/rules.md §7, written out independently of the table under test. */
const EXPECTED: Partial<Record<AccreditationState, Partial<Record<AccreditationAction, AccreditationState>>>> = {
  SUBMITTED: { requestInformation: 'INFORMATION_REQUESTED', approve: 'APPROVED', reject: 'REJECTED' },
  INFORMATION_REQUESTED: { respond: 'SUBMITTED', approve: 'APPROVED', reject: 'REJECTED', abandon: 'ABANDONED' },
  APPROVED: { withdraw: 'WITHDRAWN', expire: 'EXPIRED' },
};

const PAIRS = ACCREDITATION_STATES.flatMap((state) => ACTIONS.map((action) => [state, action] as const));
const ALLOWED = PAIRS.filter(([state, action]) => EXPECTED[state]?.[action] !== undefined).map(
  ([state, action]) => [state, action, EXPECTED[state]![action]!] as const,
);
const REFUSED = PAIRS.filter(([state, action]) => EXPECTED[state]?.[action] === undefined);

function refusalOf(state: AccreditationState, action: AccreditationAction): unknown {
  try {
    nextAccreditationState(state, action);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('nextAccreditationState', () => {
  it('the table covers every action, and the tests cover every (state, action) pair', () => {
    expect([...ACTIONS].sort()).toEqual(
      ['abandon', 'approve', 'expire', 'reject', 'requestInformation', 'respond', 'withdraw'].sort(),
    );
    expect(ALLOWED.length + REFUSED.length).toBe(ACCREDITATION_STATES.length * ACTIONS.length);
    expect(ALLOWED).toHaveLength(9);
    // Every transition of the table is one the spec expects, and vice versa.
    const fromTable = ACTIONS.flatMap((action) =>
      ACCREDITATION_TRANSITIONS[action].from.map(
        (state) => `${state} --${action}--> ${ACCREDITATION_TRANSITIONS[action].to}`,
      ),
    );
    expect(fromTable.sort()).toEqual(ALLOWED.map(([state, action, to]) => `${state} --${action}--> ${to}`).sort());
  });

  it.each(ALLOWED)('a request in state %s that gets %s moves to %s', (state, action, target) => {
    expect(nextAccreditationState(state, action)).toBe(target);
    expect(ACCREDITATION_TRANSITIONS[action].to).toBe(target);
    expect(ACCREDITATION_TRANSITIONS[action].from).toContain(state);
  });

  it.each(REFUSED)(
    'a request in state %s cannot get %s: refused with a French message naming the state',
    (state, action) => {
      const error = refusalOf(state, action);
      expect(error).toBeInstanceOf(BusinessRuleError);
      const refusal = error as BusinessRuleError;
      expect(refusal.name).toBe('BusinessRuleError');
      expect(refusal.code).toBe('accreditation_transition_not_allowed');
      expect(refusal.message).toContain(`« ${ACCREDITATION_STATE_LABELS[state]} »`);
      expect(refusal.message).toMatch(/^Action impossible : la demande est à l'état/);
      expect(ACCREDITATION_TRANSITIONS[action].from).not.toContain(state);
    },
  );

  it.each(['REJECTED', 'ABANDONED', 'WITHDRAWN', 'EXPIRED'] as const)('%s is final: no action leaves it', (state) => {
    for (const action of ACTIONS) expect(() => nextAccreditationState(state, action)).toThrow(BusinessRuleError);
  });

  it('an approved request can only be withdrawn (by the prefecture) or expire (at its end date)', () => {
    const allowed = ACTIONS.filter((action) => !(refusalOf('APPROVED', action) instanceof BusinessRuleError));
    expect(allowed.sort()).toEqual(['expire', 'withdraw']);
  });

  it('the clock abandons and expires, the organization answers, the prefecture decides', () => {
    expect(ACCREDITATION_TRANSITIONS.abandon.by).toBe('TIMER');
    expect(ACCREDITATION_TRANSITIONS.expire.by).toBe('TIMER');
    expect(ACCREDITATION_TRANSITIONS.respond.by).toBe('ORGANIZATION');
    for (const action of ['requestInformation', 'approve', 'reject', 'withdraw'] as const) {
      expect(ACCREDITATION_TRANSITIONS[action].by).toBe('PREFECTURE');
    }
  });

  it('the open states are exactly those from which the prefecture can still decide', () => {
    expect([...OPEN_ACCREDITATION_STATES].sort()).toEqual(['INFORMATION_REQUESTED', 'SUBMITTED']);
    for (const state of ACCREDITATION_STATES) {
      const open = OPEN_ACCREDITATION_STATES.includes(state);
      expect(ACCREDITATION_TRANSITIONS.approve.from.includes(state), state).toBe(open);
      expect(ACCREDITATION_TRANSITIONS.reject.from.includes(state), state).toBe(open);
    }
  });

  it('every state has a French label', () => {
    expect(Object.keys(ACCREDITATION_STATE_LABELS).sort()).toEqual([...ACCREDITATION_STATES].sort());
    for (const state of ACCREDITATION_STATES) expect(ACCREDITATION_STATE_LABELS[state]).toMatch(/\S/);
  });

  it('a request can go back and forth between submitted and information requested, then be approved', () => {
    let state: AccreditationState = 'SUBMITTED';
    for (const action of [
      'requestInformation',
      'respond',
      'requestInformation',
      'respond',
      'approve',
      'withdraw',
    ] as const) {
      state = nextAccreditationState(state, action);
    }
    expect(state).toBe('WITHDRAWN');
  });
});

describe('accreditationNotices (docs/rules.md §7)', () => {
  const request = { submittedOn: '2026-03-02', endDate: '2031-03-01', message: 'Pièces reçues.' };
  const say = (to: string, subject: string, body: string) => ({ to, subject, body });

  it.each([
    [
      'submit',
      [
        say(
          'PREFECTURE',
          "Nouvelle demande d'habilitation",
          'Une organisation demande à être habilitée comme prescripteur.',
        ),
      ],
    ],
    [
      'requestInformation',
      [
        say(
          'ORGANIZATION',
          "Informations demandées sur votre demande d'habilitation",
          'La préfecture demande des informations complémentaires. Sans réponse sous 30 jours, la demande sera abandonnée.\n\nMessage : Pièces reçues.',
        ),
      ],
    ],
    [
      'respond',
      [
        say(
          'PREFECTURE',
          "Réponse à une demande d'informations",
          "L'organisation a répondu à votre demande d'informations.\n\nMessage : Pièces reçues.",
        ),
      ],
    ],
    [
      'approve',
      [
        say(
          'ORGANIZATION',
          'Votre organisation est habilitée',
          "La préfecture a approuvé votre demande : vos membres sont désormais prescripteurs habilités jusqu'au 01/03/2031.",
        ),
      ],
    ],
    [
      'reject',
      [
        say(
          'ORGANIZATION',
          "Demande d'habilitation refusée",
          'La préfecture a refusé votre demande.\n\nMessage : Pièces reçues.',
        ),
      ],
    ],
    [
      'withdraw',
      [
        say(
          'ORGANIZATION',
          'Habilitation retirée',
          'La préfecture a retiré votre habilitation.\n\nMessage : Pièces reçues.',
        ),
      ],
    ],
    [
      'prefectureReminder',
      [
        say(
          'PREFECTURE',
          "Rappel : demande d'habilitation en attente",
          "Une demande d'habilitation déposée le 02/03/2026 attend votre décision.",
        ),
      ],
    ],
    [
      'overdue',
      [
        say(
          'PREFECTURE',
          "Demande d'habilitation en retard",
          'La demande déposée le 02/03/2026 est sans décision depuis 30 jours : elle apparaît dans la vue régionale des retards.',
        ),
      ],
    ],
    [
      'abandon',
      [
        say(
          'ORGANIZATION',
          "Demande d'habilitation abandonnée",
          "Faute de réponse sous 30 jours à la demande d'informations, votre demande est abandonnée. Vous pouvez en déposer une nouvelle.",
        ),
        say(
          'PREFECTURE',
          "Demande d'habilitation abandonnée",
          "L'organisation n'a pas répondu sous 30 jours à votre demande d'informations.",
        ),
      ],
    ],
    [
      'renewalReminder',
      [
        say(
          'ORGANIZATION',
          'Votre habilitation arrive à échéance',
          'Votre habilitation prend fin le 01/03/2031. Déposez une demande de renouvellement auprès de la préfecture.',
        ),
      ],
    ],
    [
      'expire',
      [
        say(
          'ORGANIZATION',
          'Habilitation expirée',
          "Votre habilitation a pris fin le 01/03/2031. Vos membres ne peuvent plus réaliser de diagnostic d'éligibilité.",
        ),
        say('PREFECTURE', 'Habilitation expirée', "L'habilitation accordée jusqu'au 01/03/2031 a pris fin."),
      ],
    ],
  ] as const)('%s', (action, expected) => {
    expect(accreditationNotices(action, request)).toEqual(expected);
  });

  it('without a message nor an end date, nothing is appended', () => {
    const bare = { submittedOn: '2026-03-02', endDate: null };
    expect(accreditationNotices('reject', bare)[0]?.body).toBe('La préfecture a refusé votre demande.');
    expect(accreditationNotices('approve', bare)[0]?.body).toBe(
      'La préfecture a approuvé votre demande : vos membres sont désormais prescripteurs habilités.',
    );
  });
});

describe('a request the organization completed (docs/rules.md §7)', () => {
  const ev = (action: string, on: string) => ({ action, on }) as { action: AccreditationAction | 'submit'; on: string };

  it('is answered on the day of its answer to the latest request for information', () => {
    expect(accreditationAnsweredOn([ev('submit', '2026-03-02')])).toBeNull();
    expect(accreditationAnsweredOn([ev('submit', '2026-03-02'), ev('requestInformation', '2026-03-05')])).toBeNull();
    const answered = [ev('submit', '2026-03-02'), ev('requestInformation', '2026-03-05'), ev('respond', '2026-03-09')];
    expect(accreditationAnsweredOn(answered)).toBe('2026-03-09');
    // A second request for information, not answered yet: nothing completed since.
    expect(accreditationAnsweredOn([...answered, ev('requestInformation', '2026-03-12')])).toBeNull();
    expect(
      accreditationAnsweredOn([...answered, ev('requestInformation', '2026-03-12'), ev('respond', '2026-03-20')]),
    ).toBe('2026-03-20');
    // The decision keeps the date of the answer it was made on.
    expect(accreditationAnsweredOn([...answered, ev('approve', '2026-03-25')])).toBe('2026-03-09');
  });

  it('reads « Complétée — à réexaminer » while it waits for a decision, and its state otherwise', () => {
    expect(accreditationStateLabel({ state: 'SUBMITTED', answeredOn: '2026-03-09' })).toBe('Complétée — à réexaminer');
    expect(accreditationStateLabel({ state: 'SUBMITTED', answeredOn: null })).toBe('Déposée');
    expect(accreditationStateLabel({ state: 'APPROVED', answeredOn: '2026-03-09' })).toBe('Habilitée');
    expect(accreditationStateLabel({ state: 'INFORMATION_REQUESTED', answeredOn: null })).toBe(
      'Informations demandées',
    );
  });
});
