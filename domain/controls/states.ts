// States of a control a posteriori (docs/rules.md §8): of each justified criterion (a
// transition table per phase), of a sampled hire (its worst criterion) and of a selected
// SIAE (its worst hire), and what a finished review or a passed deadline leads to.
import { BusinessRuleError, type Refusal } from '../errors.ts';

export const CRITERION_STATES = ['pending', 'uploaded', 'submitted', 'refused_2', 'refused', 'accepted'] as const;
export type CriterionState = (typeof CRITERION_STATES)[number];

/**
 * docs/rules.md §8: "pending < uploaded < submitted < refused_2 < refused < accepted, in that
 * order of precedence": the first one present decides. CRITERION_STATES is written in it.
 */
export const STATE_PRECEDENCE: readonly CriterionState[] = CRITERION_STATES;

export const CRITERION_STATE_LABELS: Record<CriterionState, string> = {
  pending: 'En attente',
  uploaded: 'Justificatif déposé',
  submitted: 'Transmis',
  refused_2: 'Problème constaté (x2)',
  refused: 'Problème constaté',
  accepted: 'Validé',
};

/** Phase 1 (proofs, then first review) and phase 3 (adversarial, then second review). */
export type ControlPhase = 'proofs' | 'adversarial';
export type CriterionAction = 'upload' | 'submit' | 'accept' | 'refuse' | 'deadline';
export type ControlActor = 'SIAE' | 'DDETS' | 'TIMER';

type Transition = { from: readonly CriterionState[]; to: CriterionState; by: ControlActor };

/**
 * A re-upload before submission replaces the proof (uploaded → uploaded). In the adversarial
 * phase only refused criteria may be re-uploaded; a second refusal is `refused_2`. At a
 * deadline whatever was not submitted is refused.
 */
export const CRITERION_TRANSITIONS: Record<ControlPhase, Record<CriterionAction, Transition>> = {
  proofs: {
    upload: { from: ['pending', 'uploaded'], to: 'uploaded', by: 'SIAE' },
    submit: { from: ['uploaded'], to: 'submitted', by: 'SIAE' },
    accept: { from: ['submitted'], to: 'accepted', by: 'DDETS' },
    refuse: { from: ['submitted'], to: 'refused', by: 'DDETS' },
    deadline: { from: ['pending', 'uploaded'], to: 'refused', by: 'TIMER' },
  },
  adversarial: {
    upload: { from: ['refused', 'uploaded'], to: 'uploaded', by: 'SIAE' },
    submit: { from: ['uploaded'], to: 'submitted', by: 'SIAE' },
    accept: { from: ['submitted'], to: 'accepted', by: 'DDETS' },
    refuse: { from: ['submitted'], to: 'refused_2', by: 'DDETS' },
    deadline: { from: ['uploaded'], to: 'refused', by: 'TIMER' },
  },
};

const PHASE_LABELS: Record<ControlPhase, string> = {
  proofs: 'transmission des justificatifs',
  adversarial: 'phase contradictoire',
};

/** The state an action leads to, or a French refusal when the criterion's state does not allow it. */
export function nextCriterionState(
  state: CriterionState,
  action: CriterionAction,
  phase: ControlPhase,
  comment?: string,
): CriterionState {
  const transition = CRITERION_TRANSITIONS[phase][action];
  if (!transition.from.includes(state)) {
    throw new BusinessRuleError(
      'control_criterion_transition_not_allowed',
      `Action impossible en ${PHASE_LABELS[phase]} : le critère est à l'état « ${CRITERION_STATE_LABELS[state]} ».`,
    );
  }
  if (action === 'refuse' && !comment?.trim()) {
    throw new BusinessRuleError(
      'control_refusal_comment_required',
      'Un commentaire est obligatoire pour refuser un justificatif.',
    );
  }
  return transition.to;
}

/** The first state of `states` in precedence order; `pending` for none (nothing chosen yet). */
export function worstState(states: readonly CriterionState[]): CriterionState {
  return STATE_PRECEDENCE.find((state) => states.includes(state)) ?? 'pending';
}

/** A sampled hire is as good as its worst criterion; with no criterion chosen it is pending. */
export function hireState(criteria: readonly CriterionState[]): CriterionState {
  return worstState(criteria);
}

/** A selected SIAE is as good as its worst sampled hire. */
export function siaeState(hires: readonly (readonly CriterionState[])[]): CriterionState {
  return worstState(hires.map(hireState));
}

// ---------------------------------------------------------------------------------------
// Submission, review and deadlines

export type RefusalReason = 'delay' | 'invalid_proof' | 'missing_proof' | 'other';
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  delay: 'Non respect des délais',
  invalid_proof: 'Pièce justificative incorrecte',
  missing_proof: 'Pièce justificative manquante',
  other: 'Autre',
};

/**
 * Whether the SIAE may submit in a phase. Phase 1: every sampled hire has criteria chosen and
 * every criterion a proof. Adversarial phase: at least one refused criterion re-uploaded (the
 * others stay refused).
 */
export function checkSubmission(phase: ControlPhase, hires: readonly (readonly CriterionState[])[]): Refusal[] {
  if (phase === 'proofs') {
    if (hires.some((criteria) => criteria.length === 0)) {
      return [
        {
          code: 'control_criteria_not_chosen',
          message: 'Choisissez les critères à justifier pour chaque embauche contrôlée avant de transmettre.',
        },
      ];
    }
    if (hires.some((criteria) => criteria.some((state) => state !== 'uploaded'))) {
      return [
        {
          code: 'control_proof_missing',
          message: 'Déposez un justificatif pour chaque critère choisi avant de transmettre.',
        },
      ];
    }
    return [];
  }
  return hires.some((criteria) => criteria.includes('uploaded'))
    ? []
    : [{ code: 'control_nothing_to_submit', message: 'Aucun nouveau justificatif à transmettre.' }];
}

export type ReviewOutcome = 'review_pending' | 'accepted' | 'adversarial' | 'refused';

/**
 * What a review leads to, once every submitted criterion has been reviewed: all accepted →
 * accepted and closed; otherwise the adversarial phase after the first review, a refusal
 * after the second. `review_pending` while a criterion is still `submitted`.
 */
export function reviewOutcome(phase: ControlPhase, hires: readonly (readonly CriterionState[])[]): ReviewOutcome {
  const states = hires.flat();
  if (states.includes('submitted')) return 'review_pending';
  if (hires.length > 0 && siaeState(hires) === 'accepted') return 'accepted';
  return phase === 'proofs' ? 'adversarial' : 'refused';
}

/**
 * The criteria after a phase's deadline: whatever was not submitted is refused (docs/rules.md §8).
 * Submitted criteria wait for their review.
 */
export function criteriaAtDeadline(
  phase: ControlPhase,
  hires: readonly (readonly CriterionState[])[],
): CriterionState[][] {
  const fails = CRITERION_TRANSITIONS[phase].deadline;
  return hires.map((criteria) => criteria.map((state) => (fails.from.includes(state) ? fails.to : state)));
}

/**
 * The decision forced by the adversarial deadline on an SIAE that submitted nothing during
 * the whole control: refused for `delay`. At the proofs deadline the same SIAE is not yet
 * decided: its criteria are refused, which opens the adversarial phase (the contradictory
 * step before any sanction; see docs/decisions/013-controls-domain.md).
 */
export function decisionAtDeadline(
  phase: ControlPhase,
  submittedEver: boolean,
): { decision: 'refused'; reason: RefusalReason } | null {
  return phase === 'adversarial' && !submittedEver ? { decision: 'refused', reason: 'delay' } : null;
}
