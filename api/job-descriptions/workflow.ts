// Reaching a job description's workflow from outside it: the API on every create and update, and
// `npm start` for the seeded job descriptions (docs/decisions/008-job-descriptions-and-imports.md).
import { today } from '../../domain/clock.ts';
import type { JobDescription } from '../../generated/prisma/client.ts';
import {
  JOB_DESCRIPTION_WORKFLOW_TYPE,
  jobDescriptionWorkflowId,
  touchedSignal,
  type JobDescriptionInput,
} from '../../workflows/job-description/contract.ts';
import type { Deps } from '../route.ts';

/** Tells the job description's workflow (starting it if needed) what the employer just did. */
export async function touchJobDescriptionWorkflow(
  deps: Pick<Deps, 'temporal' | 'clock'> & { config: Pick<Deps['config'], 'TEMPORAL_TASK_QUEUE'> },
  row: Pick<JobDescription, 'id' | 'employerId' | 'lastUpdatedOn' | 'recruitmentOpen'>,
): Promise<void> {
  const touch = { lastUpdatedOn: row.lastUpdatedOn ?? today(deps.clock), recruitmentOpen: row.recruitmentOpen };
  const input: JobDescriptionInput = { jobDescriptionId: row.id, employerId: row.employerId, ...touch };
  await deps.temporal.workflow.signalWithStart(JOB_DESCRIPTION_WORKFLOW_TYPE, {
    workflowId: jobDescriptionWorkflowId(row.id),
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    args: [input],
    signal: touchedSignal,
    signalArgs: [touch],
  });
}
