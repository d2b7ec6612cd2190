// Builds the worker: every workflow type and every activity, on one task queue.
import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { Db } from '../server/db/client.ts';

const DEVELOPMENT_PUBLIC_URL = 'http://localhost:3000';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** Links in notification e-mails (PUBLIC_URL); tests may leave the development default. */
  publicUrl?: string;
  /** The sticky cache's size (WORKER_MAX_CACHED_WORKFLOWS); the SDK's default when absent. */
  maxCachedWorkflows?: number;
  /** Tests pass a prebuilt bundle to skip the webpack step. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createWorker({
  connection,
  namespace,
  taskQueue,
  db,
  publicUrl = DEVELOPMENT_PUBLIC_URL,
  maxCachedWorkflows,
  workflowBundle,
}: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows }),
    // Every new case's first workflow task comes from the shared (non-sticky) queue; the SDK's
    // default gives it 2 of 10 pollers. All 10 may poll it: the take-over import ran 87.5 instead
    // of 69.2 new parcours/s, its queue drained twice as fast (docs/decisions/025-take-over-import.md).
    nonStickyToStickyPollRatio: 1,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities({ db, mail: { publicUrl } }),
  });
}
