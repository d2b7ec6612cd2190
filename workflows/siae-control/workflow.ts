// One workflow per selected SIAE, from a campaign or a DDETS spot check (docs/rules.md §8):
// proofs (6 weeks, reminder at day 30) → review → adversarial phase (6 weeks, reminder at
// day 30) → second review → decision. Thin: the state changes are ./control.ts, the rules
// domain/controls/, the writes activities; this file orders them in time.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { nextControlDeadline } from '../../domain/controls/deadlines.ts';
import type { ActedBy } from '../contract.ts';
import { attempt, sleepUntilDeadlineOrChange, workflowToday } from '../support.ts';
import type { SiaeControlActivities } from './activities.ts';
import {
  chooseCriteriaUpdate,
  controlDecidedSignal,
  decideUpdate,
  reviewUpdate,
  siaeControlStateQuery,
  siaeControlSyncUpdate,
  submitProofsUpdate,
  uploadProofUpdate,
  type SiaeControlInput,
  type SiaeControlView,
} from './contract.ts';
import {
  chooseCriteria,
  decide,
  markChanged,
  newControlView,
  passDeadline,
  review,
  settle,
  submit,
  timelineOf,
  uploadProof,
} from './control.ts';

const { projectSiaeControl, revokeSelfPrescriptionRight } = proxyActivities<SiaeControlActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

export async function siaeControl(input: SiaeControlInput): Promise<SiaeControlView> {
  const { resumed, ...fields } = input;
  const view: SiaeControlView = resumed?.view ?? newControlView(input, workflowToday());
  let projectedVersion = resumed ? view.version : 0;

  async function project(action: string, actedBy: ActedBy | null): Promise<SiaeControlView> {
    const snapshot = JSON.parse(JSON.stringify(view)) as SiaeControlView;
    await projectSiaeControl({
      view: snapshot,
      actedBy,
      action: `siaeControl.${action}`,
      at: new Date(Date.now()).toISOString(),
    });
    projectedVersion = Math.max(projectedVersion, snapshot.version);
    return snapshot;
  }

  /** A review or a deadline may end the phase: its own projection and notification. */
  async function settleAndProject(actedBy: ActedBy | null): Promise<void> {
    const action = settle(view, workflowToday());
    if (action) await project(action, actedBy);
  }

  setHandler(siaeControlStateQuery, () => view);
  setHandler(siaeControlSyncUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return view;
  });
  /** An SIAE's action: checked by the validator (nothing recorded when refused), then applied and projected. */
  function siaeAction<A extends ActedBy>(
    update: UpdateDefinition<SiaeControlView, [A]>,
    name: string,
    change: (args: A, apply: boolean) => void,
  ): void {
    setHandler(
      update,
      (args: A) => {
        change(args, true);
        return project(name, args);
      },
      { validator: (args: A) => attempt(() => change(args, false)) },
    );
  }
  siaeAction(chooseCriteriaUpdate, 'chooseCriteria', (args, apply) => chooseCriteria(view, args, apply));
  siaeAction(uploadProofUpdate, 'uploadProof', (args, apply) => uploadProof(view, args, apply));
  siaeAction(submitProofsUpdate, 'submit', (_args, apply) => submit(view, apply));
  setHandler(
    reviewUpdate,
    async (args) => {
      review(view, args, true);
      const reviewed = await project('review', args);
      await settleAndProject(args);
      return view.version === reviewed.version ? reviewed : view;
    },
    { validator: (args) => attempt(() => review(view, args, false)) },
  );
  setHandler(
    decideUpdate,
    async (args) => {
      decide(view, args, workflowToday(), true);
      const decided = await project('decide', args);
      for (const sanction of args.sanctions) {
        if (sanction.kind !== 'temporary_revocation' && sanction.kind !== 'permanent_revocation') continue;
        await revokeSelfPrescriptionRight({
          employerId: view.employerId,
          departement: view.departement,
          controlId: view.controlId,
          sanction,
          notifiedOn: workflowToday(),
          actedBy: { userId: args.userId, organizationId: args.organizationId },
        });
      }
      return decided;
    },
    { validator: (args) => attempt(() => decide(view, args, workflowToday(), false)) },
  );

  if (!resumed) await project('start', input.startedBy);

  // Sleep until the next deadline of the phase; any change re-computes it (docs/rules.md §8).
  while (view.stage !== 'decided') {
    const deadline = view.stage === 'awaiting_decision' ? null : nextControlDeadline(timelineOf(view));
    const versionBefore = view.version;
    const changed = await sleepUntilDeadlineOrChange(
      deadline?.on,
      () => view.version !== versionBefore || workflowInfo().continueAsNewSuggested,
    );
    if (!changed && deadline) {
      if (deadline.kind === 'siaeReminder') view.siaeReminded = true;
      if (deadline.kind === 'ddetsReminder') view.lastDdetsReminderOn = workflowToday();
      if (deadline.kind === 'phaseDeadline') passDeadline(view);
      else markChanged(view);
      await project(deadline.kind, null);
      if (deadline.kind === 'phaseDeadline') await settleAndProject(null);
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof siaeControl>({ ...fields, resumed: { view } });
    }
  }
  await condition(allHandlersFinished);
  if (input.campaignWorkflowId && view.decision) {
    await getExternalWorkflowHandle(input.campaignWorkflowId).signal(controlDecidedSignal, {
      controlId: view.controlId,
      outcome: view.decision.outcome,
    });
  }
  return view;
}
