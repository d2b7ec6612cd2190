// The job description workflow's timers on the time-skipping test server (SPEC §3): notice at
// the start of day 83 after the last update, recruitment closed at day 90, both moved by an
// update, counted again from a reopening. The activity here keeps the row in memory with the
// same guard as activities/job-descriptions.ts; the PostgreSQL side is proven by
// tests/integration/job-descriptions.test.ts.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type {
  JobDescriptionDeadlineInput,
  JobDescriptionDeadlineResult,
} from '../../workflows/job-description/activities.ts';
import { addDays, parisDateOf, startOfParisDay, type IsoDate } from '../../domain/dates.ts';
import { WORKFLOWS_PATH } from '../../worker/create.ts';
import {
  jobDescriptionQuery,
  jobDescriptionWorkflowId,
  touchedSignal,
  type JobDescriptionInput,
} from '../../workflows/job-description/contract.ts';
import { startTimeSkippingEnv } from '../support/temporal-env.ts';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, bundle] = await Promise.all([
    startTimeSkippingEnv(),
    bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
    }),
  ]);
});
afterAll(() => env?.teardown());

interface Applied {
  kind: 'notice' | 'deactivation';
  on: IsoDate;
  countedFrom: IsoDate;
  key: string;
}

async function startCase() {
  const today = async () => parisDateOf(await env.currentTimeMs());
  const createdOn = await today();
  const row = { lastUpdatedOn: createdOn, recruitmentOpen: true, deactivatedOn: null as IsoDate | null };
  const applied: Applied[] = [];
  const taskQueue = `job-description-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: {
      async applyJobDescriptionDeadline(input: JobDescriptionDeadlineInput): Promise<JobDescriptionDeadlineResult> {
        if (row.lastUpdatedOn !== input.countedFrom || !row.recruitmentOpen) {
          return {
            outcome: 'stale',
            current: { lastUpdatedOn: row.lastUpdatedOn, recruitmentOpen: row.recruitmentOpen },
          };
        }
        if (input.kind === 'deactivation') Object.assign(row, { recruitmentOpen: false, deactivatedOn: input.on });
        applied.push({ kind: input.kind, on: input.on, countedFrom: input.countedFrom, key: input.key });
        return { outcome: 'applied' };
      },
    },
  });
  const running = worker.run();
  const jobDescriptionId = randomUUID();
  const input: JobDescriptionInput = { jobDescriptionId, employerId: randomUUID(), ...row };
  const workflowId = jobDescriptionWorkflowId(jobDescriptionId);
  /** What the API does on every create or update: write the row, then signal-with-start. */
  const touch = async (change: { recruitmentOpen?: boolean } = {}) => {
    Object.assign(row, { lastUpdatedOn: await today(), ...change });
    if (change.recruitmentOpen) row.deactivatedOn = null;
    const signalArgs = [{ lastUpdatedOn: row.lastUpdatedOn, recruitmentOpen: row.recruitmentOpen }] as const;
    await env.client.workflow.signalWithStart('jobDescription', {
      taskQueue,
      workflowId,
      args: [{ ...input, ...signalArgs[0] }],
      signal: touchedSignal,
      signalArgs: [...signalArgs],
    });
  };
  await touch();
  const handle = env.client.workflow.getHandle(workflowId);
  /** Sleeps until `minutes` before (negative) or after the start of the Paris day `on`. */
  const sleepUntil = async (on: IsoDate, minutes: number) =>
    env.sleep(startOfParisDay(on) + minutes * 60_000 - (await env.currentTimeMs()));
  const stop = async () => {
    // A workflow left waiting without a worker would stop the test server from skipping time.
    await handle.terminate('fin du test');
    worker.shutdown();
    await running;
  };
  return { row, applied, createdOn, handle, touch, sleepUntil, today, stop };
}

describe('job description deactivation', () => {
  it('notifies the employer at the start of day 83 and closes recruitment at the start of day 90, once each', async () => {
    const c = await startCase();
    await c.sleepUntil(addDays(c.createdOn, 83), -1);
    expect(c.applied).toEqual([]);
    await c.sleepUntil(addDays(c.createdOn, 83), 1);
    expect(c.applied.map((a) => [a.kind, a.on])).toEqual([['notice', addDays(c.createdOn, 83)]]);
    await c.sleepUntil(addDays(c.createdOn, 90), -1);
    expect(c.row.recruitmentOpen).toBe(true);
    await c.sleepUntil(addDays(c.createdOn, 90), 1);
    expect(c.applied.map((a) => [a.kind, a.on])).toEqual([
      ['notice', addDays(c.createdOn, 83)],
      ['deactivation', addDays(c.createdOn, 90)],
    ]);
    expect(c.row).toMatchObject({ recruitmentOpen: false, deactivatedOn: addDays(c.createdOn, 90) });
    const view = await c.handle.query(jobDescriptionQuery);
    expect(view).toMatchObject({ recruitmentOpen: false, deactivatedOn: addDays(c.createdOn, 90) });
    await env.sleep('200 days');
    expect(c.applied).toHaveLength(2);
    // One idempotency key per deadline: a retried activity writes its notification once.
    expect(new Set(c.applied.map((a) => a.key)).size).toBe(2);
    await c.stop();
  });

  it('an update on day 60 moves the notice to day 143 and the deactivation to day 150', async () => {
    const c = await startCase();
    await c.sleepUntil(addDays(c.createdOn, 60), 600);
    await c.touch();
    expect(c.row.lastUpdatedOn).toBe(addDays(c.createdOn, 60));
    await c.sleepUntil(addDays(c.createdOn, 100), 0);
    expect(c.applied).toEqual([]);
    await c.sleepUntil(addDays(c.createdOn, 143), -1);
    expect(c.applied).toEqual([]);
    await c.sleepUntil(addDays(c.createdOn, 143), 1);
    expect(c.applied.map((a) => [a.kind, a.on])).toEqual([['notice', addDays(c.createdOn, 143)]]);
    await c.sleepUntil(addDays(c.createdOn, 150), 1);
    expect(c.applied.map((a) => [a.kind, a.on, a.countedFrom])).toEqual([
      ['notice', addDays(c.createdOn, 143), addDays(c.createdOn, 60)],
      ['deactivation', addDays(c.createdOn, 150), addDays(c.createdOn, 60)],
    ]);
    const history = await c.handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, 'fresh')).resolves.toBeUndefined();
    // RECORD_HISTORIES=1 keeps it for tests/workflows/replay.test.ts, which replays it against future code.
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(
        new URL('./histories/job-description-updated-then-deactivated.json', import.meta.url),
        historyToJSON(history),
      );
    }
    await c.stop();
  });

  it('an update after the notice re-arms it; a reopened job description counts again from its reopening', async () => {
    const c = await startCase();
    await c.sleepUntil(addDays(c.createdOn, 85), 60);
    await c.touch();
    await c.sleepUntil(addDays(c.createdOn, 85 + 83), 1);
    expect(c.applied.map((a) => a.kind)).toEqual(['notice', 'notice']);
    await c.sleepUntil(addDays(c.createdOn, 85 + 90), 1);
    expect(c.row.recruitmentOpen).toBe(false);
    const reopenedOn = addDays(c.createdOn, 200);
    await c.sleepUntil(reopenedOn, 600);
    await c.touch({ recruitmentOpen: true });
    expect((await c.handle.query(jobDescriptionQuery)).recruitmentOpen).toBe(true);
    await c.sleepUntil(addDays(reopenedOn, 90), 1);
    expect(c.applied.slice(3).map((a) => [a.kind, a.on])).toEqual([
      ['notice', addDays(reopenedOn, 83)],
      ['deactivation', addDays(reopenedOn, 90)],
    ]);
    await c.stop();
  });

  it('closed by the employer: no notice, no deactivation', async () => {
    const c = await startCase();
    await env.sleep('10 days');
    await c.touch({ recruitmentOpen: false });
    await env.sleep('120 days');
    expect(c.applied).toEqual([]);
    await c.stop();
  });
});
