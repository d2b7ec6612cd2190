// The selfPrescriptionRight workflow on the time-skipping test server (docs/rules.md §8): a
// temporary revocation starts on its start date and ends by itself the day after its end date;
// a permanent one ends only when lifted; each change is projected (and so notified) once. The
// activity here keeps the projections in memory; tests/integration/self-prescription-right.test.ts
// proves the PostgreSQL side through the API.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import {
  liftSelfPrescriptionRevocation,
  scheduleSelfPrescriptionRevocation,
} from '../../server/self-prescription-right/calls.ts';
import type { ProjectRightInput } from '../../workflows/self-prescription-right/activities.ts';
import {
  selfPrescriptionRightStateQuery,
  selfPrescriptionRightWorkflowId,
  type ScheduleRevocationArgs,
} from '../../workflows/self-prescription-right/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases();
const ddets = { userId: randomUUID(), organizationId: randomUUID() };
const prefecture = { userId: randomUUID(), organizationId: randomUUID() };

async function startCase() {
  const projected: ProjectRightInput[] = [];
  const c = await cases.startCase('self-prescription-right', {
    async projectSelfPrescriptionRight(input: ProjectRightInput) {
      projected.push(input);
    },
  });
  const employerId = randomUUID();
  const handle = c.env.client.workflow.getHandle(selfPrescriptionRightWorkflowId(employerId));
  c.track(handle);
  const target = { client: c.env.client, taskQueue: c.taskQueue, employer: { id: employerId, departement: '75' } };
  const schedule = (args: Omit<ScheduleRevocationArgs, 'reason' | 'decidedBy'>) =>
    scheduleSelfPrescriptionRevocation(target, { ...args, reason: 'Contrôle refusé', decidedBy: ddets });
  const lift = (reason: string) =>
    liftSelfPrescriptionRevocation(c.env.client, employerId, { reason, actedBy: prefecture });
  const state = async () => (await handle.query(selfPrescriptionRightStateQuery)).state;
  /** Minutes before (negative) or after the start of the Paris day. */
  const at = (day: IsoDate, minutes: number) => c.sleepUntilDay(day, minutes * 60_000);
  /** Each change projected once: one projection per version, in order. */
  const changes = () => projected.map((p) => [p.view.version, p.view.lastChange?.action, p.view.lastChange?.on]);
  return { ...c, handle, schedule, lift, state, at, changes, projected };
}

const refusalOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message;
};

describe('self-prescription right', () => {
  it('a temporary revocation starts on its start date and ends by itself the day after its end date', async () => {
    const c = await startCase();
    const today = await c.today();
    const start = addDays(today, 31);
    const end = addDays(start, 9);
    const view = await c.schedule({ kind: 'temporary', start, end });
    expect(view.state).toEqual({ status: 'active', scheduled: { from: start, until: end } });

    await c.at(start, -1);
    expect((await c.state()).status).toBe('active');
    await c.at(start, 1);
    expect(await c.state()).toEqual({ status: 'revoked_until', from: start, until: end });
    await c.at(end, 1);
    expect((await c.state()).status).toBe('revoked_until');
    await c.at(addDays(end, 1), 1);
    expect(await c.state()).toEqual({ status: 'active', scheduled: null });

    expect(c.changes()).toEqual([
      [1, 'schedule', today],
      [2, 'start', start],
      [3, 'restore', addDays(end, 1)],
    ]);
    expect(c.projected[0]?.view.lastChange?.actedBy).toEqual(ddets);
    expect(c.projected[1]?.view.lastChange?.actedBy).toBeNull();
    await cases.recordHistory(c.handle, 'self-prescription-right-temporary-then-restored');
    await c.stop();
  });

  it('a permanent revocation ends only when a prefecture agent lifts it, with a reason', async () => {
    const c = await startCase();
    const start = addDays(await c.today(), 40);
    await c.schedule({ kind: 'permanent', start });
    expect(await refusalOf(c.lift('Trop tôt'))).toMatch(
      /^Action impossible : le droit d'auto-prescription est à l'état « Actif »/,
    );

    await c.at(addDays(start, 400), 0);
    expect(await c.state()).toEqual({ status: 'revoked_permanently', from: start });
    expect(await refusalOf(c.lift('   '))).toBe('Indiquez le motif du rétablissement.');

    const lifted = await c.lift('Régularisation constatée');
    expect(lifted.state).toEqual({ status: 'active', scheduled: null });
    expect(lifted.lastChange).toMatchObject({
      action: 'lift',
      reason: 'Régularisation constatée',
      actedBy: prefecture,
    });
    expect(c.changes().map(([, action]) => action)).toEqual(['schedule', 'start', 'lift']);
    await c.stop();
  });

  it('refuses a second revocation while one is scheduled, and a temporary one without a valid end', async () => {
    const c = await startCase();
    const start = addDays(await c.today(), 31);
    expect(await refusalOf(c.schedule({ kind: 'temporary', start, end: addDays(start, -1) }))).toMatch(/date de fin/);
    await c.schedule({ kind: 'permanent', start });
    expect(await refusalOf(c.schedule({ kind: 'temporary', start, end: addDays(start, 5) }))).toMatch(
      /^Un retrait du droit d'auto-prescription est déjà prévu à partir du/,
    );
    expect(c.changes().map(([, action]) => action)).toEqual(['schedule']);
    await c.stop();
  });
});
