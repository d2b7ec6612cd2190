// Proves the locally installed Temporal binaries run real workflows (no internet download):
// time skipping on the test server, activities + custom search attributes on the dev server.
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import * as activities from './fixtures/activities.ts';
import { greeting, sleepTwoYears } from './fixtures/workflows.ts';
import { startDevServerEnv, startTimeSkippingEnv } from '../support/temporal-env.ts';

// Server start (~1-10 s on 2 cores) + webpack bundling of the workflows (~5 s).
const SETUP_TIMEOUT = 120_000;
const TEST_TIMEOUT = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url)),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
}, SETUP_TIMEOUT);

async function newWorker(env: TestWorkflowEnvironment, taskQueue: string): Promise<Worker> {
  return Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
}

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await env?.teardown();
  }, SETUP_TIMEOUT);

  it(
    'runs a workflow sleeping 730 days in seconds',
    async () => {
      const taskQueue = `tq-${randomUUID()}`;
      const worker = await newWorker(env, taskQueue);
      const before = await env.currentTimeMs();
      const startedAt = Date.now();
      const result = await worker.runUntil(
        env.client.workflow.execute(sleepTwoYears, { taskQueue, workflowId: `sleep-${randomUUID()}` }),
      );
      const after = await env.currentTimeMs();
      expect(result).toBe('réveillé');
      expect(after - before).toBeGreaterThanOrEqual(730 * DAY_MS);
      expect(Date.now() - startedAt).toBeLessThan(30_000);
    },
    TEST_TIMEOUT,
  );
});

describe('dev server (temporal server start-dev)', () => {
  const DossierId = { name: 'DossierId', type: 'KEYWORD' } as const;
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startDevServerEnv({ searchAttributes: [DossierId] });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await env?.teardown();
  }, SETUP_TIMEOUT);

  it(
    'runs a workflow with an activity',
    async () => {
      const taskQueue = `tq-${randomUUID()}`;
      const worker = await newWorker(env, taskQueue);
      const result = await worker.runUntil(
        env.client.workflow.execute(greeting, { taskQueue, workflowId: `greeting-${randomUUID()}`, args: ['Camille'] }),
      );
      expect(result).toBe('Bonjour Camille');
    },
    TEST_TIMEOUT,
  );

  it(
    'registers custom search attributes: set at start, seen by describe() and list()',
    async () => {
      const taskQueue = `tq-${randomUUID()}`;
      const worker = await newWorker(env, taskQueue);
      const dossier = `D-${randomUUID()}`;
      const workflowId = `greeting-${randomUUID()}`;
      await worker.runUntil(async () => {
        const handle = await env.client.workflow.start(greeting, {
          taskQueue,
          workflowId,
          args: ['Sam'],
          typedSearchAttributes: [{ key: DossierId, value: dossier }],
        });
        await handle.result();
        const description = await handle.describe();
        expect(description.typedSearchAttributes.get(DossierId)).toBe(dossier);
      });

      // Visibility is eventually consistent: poll the list query briefly.
      let ids: string[] = [];
      for (let i = 0; i < 50 && ids.length === 0; i++) {
        ids = [];
        for await (const wf of env.client.workflow.list({ query: `DossierId = '${dossier}'` })) ids.push(wf.workflowId);
        if (ids.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ids).toEqual([workflowId]);
    },
    TEST_TIMEOUT,
  );
});
