// Small helpers for the benchmarks in scripts/bench/: a bounded worker pool, latency
// percentiles, free ports, CPU time of a child process, a plain-text table.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { startThrowawayPostgres } from '../../server/db/embedded-postgres.ts';

export interface PoolResult {
  ok: number;
  failed: number;
  /** Wall-clock time of the whole run, ms. */
  elapsedMs: number;
  /** Per-call latencies of the successful calls, ms, sorted. */
  latencies: number[];
  firstError?: string;
}

/** Runs `task(0..count-1)` with at most `concurrency` in flight. Never more than `count` calls. */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<PoolResult> {
  let next = 0;
  let done = 0;
  let failed = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const t0 = performance.now();
      try {
        await task(index);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  latencies.sort((a, b) => a - b);
  return { ok: count - failed, failed, elapsedMs: performance.now() - started, latencies, firstError };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export { freePort } from '../../server/free-port.ts';

/** User + system CPU seconds of a process (Linux /proc; NaN elsewhere). CLK_TCK is 100 on Linux. */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * User + system CPU seconds of a process and of its live descendants (Linux /proc), e.g. a
 * PostgreSQL postmaster and its backends. A descendant that exited in between is not counted.
 */
export function processTreeCpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const inTree = (candidate: number): boolean => {
    for (let current: number | undefined = candidate; current && current > 1; current = parentOf.get(current))
      if (current === pid) return true;
    return false;
  };
  // The root's cutime/cstime: descendants it has waited for (PostgreSQL's exited backends).
  let total = childrenCpuSeconds(pid);
  for (const candidate of parentOf.keys()) if (inTree(candidate)) total += processCpuSeconds(candidate) || 0;
  return total;
}

/** CPU seconds of the children a process has waited for (cutime + cstime; Linux /proc). */
function childrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

export function rssOf(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** A plain-text table: first row is the header, columns padded, numbers right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        /^[-+]?[\d.,]+( ?[a-zA-Z/%]+)?$/.test(cell) && column > 0
          ? cell.padStart(widths[column]!)
          : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const separator = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(rows[0]!), separator, ...rows.slice(1).map(line)].join('\n');
}

/** Machine-wide CPU counters (Linux /proc/stat, first line): busy and total ticks. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/** Share of the machine's CPU that was busy between two readings, in %. */
export function busyPercent(from: { busy: number; total: number }, to: { busy: number; total: number }): number {
  return ((to.busy - from.busy) / (to.total - from.total)) * 100;
}

/**
 * The PostgreSQL server a benchmark creates its database on: BENCH_DATABASE_ADMIN_URL or
 * TEST_DATABASE_ADMIN_URL when set, otherwise an embedded server of its own (stopped after).
 */
export async function benchPostgresServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.BENCH_DATABASE_ADMIN_URL ?? process.env.TEST_DATABASE_ADMIN_URL;
  return given ? { url: given, stop: async () => {} } : startThrowawayPostgres();
}

/** Runs `run` with one `pg` client on `url`, closed after. */
export async function withPg<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
