// The state of one SIAE's control (docs/rules.md §8), one change at a time: each function
// checks with the rules of domain/controls/ and changes the view, or refuses in French.
// Deterministic (no I/O): the workflow projects the view after each change.
import { checkSanctions } from '../../domain/controls/sanctions.ts';
import { phaseDeadline, type ControlTimeline } from '../../domain/controls/deadlines.ts';
import {
  checkSubmission,
  criteriaAtDeadline,
  decisionAtDeadline,
  hireState,
  nextCriterionState,
  reviewOutcome,
  siaeState,
  REFUSAL_REASON_LABELS,
  type ControlPhase,
  type CriterionState,
} from '../../domain/controls/states.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { BusinessRuleError } from '../../domain/errors.ts';
import type { PassRefusal as Refusal } from '../../domain/pass/dates.ts';
import type {
  ChooseCriteriaArgs,
  ControlledHireView,
  DecideArgs,
  ReviewArgs,
  SiaeControlInput,
  SiaeControlView,
  UploadProofArgs,
} from './contract.ts';

export function refuseWith(refusals: readonly Refusal[]): void {
  const [first] = refusals;
  if (first) throw new BusinessRuleError(first.code, refusals.map((r) => r.message).join(' '));
}

export function newControlView(input: SiaeControlInput, today: IsoDate): SiaeControlView {
  return {
    controlId: input.controlId,
    kind: input.kind,
    campaignId: input.campaignId,
    employerId: input.employerId,
    departement: input.departement,
    stage: 'proofs',
    phase: 'proofs',
    phaseStartedOn: today,
    phaseDeadline: phaseDeadline(today),
    submittedInPhase: false,
    submittedEver: false,
    siaeReminded: false,
    deadlinePassed: false,
    lastDdetsReminderOn: null,
    forcedReason: null,
    hires: input.applicationIds.map((applicationId) => ({ applicationId, criteria: [], failedWithoutCriteria: false })),
    state: 'pending',
    sample: input.sample,
    decision: null,
    version: 1,
  };
}

/** A hire whose criteria were never chosen by a deadline counts as refused (docs/rules.md §8). */
function statesOf(hire: ControlledHireView): CriterionState[] {
  return hire.failedWithoutCriteria && hire.criteria.length === 0 ? ['refused'] : hire.criteria.map((c) => c.state);
}

export function hireStates(view: SiaeControlView): CriterionState[][] {
  return view.hires.map(statesOf);
}

export function failedHireIds(view: SiaeControlView): string[] {
  return view.hires.filter((hire) => hireState(statesOf(hire)) !== 'accepted').map((hire) => hire.applicationId);
}

export function timelineOf(view: SiaeControlView): ControlTimeline {
  return {
    phase: view.phase,
    phaseStartedOn: view.phaseStartedOn,
    submitted: view.submittedInPhase,
    siaeReminded: view.siaeReminded,
    deadlinePassed: view.deadlinePassed,
    reviewPending: view.hires.some((hire) => hire.criteria.some((c) => c.state === 'submitted')),
    lastDdetsReminderOn: view.lastDdetsReminderOn,
  };
}

function changed(view: SiaeControlView): void {
  view.state = siaeState(hireStates(view));
  view.version += 1;
}

function assertSiaeMayAct(view: SiaeControlView): void {
  if (view.stage !== 'proofs' && view.stage !== 'adversarial') {
    throw new BusinessRuleError(
      'control_not_open_to_siae',
      "Ce contrôle n'attend plus de justificatif de la structure.",
    );
  }
  if (view.deadlinePassed) {
    throw new BusinessRuleError('control_deadline_passed', 'Le délai de transmission des justificatifs est dépassé.');
  }
}

function hireOf(view: SiaeControlView, applicationId: string): ControlledHireView {
  const hire = view.hires.find((h) => h.applicationId === applicationId);
  if (!hire) throw new BusinessRuleError('control_hire_unknown', 'Cette embauche ne fait pas partie du contrôle.');
  return hire;
}

/**
 * The criteria the SIAE justifies for a hire. Whether they meet the §4 rule is checked by the
 * caller against the hire's diagnosis (domain/controls/proofs.ts); here, only when it may:
 * in the proofs phase while nothing of the hire is submitted (proofs of kept criteria stay),
 * in the adversarial phase for a hire that failed without criteria (they start refused).
 */
export function chooseCriteria(view: SiaeControlView, args: ChooseCriteriaArgs, apply: boolean): void {
  assertSiaeMayAct(view);
  const hire = hireOf(view, args.applicationId);
  const initial: CriterionState | null =
    view.phase === 'proofs' && hire.criteria.every((c) => c.state === 'pending' || c.state === 'uploaded')
      ? 'pending'
      : view.phase === 'adversarial' && hire.criteria.length === 0
        ? 'refused'
        : null;
  if (initial === null) {
    throw new BusinessRuleError(
      'control_criteria_locked',
      'Les critères de cette embauche ne peuvent plus être modifiés : ses justificatifs ont été transmis.',
    );
  }
  if (!apply) return;
  hire.criteria = args.criteria.map(
    (criterion) =>
      hire.criteria.find((c) => c.criterion === criterion) ?? {
        criterion,
        state: initial,
        proofId: null,
        comment: null,
      },
  );
  changed(view);
}

function criterionOf(view: SiaeControlView, applicationId: string, criterion: string) {
  const found = hireOf(view, applicationId).criteria.find((c) => c.criterion === criterion);
  if (!found)
    throw new BusinessRuleError('control_criterion_unknown', "Ce critère n'a pas été choisi pour cette embauche.");
  return found;
}

export function uploadProof(view: SiaeControlView, args: UploadProofArgs, apply: boolean): void {
  assertSiaeMayAct(view);
  const criterion = criterionOf(view, args.applicationId, args.criterion);
  const to = nextCriterionState(criterion.state, 'upload', view.phase);
  if (!apply) return;
  criterion.state = to;
  criterion.proofId = args.proofId;
  changed(view);
}

export function submit(view: SiaeControlView, apply: boolean): void {
  assertSiaeMayAct(view);
  refuseWith(checkSubmission(view.phase, hireStates(view)));
  if (!apply) return;
  for (const hire of view.hires) {
    for (const c of hire.criteria)
      if (c.state === 'uploaded') c.state = nextCriterionState(c.state, 'submit', view.phase);
  }
  view.submittedInPhase = true;
  view.submittedEver = true;
  changed(view);
}

export function review(view: SiaeControlView, args: ReviewArgs, apply: boolean): void {
  if (view.stage !== 'proofs' && view.stage !== 'adversarial') {
    throw new BusinessRuleError('control_not_in_review', "Ce contrôle n'attend plus d'examen de justificatif.");
  }
  const criterion = criterionOf(view, args.applicationId, args.criterion);
  const to = nextCriterionState(criterion.state, args.verdict, view.phase, args.comment ?? undefined);
  if (!apply) return;
  criterion.state = to;
  criterion.comment = args.comment?.trim() || null;
  changed(view);
}

export function startPhase(view: SiaeControlView, phase: ControlPhase, today: IsoDate): void {
  view.stage = phase;
  view.phase = phase;
  view.phaseStartedOn = today;
  view.phaseDeadline = phaseDeadline(today);
  view.submittedInPhase = false;
  view.siaeReminded = false;
  view.deadlinePassed = false;
  view.lastDdetsReminderOn = null;
}

/**
 * After a review or a deadline, once nothing waits for a review: accepted and closed, the
 * adversarial phase, or refused and waiting for the DDETS's decision (docs/rules.md §8).
 * Returns the action name of the change, or null when the control stays where it is.
 */
export function settle(view: SiaeControlView, today: IsoDate): 'accept' | 'adversarial' | 'refuse' | null {
  if (view.stage !== 'proofs' && view.stage !== 'adversarial') return null;
  const outcome = reviewOutcome(view.phase, hireStates(view));
  if (outcome === 'review_pending') return null;
  // Before the deadline, an SIAE that has not submitted may still act: nothing to settle.
  if (!view.deadlinePassed && !view.submittedInPhase) return null;
  let action: 'accept' | 'adversarial' | 'refuse';
  if (outcome === 'adversarial') {
    startPhase(view, 'adversarial', today);
    action = 'adversarial';
  } else if (outcome === 'accepted') {
    view.stage = 'decided';
    view.decision = { outcome: 'accepted', reason: null, decidedOn: today, sanctions: [] };
    action = 'accept';
  } else {
    view.stage = 'awaiting_decision';
    action = 'refuse';
  }
  changed(view);
  return action;
}

/** The phase's deadline: what was not submitted has failed (docs/rules.md §8). */
export function passDeadline(view: SiaeControlView): void {
  const after = criteriaAtDeadline(view.phase, hireStates(view));
  view.hires.forEach((hire, i) => {
    if (hire.criteria.length === 0) hire.failedWithoutCriteria = true;
    else hire.criteria.forEach((c, j) => (c.state = after[i]![j]!));
  });
  view.deadlinePassed = true;
  const forced = decisionAtDeadline(view.phase, view.submittedEver);
  if (forced) {
    view.forcedReason = forced.reason;
    view.stage = 'awaiting_decision';
  }
  changed(view);
}

/** The DDETS's decision on a refused control: its reason and sanctions (domain/controls/sanctions.ts). */
export function decide(view: SiaeControlView, args: DecideArgs, today: IsoDate, apply: boolean): void {
  if (view.stage !== 'awaiting_decision') {
    throw new BusinessRuleError('control_not_awaiting_decision', "Ce contrôle n'attend pas de décision de sanction.");
  }
  if (!(args.reason in REFUSAL_REASON_LABELS)) {
    throw new BusinessRuleError('control_refusal_reason_invalid', 'Motif de refus inconnu.');
  }
  if (view.forcedReason && args.reason !== view.forcedReason) {
    throw new BusinessRuleError(
      'control_refusal_reason_forced',
      `Aucun justificatif n'a été transmis : le motif est « ${REFUSAL_REASON_LABELS[view.forcedReason]} ».`,
    );
  }
  refuseWith(
    checkSanctions({
      controlRefused: true,
      sanctions: args.sanctions,
      notifiedOn: today,
      failedHireIds: failedHireIds(view),
    }),
  );
  if (!apply) return;
  view.stage = 'decided';
  view.decision = { outcome: 'refused', reason: args.reason, decidedOn: today, sanctions: args.sanctions };
  changed(view);
}

export function markChanged(view: SiaeControlView): void {
  changed(view);
}
