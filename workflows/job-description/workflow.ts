// One workflow per job description (docs/rules.md §3): durable timers that notify the employer 7 days
// before, then close recruitment after 90 days without update. Every create or update reaches
// it as a `touched` signal (signal-with-start), which moves both timers.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { IsoDate } from '../../domain/dates.ts';
import { nextJobDescriptionDeadline } from '../../domain/job-descriptions.ts';
import { sleepUntilDeadlineOrChange } from '../support.ts';
import type { JobDescriptionActivities } from './activities.ts';
import {
  jobDescriptionStateQuery,
  jobDescriptionWorkflowId,
  touchedSignal,
  type JobDescriptionInput,
  type JobDescriptionTouch,
  type JobDescriptionView,
} from './contract.ts';

const { applyJobDescriptionDeadline } = proxyActivities<JobDescriptionActivities>({
  startToCloseTimeout: '30 seconds',
});

export async function jobDescription(input: JobDescriptionInput): Promise<JobDescriptionView> {
  let touch: JobDescriptionTouch = { lastUpdatedOn: input.lastUpdatedOn, recruitmentOpen: input.recruitmentOpen };
  let noticeSentFor: IsoDate | null = input.resumed?.noticeSentFor ?? null;
  let deactivatedOn: IsoDate | null = input.resumed?.deactivatedOn ?? null;
  let version = input.resumed?.version ?? 1;

  const view = (): JobDescriptionView => ({
    jobDescriptionId: input.jobDescriptionId,
    employerId: input.employerId,
    ...touch,
    noticeSentFor,
    deactivatedOn,
    version,
  });

  /** Adopts what the employer last did; an older update arriving late changes nothing. */
  function adopt(next: JobDescriptionTouch): void {
    if (next.lastUpdatedOn < touch.lastUpdatedOn) return;
    if (next.lastUpdatedOn === touch.lastUpdatedOn && next.recruitmentOpen === touch.recruitmentOpen) return;
    touch = { lastUpdatedOn: next.lastUpdatedOn, recruitmentOpen: next.recruitmentOpen };
    if (touch.recruitmentOpen) deactivatedOn = null;
    version += 1;
  }

  setHandler(touchedSignal, adopt);
  setHandler(jobDescriptionStateQuery, view);

  for (;;) {
    const deadline = nextJobDescriptionDeadline(touch.lastUpdatedOn, { ...touch, noticeSentFor });
    const versionBefore = version;
    const changed = await sleepUntilDeadlineOrChange(
      deadline?.on,
      // Without a deadline, a suggested continue-as-new wakes it too (below).
      () => version !== versionBefore || (!deadline && workflowInfo().continueAsNewSuggested),
    );
    if (deadline && !changed) {
      const countedFrom = touch.lastUpdatedOn;
      const result = await applyJobDescriptionDeadline({
        key: `${jobDescriptionWorkflowId(input.jobDescriptionId)}:v${version + 1}:${deadline.kind}`,
        jobDescriptionId: input.jobDescriptionId,
        employerId: input.employerId,
        kind: deadline.kind,
        countedFrom,
        on: deadline.on,
        at: new Date(Date.now()).toISOString(),
      });
      if (result.outcome === 'gone') break;
      if (result.outcome === 'stale') {
        // The row moved on (an update whose signal is still on its way, or was lost): count from it.
        adopt(result.current);
        // Nothing newer to count from: wait for the next update rather than ask again at once.
        if (version === versionBefore) await condition(() => version !== versionBefore);
      } else if (touch.lastUpdatedOn === countedFrom) {
        if (deadline.kind === 'notice') noticeSentFor = countedFrom;
        else {
          touch = { ...touch, recruitmentOpen: false };
          deactivatedOn = deadline.on;
        }
        version += 1;
      }
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof jobDescription>({
        ...input,
        ...touch,
        resumed: { noticeSentFor, deactivatedOn, version },
      });
    }
  }
  await condition(allHandlersFinished);
  return view();
}
