// Back-pressure for bulk starts (docs/decisions/025-take-over-import.md): every workflow started
// leaves a first workflow task on the task queue it shares with every running case. Starting
// faster than the workers run those tasks piles them up (the national run left 78,000 waiting,
// 22 minutes old), and every other task that is not served from a worker's cache — a user's hire
// on a sleeping parcours, the import's own next step after a worker restart — waits behind them.
// So a bulk start waits while the queue's backlog is at or above a bound.
import { isGrpcServiceError, type Client } from '@temporalio/client';

/** Workflow tasks that may wait on the shared queue before a bulk start pauses: ≈ 20 s of work for one worker. */
export const MAX_WORKFLOW_BACKLOG = 1000;

const GRPC_UNIMPLEMENTED = 12;

/**
 * Workflow tasks waiting on `taskQueue`, as the server estimates them (it may lag by a few
 * seconds); 0 where the server does not report it (the time-skipping test server of the sandbox).
 */
export async function workflowTaskBacklog(client: Client, taskQueue: string): Promise<number> {
  try {
    const response = await client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    return Number(response.stats?.approximateBacklogCount ?? 0);
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === GRPC_UNIMPLEMENTED) return 0;
    throw error;
  }
}

/** Resolves once `backlog()` is under `limit`; calls `onWait` (a heartbeat) before each pause. */
export async function waitForQueueRoom(options: {
  backlog: () => Promise<number>;
  limit: number;
  pause: () => Promise<void>;
  onWait: (backlog: number) => void;
}): Promise<void> {
  for (;;) {
    const backlog = await options.backlog();
    if (backlog < options.limit) return;
    options.onWait(backlog);
    await options.pause();
  }
}
