// Timers pending in Temporal while a fault hits: `count` probe workflows whose timers fall due
// over the 40 s after they start; each firing is recorded in PostgreSQL with its activity
// attempt, so a timer that fired twice (two first attempts) is told apart from a retry.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import type { FaultStack } from '../stack.ts';
import type { ProbeActivities } from './workflow.ts';

const TASK_QUEUE = 'faults-probe';

export async function runProbeTimers(
  stack: FaultStack,
  count: number,
  fault: () => Promise<void>,
): Promise<{ lost: number; doubled: number; fired: number }> {
  const db = stack.db;
  await db.$executeRawUnsafe(
    'CREATE TABLE IF NOT EXISTS fault_probe_firing (workflow_id text NOT NULL, attempt int NOT NULL, fired_at timestamptz NOT NULL DEFAULT now())',
  );
  const activities: ProbeActivities = {
    async recordFiring(workflowId) {
      await db.$executeRaw`INSERT INTO fault_probe_firing (workflow_id, attempt) VALUES (${workflowId}, ${Context.current().info.attempt})`;
    },
  };
  const nativeConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
    activities,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const run = randomBytes(3).toString('hex');
  const ids = Array.from({ length: count }, (_, index) => `fault-probe-${run}-${index}`);
  const started = Date.now();
  await Promise.all(
    ids.map((workflowId, index) =>
      client.workflow.start('faultProbeTimer', {
        taskQueue: TASK_QUEUE,
        workflowId,
        args: [started + 8_000 + Math.floor((index * 32_000) / count)],
      }),
    ),
  );
  await fault();

  // Every timer is due 40 s after the start at the latest; give the restarted server time.
  const deadline = Math.max(Date.now(), started + 40_000) + 90_000;
  let rows: { workflow_id: string; attempt: number }[] = [];
  while (Date.now() < deadline) {
    rows =
      await db.$queryRaw`SELECT workflow_id, attempt FROM fault_probe_firing WHERE workflow_id LIKE ${`fault-probe-${run}-%`}`;
    if (new Set(rows.map((r) => r.workflow_id)).size === count) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
  const fired = new Set(rows.map((r) => r.workflow_id)).size;
  const firstAttempts = rows.filter((r) => r.attempt === 1).length;
  return { fired, lost: count - fired, doubled: Math.max(0, firstAttempts - fired) };
}
