// A probe for the fault suite: one durable timer, then one activity that records its firing.
// Bundled by the probe worker of scripts/faults/probe/run.ts; deterministic like every workflow.
import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';

export interface ProbeActivities {
  recordFiring(workflowId: string): Promise<void>;
}

const { recordFiring } = proxyActivities<ProbeActivities>({ startToCloseTimeout: '10 seconds' });

/** Sleeps until `dueAtMs` (workflow time), then records that its timer fired. */
export async function faultProbeTimer(dueAtMs: number): Promise<void> {
  await sleep(Math.max(1, dueAtMs - workflowInfo().startTime.getTime()));
  await recordFiring(workflowInfo().workflowId);
}
