// /healthz: is the database reachable, is Temporal reachable.
import type { Health } from '../contracts/health.ts';
import type { Deps } from './route.ts';

const TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('délai dépassé')), TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(deps: Pick<Deps, 'db' | 'temporal'>): Promise<Health> {
  const [database, temporal] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`),
    probe(() => deps.temporal.workflowService.getSystemInfo({})),
  ]);
  return { status: database.ok && temporal.ok ? 'ok' : 'degraded', database, temporal };
}
