// Gives every dated job description its `jobDescription` workflow (the 90-day timers): the demo
// job descriptions are seeded without Temporal. Run by `npm start` once Temporal is up; the
// same signal-with-start as the API, so a job description whose workflow runs is left as is and
// a second run starts nothing twice (docs/decisions/008-job-descriptions-and-imports.md).
import type { Client } from '@temporalio/client';
import { touchJobDescriptionWorkflow } from '../../api/job-descriptions/workflow.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
import { JOB_DESCRIPTION_WORKFLOW_TYPE, jobDescriptionWorkflowId } from '../../workflows/job-description/contract.ts';

const PAGE_SIZE = 500;
const IN_FLIGHT = 10;

/** Ids of the running job description workflows (visibility: an operations read, done once). */
async function runningWorkflowIds(temporal: Client): Promise<Set<string>> {
  const ids = new Set<string>();
  const query = `WorkflowType = '${JOB_DESCRIPTION_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
  for await (const execution of temporal.workflow.list({ query })) ids.add(execution.workflowId);
  return ids;
}

/** Starts the workflow of each dated job description that has none running; returns how many. */
export async function startMissingJobDescriptionWorkflows(deps: {
  db: Db;
  temporal: Client;
  clock: Clock;
  config: Pick<Config, 'TEMPORAL_TASK_QUEUE'>;
  /** Known running workflow ids, for a server that cannot list them (the sandbox's). */
  running?: Set<string>;
}): Promise<number> {
  const running = deps.running ?? (await runningWorkflowIds(deps.temporal));
  let started = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await deps.db.jobDescription.findMany({
      // Without a day the deadline activity has nothing to count from ('gone'): no workflow.
      where: { lastUpdatedOn: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, employerId: true, lastUpdatedOn: true, recruitmentOpen: true },
      orderBy: { id: 'asc' },
      take: PAGE_SIZE,
    });
    if (rows.length === 0) return started;
    after = rows.at(-1)!.id;
    const missing = rows.filter((row) => !running.has(jobDescriptionWorkflowId(row.id)));
    for (let index = 0; index < missing.length; index += IN_FLIGHT) {
      await Promise.all(missing.slice(index, index + IN_FLIGHT).map((row) => touchJobDescriptionWorkflow(deps, row)));
    }
    started += missing.length;
  }
}
