// Proves the locally installed Temporal binaries run real workflows (no internet download):
// time skipping on the test server, activities + custom search attributes on the dev server.
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as activities from './fixtures/activities.ts';
import { greeting, sleepTwoYears } from './fixtures/workflows.ts';
import { startDevServerEnv } from '../support/temporal-env.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;

describe('time-skipping test server', () => {
  const cases = useWorkflowCases({ workflowsPath: FIXTURES });

  it('runs a workflow sleeping 730 days in seconds', async () => {
    const c = await cases.startCase('tq', activities);
    const before = await c.env.currentTimeMs();
    const startedAt = Date.now();
    const result = await (await c.start(sleepTwoYears, { workflowId: `sleep-${randomUUID()}` })).result();
    const after = await c.env.currentTimeMs();
    expect(result).toBe('réveillé');
    expect(after - before).toBeGreaterThanOrEqual(730 * DAY_MS);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    await c.stop();
  });
});

describe('dev server (temporal server start-dev)', () => {
  const DossierId = { name: 'DossierId', type: 'KEYWORD' } as const;
  const cases = useWorkflowCases({
    workflowsPath: FIXTURES,
    startServer: () => startDevServerEnv({ searchAttributes: [DossierId] }),
  });

  it('runs a workflow with an activity', async () => {
    const c = await cases.startCase('tq', activities);
    const handle = await c.start(greeting, { workflowId: `greeting-${randomUUID()}`, args: ['Camille'] });
    expect(await handle.result()).toBe('Bonjour Camille');
    await c.stop();
  });

  it('registers custom search attributes: set at start, seen by describe() and list()', async () => {
    const c = await cases.startCase('tq', activities);
    const dossier = `D-${randomUUID()}`;
    const workflowId = `greeting-${randomUUID()}`;
    const handle = await c.start(greeting, {
      workflowId,
      args: ['Sam'],
      typedSearchAttributes: [{ key: DossierId, value: dossier }],
    });
    await handle.result();
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(DossierId)).toBe(dossier);

    // Visibility is eventually consistent: poll the list query briefly.
    let ids: string[] = [];
    for (let i = 0; i < 50 && ids.length === 0; i++) {
      ids = [];
      for await (const wf of c.env.client.workflow.list({ query: `DossierId = '${dossier}'` })) ids.push(wf.workflowId);
      if (ids.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ids).toEqual([workflowId]);
    await c.stop();
  });
});
