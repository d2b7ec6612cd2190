// One harness for the workflow tests (tests/workflows/*.test.ts): the workflow code bundled
// once, a throw-away Temporal server (the time-skipping one unless told), and for each case a
// worker with the test's in-memory activities on its own task queue; teardown included, even
// when a case fails half-way. Recorded histories are written here too (RECORD_HISTORIES=1).
//
//   const cases = useWorkflowCases();                       // in the test file, once
//   const c = await cases.startCase('parcours', activities);  // in a test
//   const handle = await c.start('parcours', { workflowId, args: [input] });
//   ...; await c.stop();
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId, WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { parisDateOf, startOfParisDay, type IsoDate } from '../../domain/dates.ts';
import { WORKFLOWS_PATH } from '../../worker/create.ts';
import { startTimeSkippingEnv } from './temporal-env.ts';

/** Where tests/workflows/replay.test.ts finds the recorded histories. */
export const HISTORIES_DIR = new URL('../workflows/histories/', import.meta.url);

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

/** The workflow code bundled by webpack (~5 s), once per test file and path. */
export function workflowBundle(workflowsPath = WORKFLOWS_PATH): Promise<WorkflowBundleWithSourceMap> {
  let bundle = bundles.get(workflowsPath);
  if (!bundle) {
    bundle = bundleWorkflowCode({
      workflowsPath,
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
    });
    bundles.set(workflowsPath, bundle);
  }
  return bundle;
}

export interface WorkflowCasesOptions {
  /**
   * `file` (default): one server for every case of the file. `case`: a server per case, so a
   * case left sleeping cannot hold back the clock of the next one (time skips for all at once).
   */
  server?: 'file' | 'case';
  /** Starts the server: the time-skipping test server unless told (e.g. startDevServerEnv). */
  startServer?: () => Promise<TestWorkflowEnvironment>;
  /** The workflows the worker runs: workflows/index.ts unless told (test fixtures). */
  workflowsPath?: string;
}

export interface WorkflowCase {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  worker: Worker;
  /** The Paris day of the server's clock. */
  today(): Promise<IsoDate>;
  /** Skips time to the start of the Paris day `day`, plus `offsetMs` (negative: before it). */
  sleepUntilDay(day: IsoDate, offsetMs?: number): Promise<void>;
  /** Starts a workflow on this case's task queue; stop() terminates it if it still runs. */
  start<T extends Workflow>(
    workflowType: string | T,
    options: Omit<WorkflowStartOptions<T>, 'taskQueue'>,
  ): Promise<WorkflowHandleWithFirstExecutionRunId<T>>;
  /** A workflow started another way (signal-with-start): stop() terminates it too. */
  track(handle: WorkflowHandle): void;
  /** Terminates what still runs (on a shared server), stops the worker, and a per-case server. */
  stop(): Promise<void>;
}

export function useWorkflowCases(options: WorkflowCasesOptions = {}) {
  const startServer = options.startServer ?? startTimeSkippingEnv;
  const perCase = options.server === 'case';
  let bundle: WorkflowBundleWithSourceMap;
  let shared: TestWorkflowEnvironment | undefined;
  const open = new Set<WorkflowCase>();

  beforeAll(async () => {
    [bundle, shared] = await Promise.all([
      workflowBundle(options.workflowsPath),
      perCase ? Promise.resolve(undefined) : startServer(),
    ]);
  });
  // A case whose test failed before its stop() must not keep its worker polling.
  afterEach(async () => {
    for (const c of [...open]) await c.stop();
  });
  afterAll(async () => {
    await shared?.teardown();
  });

  /** A worker with `activities` on a fresh task queue named after `name`. */
  async function startCase(name: string, activities: object): Promise<WorkflowCase> {
    const env = shared ?? (await startServer());
    const taskQueue = `${name}-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    const running = worker.run();
    const started: WorkflowHandle[] = [];
    let stopped: Promise<void> | undefined;
    const c: WorkflowCase = {
      env,
      taskQueue,
      worker,
      today: async () => parisDateOf(await env.currentTimeMs()),
      sleepUntilDay: async (day, offsetMs = 0) =>
        env.sleep(startOfParisDay(day) + offsetMs - (await env.currentTimeMs())),
      async start(workflowType, startOptions) {
        const handle = await env.client.workflow.start(workflowType, {
          ...startOptions,
          taskQueue,
        } as WorkflowStartOptions<never>);
        started.push(handle);
        return handle;
      },
      track: (handle) => void started.push(handle),
      stop: () => (stopped ??= stop()),
    };
    async function stop() {
      open.delete(c);
      // On a shared server, a workflow left waiting without a worker would stop it from skipping time.
      if (!perCase) {
        for (const handle of started) {
          const { status } = await handle.describe();
          if (status.name === 'RUNNING') await handle.terminate('fin du test');
        }
      }
      worker.shutdown();
      await running;
      if (perCase) await env.teardown();
    }
    open.add(c);
    return c;
  }

  /**
   * Replays a workflow's fresh history against the code; with RECORD_HISTORIES=1, keeps it as
   * tests/workflows/histories/<name>.json, which replay.test.ts replays against future code.
   */
  async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, name)).resolves.toBeUndefined();
    if (process.env.RECORD_HISTORIES) writeFileSync(new URL(`${name}.json`, HISTORIES_DIR), historyToJSON(history));
  }

  return { startCase, recordHistory };
}
