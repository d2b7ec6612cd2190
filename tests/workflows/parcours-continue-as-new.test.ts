// When the server suggests it, a parcours continues as new and keeps its state, its version
// and its pending deadlines (docs/rules.md §5: nothing lost over years of history). A dev server with a
// tiny history threshold makes the server suggest it after a few updates.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { addDays, parisDateOf } from '../../domain/dates.ts';
import type { ProjectParcoursInput } from '../../workflows/parcours/activities.ts';
import {
  hireUpdate,
  parcoursStateQuery,
  parcoursWorkflowId,
  type ParcoursInput,
} from '../../workflows/parcours/contract.ts';
import { startDevServerEnv } from '../support/temporal-env.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases({
  startServer: () => startDevServerEnv({ dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 30 } }),
});

it('continues as new when suggested, keeping hires, version, reminders already sent and the next deadlines', async () => {
  const projections: ProjectParcoursInput[] = [];
  const c = await cases.startCase('parcours-can', {
    projectParcours: async (input: ProjectParcoursInput) => void projections.push(input),
    anonymizePerson: async () => 'kept' as const,
  });
  const env = c.env;
  const today = parisDateOf(Date.now());
  const employerId = randomUUID();
  const input: ParcoursInput = {
    passNumber: '999998888777',
    personId: randomUUID(),
    hire: { employerId, employerKind: 'ACI', start: today },
  };
  const handle = await c.start('parcours', { workflowId: parcoursWorkflowId(input.passNumber), args: [input] });
  const firstRunId = (await handle.describe()).runId;
  for (let i = 0; i < 8; i++) {
    await handle.executeUpdate(hireUpdate, {
      args: [{ userId: null, organizationId: employerId, hire: { employerId, employerKind: 'ACI', start: today } }],
    });
  }
  // The continuation happens once the last update is done: wait for a new run.
  let description = await handle.describe();
  for (let i = 0; i < 50 && description.runId === firstRunId; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    description = await handle.describe();
  }
  expect(description.runId).not.toBe(firstRunId);
  expect(description.status.name).toBe('RUNNING');

  const view = await env.client.workflow.getHandle(handle.workflowId).query(parcoursStateQuery, today);
  expect(view.hires).toHaveLength(9);
  expect(view.version).toBe(projections.at(-1)?.view.version);
  expect(view.end).toBe(addDays(today, 729));
  expect(view.events.filter((e) => e.kind === 'hired')).toHaveLength(8);
  // The new run projects nothing again on start: no duplicated issuance.
  expect(projections.filter((p) => p.action === 'parcours.issue')).toHaveLength(1);

  // And it still takes updates.
  const after = await env.client.workflow.getHandle(handle.workflowId).executeUpdate(hireUpdate, {
    args: [{ userId: null, organizationId: employerId, hire: { employerId, employerKind: 'ACI', start: today } }],
  });
  expect(after.hires).toHaveLength(10);
  expect(after.version).toBe(view.version + 1);
  await c.stop();
});
