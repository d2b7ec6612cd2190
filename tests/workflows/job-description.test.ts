// The job description workflow's timers on the time-skipping test server (docs/rules.md §3): notice at
// the start of day 83 after the last update, recruitment closed at day 90, both moved by an
// update, counted again from a reopening. The activity here keeps the row in memory with the
// same guard as activities/job-descriptions.ts; the PostgreSQL side is proven by
// tests/integration/job-descriptions.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import type {
  JobDescriptionDeadlineInput,
  JobDescriptionDeadlineResult,
} from '../../workflows/job-description/activities.ts';
import {
  jobDescriptionStateQuery,
  jobDescriptionWorkflowId,
  touchedSignal,
  type JobDescriptionInput,
} from '../../workflows/job-description/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases();

interface Applied {
  kind: 'notice' | 'deactivation';
  on: IsoDate;
  countedFrom: IsoDate;
  key: string;
}

async function startCase() {
  const row = { lastUpdatedOn: '' as IsoDate, recruitmentOpen: true, deactivatedOn: null as IsoDate | null };
  const applied: Applied[] = [];
  const c = await cases.startCase('job-description', {
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
  });
  const createdOn = await c.today();
  row.lastUpdatedOn = createdOn;
  const jobDescriptionId = randomUUID();
  const input: JobDescriptionInput = { jobDescriptionId, employerId: randomUUID(), ...row };
  const workflowId = jobDescriptionWorkflowId(jobDescriptionId);
  const handle = c.env.client.workflow.getHandle(workflowId);
  c.track(handle);
  /** What the API does on every create or update: write the row, then signal-with-start. */
  const touch = async (change: { recruitmentOpen?: boolean } = {}) => {
    Object.assign(row, { lastUpdatedOn: await c.today(), ...change });
    if (change.recruitmentOpen) row.deactivatedOn = null;
    const signalArgs = [{ lastUpdatedOn: row.lastUpdatedOn, recruitmentOpen: row.recruitmentOpen }] as const;
    await c.env.client.workflow.signalWithStart('jobDescription', {
      taskQueue: c.taskQueue,
      workflowId,
      args: [{ ...input, ...signalArgs[0] }],
      signal: touchedSignal,
      signalArgs: [...signalArgs],
    });
  };
  await touch();
  /** Sleeps until `minutes` before (negative) or after the start of the Paris day `on`. */
  const sleepUntil = async (on: IsoDate, minutes: number) => c.sleepUntilDay(on, minutes * 60_000);
  return { ...c, row, applied, createdOn, handle, touch, sleepUntil };
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
    const view = await c.handle.query(jobDescriptionStateQuery);
    expect(view).toMatchObject({ recruitmentOpen: false, deactivatedOn: addDays(c.createdOn, 90) });
    await c.env.sleep('200 days');
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
    await cases.recordHistory(c.handle, 'job-description-updated-then-deactivated');
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
    expect((await c.handle.query(jobDescriptionStateQuery)).recruitmentOpen).toBe(true);
    await c.sleepUntil(addDays(reopenedOn, 90), 1);
    expect(c.applied.slice(3).map((a) => [a.kind, a.on])).toEqual([
      ['notice', addDays(reopenedOn, 83)],
      ['deactivation', addDays(reopenedOn, 90)],
    ]);
    await c.stop();
  });

  it('closed by the employer: no notice, no deactivation', async () => {
    const c = await startCase();
    await c.env.sleep('10 days');
    await c.touch({ recruitmentOpen: false });
    await c.env.sleep('120 days');
    expect(c.applied).toEqual([]);
    await c.stop();
  });
});
