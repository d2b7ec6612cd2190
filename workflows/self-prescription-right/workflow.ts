// One workflow per SIAE: its self-prescription right (docs/rules.md §8). Thin: the transitions
// and deadlines are domain/controls/right.ts; the writes are the projection activity; this
// file orders them in time, on Paris days.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { revocationOf } from '../../domain/controls/right-record.ts';
import {
  INITIAL_RIGHT,
  nextRightDeadline,
  nextRightState,
  type RightAction,
  type Revocation,
} from '../../domain/controls/right.ts';
import { BusinessRuleError } from '../../domain/errors.ts';
import type { ActedBy } from '../contract.ts';
import { attempt, sleepUntilDeadlineOrChange, workflowToday } from '../support.ts';
import type { SelfPrescriptionRightActivities } from './activities.ts';
import {
  liftUpdate,
  scheduleRevocationUpdate,
  selfPrescriptionRightStateQuery,
  type RightChange,
  type SelfPrescriptionRightInput,
  type SelfPrescriptionRightView,
} from './contract.ts';

const LIFT_REASON_REQUIRED = () =>
  new BusinessRuleError('self_prescription_lift_reason_required', 'Indiquez le motif du rétablissement.');

const { projectSelfPrescriptionRight } = proxyActivities<SelfPrescriptionRightActivities>({
  startToCloseTimeout: '30 seconds',
});

export async function selfPrescriptionRight(input: SelfPrescriptionRightInput): Promise<SelfPrescriptionRightView> {
  const view: SelfPrescriptionRightView = {
    employerId: input.employerId,
    departement: input.departement,
    state: input.resumed?.state ?? INITIAL_RIGHT,
    version: input.resumed?.version ?? 0,
    lastChange: null,
  };

  /** One change: the next state, a new version, projected (read model, history, audit, notice). */
  async function change(
    action: RightAction,
    details: { reason: string | null; actedBy: ActedBy | null; revocation?: Revocation },
  ): Promise<SelfPrescriptionRightView> {
    const today = workflowToday();
    view.state = attempt(() => nextRightState(view.state, action, today, details.revocation));
    view.version += 1;
    const lastChange: RightChange = { action, on: today, reason: details.reason, actedBy: details.actedBy };
    view.lastChange = lastChange;
    const snapshot = JSON.parse(JSON.stringify(view)) as SelfPrescriptionRightView;
    await projectSelfPrescriptionRight({ view: snapshot, at: new Date(Date.now()).toISOString() });
    return snapshot;
  }

  setHandler(selfPrescriptionRightStateQuery, () => view);
  setHandler(
    scheduleRevocationUpdate,
    (args) => change('schedule', { reason: args.reason, actedBy: args.decidedBy, revocation: revocationOf(args) }),
    {
      validator: (args) =>
        void attempt(() => nextRightState(view.state, 'schedule', workflowToday(), revocationOf(args))),
    },
  );
  setHandler(liftUpdate, (args) => change('lift', { reason: args.reason, actedBy: args.actedBy }), {
    validator: (args) =>
      void attempt(() => {
        nextRightState(view.state, 'lift', workflowToday());
        // Who may lift is the API's check (checkLift); a lift without a reason is refused here too.
        if (!args.reason.trim()) throw LIFT_REASON_REQUIRED();
      }),
  });

  // Sleeps until the next Paris day the right changes (a revocation's start, the day after a
  // temporary one's end), or a change; a permanent revocation waits for its lift.
  for (;;) {
    const deadline = nextRightDeadline(view.state);
    const versionBefore = view.version;
    const changed = await sleepUntilDeadlineOrChange(
      deadline?.on,
      // Without a deadline, a suggested continue-as-new wakes it too (below).
      () => view.version !== versionBefore || (!deadline && workflowInfo().continueAsNewSuggested),
    );
    if (deadline && !changed) await change(deadline.kind, { reason: null, actedBy: null });
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof selfPrescriptionRight>({
        employerId: input.employerId,
        departement: input.departement,
        resumed: { state: view.state, version: view.version },
      });
    }
  }
}
