import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '../errors.ts';
import {
  CRITERION_STATES,
  CRITERION_TRANSITIONS,
  checkSubmission,
  criteriaAtDeadline,
  decisionAtDeadline,
  hireState,
  nextCriterionState,
  reviewOutcome,
  siaeState,
  worstState,
  type ControlPhase,
  type CriterionAction,
  type CriterionState,
} from './states.ts';

/** docs/rules.md §8, written out independently of the table under test. */
const EXPECTED: Record<
  ControlPhase,
  Partial<Record<CriterionState, Partial<Record<CriterionAction, CriterionState>>>>
> = {
  proofs: {
    pending: { upload: 'uploaded', deadline: 'refused' },
    uploaded: { upload: 'uploaded', submit: 'submitted', deadline: 'refused' },
    submitted: { accept: 'accepted', refuse: 'refused' },
  },
  adversarial: {
    refused: { upload: 'uploaded' },
    uploaded: { upload: 'uploaded', submit: 'submitted', deadline: 'refused' },
    submitted: { accept: 'accepted', refuse: 'refused_2' },
  },
};

const ACTIONS: CriterionAction[] = ['upload', 'submit', 'accept', 'refuse', 'deadline'];

describe('criterion transitions (docs/rules.md §8)', () => {
  for (const phase of ['proofs', 'adversarial'] as const) {
    for (const state of CRITERION_STATES) {
      for (const action of ACTIONS) {
        const expected = EXPECTED[phase][state]?.[action];
        it(`${phase}: ${state} --${action}--> ${expected ?? 'refused'}`, () => {
          if (expected) {
            expect(nextCriterionState(state, action, phase, 'Pièce illisible')).toBe(expected);
          } else {
            expect(() => nextCriterionState(state, action, phase, 'Pièce illisible')).toThrow(BusinessRuleError);
          }
        });
      }
    }
  }

  it('the table names each action once per phase', () => {
    expect(Object.keys(CRITERION_TRANSITIONS.proofs).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(CRITERION_TRANSITIONS.adversarial).sort()).toEqual([...ACTIONS].sort());
  });

  it('a refusal needs a comment', () => {
    expect(() => nextCriterionState('submitted', 'refuse', 'proofs')).toThrow(
      'Un commentaire est obligatoire pour refuser un justificatif.',
    );
    expect(() => nextCriterionState('submitted', 'refuse', 'adversarial', '  ')).toThrow(BusinessRuleError);
  });

  it('only refused criteria may be re-uploaded in the adversarial phase', () => {
    expect(() => nextCriterionState('accepted', 'upload', 'adversarial')).toThrow(
      "Action impossible en phase contradictoire : le critère est à l'état « Validé ».",
    );
    expect(() => nextCriterionState('refused_2', 'upload', 'adversarial')).toThrow(BusinessRuleError);
  });
});

describe('worst wins: pending < uploaded < submitted < refused_2 < refused < accepted', () => {
  it('each state beats every later one', () => {
    CRITERION_STATES.forEach((state, i) => {
      for (const later of CRITERION_STATES.slice(i + 1)) {
        expect(worstState([later, state])).toBe(state);
        expect(worstState([state, later])).toBe(state);
      }
    });
  });

  it('a hire is its worst criterion; with none chosen it is pending', () => {
    expect(hireState(['accepted', 'refused', 'refused_2'])).toBe('refused_2');
    expect(hireState(['accepted', 'accepted'])).toBe('accepted');
    expect(hireState([])).toBe('pending');
  });

  it('an SIAE is its worst hire', () => {
    expect(siaeState([['accepted'], ['accepted', 'refused']])).toBe('refused');
    expect(siaeState([['accepted'], ['submitted']])).toBe('submitted');
    expect(siaeState([['accepted'], []])).toBe('pending');
  });
});

describe('submission, review and deadlines', () => {
  it('phase 1 submission needs criteria chosen for every hire and a proof for each', () => {
    expect(checkSubmission('proofs', [['uploaded'], ['uploaded', 'uploaded']])).toEqual([]);
    expect(checkSubmission('proofs', [['uploaded'], []])[0]?.code).toBe('control_criteria_not_chosen');
    expect(checkSubmission('proofs', [['uploaded', 'pending']])[0]?.code).toBe('control_proof_missing');
  });

  it('an adversarial submission needs at least one re-uploaded proof', () => {
    expect(checkSubmission('adversarial', [['accepted', 'uploaded'], ['refused']])).toEqual([]);
    expect(checkSubmission('adversarial', [['accepted', 'refused']])[0]?.code).toBe('control_nothing_to_submit');
  });

  it('all accepted → accepted; something refused → adversarial after the first review, refused after the second', () => {
    expect(reviewOutcome('proofs', [['accepted'], ['accepted']])).toBe('accepted');
    expect(reviewOutcome('proofs', [['accepted'], ['refused']])).toBe('adversarial');
    expect(reviewOutcome('adversarial', [['accepted'], ['accepted']])).toBe('accepted');
    expect(reviewOutcome('adversarial', [['accepted'], ['refused_2']])).toBe('refused');
    expect(reviewOutcome('adversarial', [['accepted'], ['refused']])).toBe('refused');
  });

  it('the review is pending while a criterion is still submitted', () => {
    expect(reviewOutcome('proofs', [['accepted'], ['submitted']])).toBe('review_pending');
  });

  it('at a deadline what was not submitted is refused; submitted criteria wait for review', () => {
    expect(criteriaAtDeadline('proofs', [['pending', 'uploaded', 'submitted']])).toEqual([
      ['refused', 'refused', 'submitted'],
    ]);
    expect(criteriaAtDeadline('adversarial', [['uploaded', 'refused', 'accepted']])).toEqual([
      ['refused', 'refused', 'accepted'],
    ]);
  });

  it('an SIAE that submitted nothing is refused for delay at the adversarial deadline', () => {
    expect(decisionAtDeadline('adversarial', false)).toEqual({ decision: 'refused', reason: 'delay' });
    expect(decisionAtDeadline('adversarial', true)).toBeNull();
    expect(decisionAtDeadline('proofs', false)).toBeNull();
  });
});
