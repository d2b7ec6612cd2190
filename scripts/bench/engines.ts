// The Temporal engines and worker processes the benchmarks start (docs/decisions/026-production-topology.md):
// the dev server on a fresh SQLite file, or Temporal's production server over the benchmark's
// PostgreSQL (fresh databases, the shards asked for); worker processes are the real worker/main.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { startTemporalDevServer } from '../../server/temporal/dev-server.ts';
import { freeLowPort } from '../../server/free-port.ts';
import {
  productionServerBinaries,
  startProductionTemporal,
  TEMPORAL_SERVER_VERSION,
} from '../../server/temporal/production-server.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { WORKER_NODE_FLAGS } from '../../worker/node-options.ts';
import { freePort, withPg } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The dev server's SQLite file: in memory-backed /dev/shm when present (a disk's fsync made starts 15/s here). */
export const TEMPORAL_PARENT = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

export type Engine = 'dev' | 'production';
type OnCleanup = (name: string, run: () => Promise<unknown>) => void;

export interface BenchTemporal {
  address: string;
  process: ChildProcess;
  label: string;
  /** Bytes Temporal holds on disk: the SQLite folder, or its two PostgreSQL databases. */
  dataBytes(): Promise<number>;
}

export function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(full) : statSync(full).size;
  }
  return total;
}

/** Stops a child with SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A fresh Temporal server of the given engine; `prefix` names its databases on the production engine. */
export async function startBenchTemporal(options: {
  engine: Engine;
  adminUrl: string;
  prefix: string;
  shards: number;
  onCleanup: OnCleanup;
}): Promise<BenchTemporal> {
  const searchAttributes = Object.values(SEARCH_ATTRIBUTES);
  if (options.engine === 'dev') {
    const cli = temporalBinaries().cli;
    if (!cli) throw new Error('CLI Temporal introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');
    const dataDir = mkdtempSync(path.join(TEMPORAL_PARENT, 'bench-temporal-'));
    options.onCleanup('dossier Temporal', async () => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startTemporalDevServer({
      cli,
      dataDir,
      port: await freePort(),
      uiPort: await freePort(),
      namespace: 'default',
      searchAttributes,
    });
    options.onCleanup('serveur Temporal', () => stopChild(server.process));
    return {
      ...server,
      label: `serveur de développement, SQLite fichier dans ${TEMPORAL_PARENT}`,
      dataBytes: async () => dirSize(dataDir),
    };
  }
  const binaries = productionServerBinaries(ROOT);
  if (!binaries) throw new Error('Serveur de production absent : lancez « npm run setup:production ».');
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bench-temporal-prod-'));
  options.onCleanup('dossier Temporal', async () => rmSync(runDir, { recursive: true, force: true }));
  const admin = new URL(options.adminUrl);
  const databases = { main: `${options.prefix}_temporal`, visibility: `${options.prefix}_visibility` };
  options.onCleanup('bases Temporal', () =>
    withPg(options.adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${databases.main} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${databases.visibility} WITH (FORCE)`);
    }),
  );
  const ports: number[] = [];
  while (ports.length < 9) ports.push(await freeLowPort());
  const server = await startProductionTemporal({
    binaries,
    runDir,
    postgres: {
      host: admin.hostname,
      port: Number(admin.port || 5432),
      user: decodeURIComponent(admin.username),
      password: decodeURIComponent(admin.password),
    },
    databases,
    shards: options.shards,
    ports,
    namespace: 'default',
    searchAttributes,
    logFile: path.join(runDir, 'temporal.log'),
  });
  options.onCleanup('serveur Temporal', () => stopChild(server.process));
  return {
    ...server,
    label: `serveur de production ${TEMPORAL_SERVER_VERSION} sur PostgreSQL, ${options.shards} shards`,
    dataBytes: () =>
      withPg(options.adminUrl, async (client) => {
        const { rows } = await client.query<{ size: string }>(
          'SELECT sum(pg_database_size(datname))::text AS size FROM pg_database WHERE datname = ANY($1)',
          [[databases.main, databases.visibility]],
        );
        return Number(rows[0]?.size ?? Number.NaN);
      }),
  };
}

/** A worker process (worker/main.ts), ready once it logs "worker started". */
export async function startBenchWorker(options: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, '--import', 'tsx', path.join(ROOT, 'worker/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, process.env.BENCH_WORKER_NODE_OPTIONS].filter(Boolean).join(' '),
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      TEMPORAL_NAMESPACE: 'default',
      LOG_LEVEL: 'info',
      SMTP_HOST: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker : pas démarré en 180 s')), 180_000);
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('"worker started"')) {
        clearTimeout(timer);
        resolve();
      }
      if (buffer.length > 100_000) buffer = buffer.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`worker arrêté au démarrage (code ${code})`)));
  });
  child.stdout!.resume();
  return child;
}
