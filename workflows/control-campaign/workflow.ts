// One workflow per DDETS département and review period (docs/rules.md §8): waits for the
// ratio (4 weeks, then 30 %), draws the SIAE with a recorded seed, starts one siaeControl per
// selected SIAE, and closes once every control has a decision.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { checkRatioChoice, effectiveRatio, ratioChoiceDeadline } from '../../domain/controls/deadlines.ts';
import { drawSample, drawSiaes } from '../../domain/controls/draw.ts';
import type { ActedBy } from '../contract.ts';
import { controlDecidedSignal, siaeControlWorkflowId, SIAE_CONTROL_WORKFLOW_TYPE } from '../siae-control/contract.ts';
import { refuseWith } from '../siae-control/control.ts';
import type { siaeControl } from '../siae-control/workflow.ts';
import { attempt, sleepUntilDeadlineOrChange, workflowToday } from '../support.ts';
import type { ControlCampaignActivities } from './activities.ts';
import {
  controlCampaignStateQuery,
  controlCampaignSyncUpdate,
  setRatioUpdate,
  type ControlCampaignInput,
  type ControlCampaignView,
} from './contract.ts';
import { BusinessRuleError } from '../../domain/errors.ts';

const { projectControlCampaign, drawSeed, eligibleSiaes } = proxyActivities<ControlCampaignActivities>({
  startToCloseTimeout: '1 minute',
  retry: { nonRetryableErrorTypes: ['BusinessRuleError'] },
});

function checkSetRatio(view: ControlCampaignView, ratio: number): void {
  if (view.state !== 'open') {
    throw new BusinessRuleError(
      'control_ratio_locked',
      'Le tirage a déjà eu lieu : le taux ne peut plus être modifié.',
    );
  }
  refuseWith(checkRatioChoice(ratio, view, workflowToday()));
}

export async function controlCampaign(input: ControlCampaignInput): Promise<ControlCampaignView> {
  const { resumed, ...fields } = input;
  const view: ControlCampaignView = resumed?.view ?? {
    campaignId: input.campaignId,
    departement: input.departement,
    period: input.period,
    state: 'open',
    openedOn: workflowToday(),
    ratio: null,
    ratioChosen: null,
    eligibleCount: null,
    draw: null,
    controls: [],
    closedOn: null,
    version: 1,
  };
  let projectedVersion = resumed ? view.version : 0;
  let chosenRatio: number | null = null;

  async function project(action: string, actedBy: ActedBy | null): Promise<ControlCampaignView> {
    const snapshot = JSON.parse(JSON.stringify(view)) as ControlCampaignView;
    await projectControlCampaign({
      view: snapshot,
      actedBy,
      action: `controlCampaign.${action}`,
      at: new Date(Date.now()).toISOString(),
    });
    projectedVersion = Math.max(projectedVersion, snapshot.version);
    return snapshot;
  }

  setHandler(controlCampaignStateQuery, () => view);
  setHandler(controlCampaignSyncUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return view;
  });
  setHandler(
    setRatioUpdate,
    (args) => {
      chosenRatio = args.ratio;
      view.ratio = args.ratio;
      view.ratioChosen = true;
      view.version += 1;
      return project('setRatio', args);
    },
    { validator: (args) => attempt(() => checkSetRatio(view, args.ratio)) },
  );
  setHandler(controlDecidedSignal, ({ controlId, outcome }) => {
    const control = view.controls.find((c) => c.controlId === controlId);
    if (control && control.outcome === null) {
      control.outcome = outcome;
      view.version += 1;
    }
  });

  if (!resumed) await project('open', input.openedBy);

  if (view.state === 'open') {
    // docs/rules.md §8: the DDETS's ratio, or 30 % from the start of opening day + 28.
    await sleepUntilDeadlineOrChange(ratioChoiceDeadline(view.openedOn), () => chosenRatio !== null);
    await condition(allHandlersFinished);
    const ratio = effectiveRatio({ openedOn: view.openedOn, chosenRatio: view.ratio }, workflowToday());
    view.ratio = ratio;
    view.ratioChosen = chosenRatio !== null;
    view.state = 'selecting';
    view.version += 1;
    await project(view.ratioChosen ? 'selecting' : 'defaultRatio', null);
  }

  if (view.state === 'selecting') {
    const [seed, eligible] = await Promise.all([
      drawSeed(),
      eligibleSiaes({ departement: view.departement, period: view.period }),
    ]);
    view.eligibleCount = eligible.length;
    view.draw = drawSiaes(eligible, view.ratio!, seed);
    view.controls = view.draw.selectedIds.map((employerId) => {
      const siae = eligible.find((e) => e.siaeId === employerId)!;
      const sample = drawSample(siae, seed);
      return { controlId: uuid4(), employerId, applicationIds: sample.selectedIds, sample, outcome: null };
    });
    view.state = 'running';
    view.version += 1;
    await project('draw', null);
    for (const control of view.controls) {
      await startChild<typeof siaeControl>(SIAE_CONTROL_WORKFLOW_TYPE, {
        workflowId: siaeControlWorkflowId(control.controlId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            controlId: control.controlId,
            kind: 'CAMPAIGN',
            campaignId: view.campaignId,
            campaignWorkflowId: workflowInfo().workflowId,
            employerId: control.employerId,
            departement: view.departement,
            applicationIds: control.applicationIds,
            sample: control.sample,
            startedBy: { userId: null, organizationId: null },
          },
        ],
      });
    }
  }

  // Closes once every control has a decision; long waits continue as new (ids only in the view).
  for (;;) {
    const versionBefore = view.version;
    await condition(
      () =>
        view.controls.every((c) => c.outcome !== null) ||
        view.version !== versionBefore ||
        workflowInfo().continueAsNewSuggested,
    );
    if (view.controls.every((c) => c.outcome !== null)) break;
    if (view.version !== versionBefore) await project('controlDecided', null);
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof controlCampaign>({ ...fields, resumed: { view } });
    }
  }
  view.state = 'closed';
  view.closedOn = workflowToday();
  view.version += 1;
  await project('close', null);
  await condition(allHandlersFinished);
  return view;
}
