// The platform as production runs it, in separate processes this script can break one by one:
// an embedded PostgreSQL server (durable, its own folder), a Temporal dev server on a SQLite
// file (so a restart keeps its data), the worker and the web server as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { freePort } from '../../server/free-port.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { startTemporalDevServer } from '../../server/temporal/dev-server.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { seedDemoData } from '../seed/demo-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FAULTS_ADMIN = { email: 'admin@faults.inclusion.localhost', password: 'Mot-de-passe-pannes-2026' };

export interface Child {
  process: ChildProcess;
  output: string[];
}

export interface FaultStack {
  baseUrl: string;
  db: Db;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  startWorker(): Promise<Child>;
  killWorkers(signal?: NodeJS.Signals): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  stopTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a node child on a TypeScript entry and resolves once a log line says it is up. */
function startNode(entry: string, env: NodeJS.ProcessEnv, readyWhen: (line: string) => boolean): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} : pas prêt après 180 s\n${output.join('\n')}`)), 180_000);
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 200) output.shift();
      if (readyWhen(line)) {
        clearTimeout(timer);
        resolve({ process: child, output });
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} s'est arrêté (${code ?? signal})\n${output.join('\n')}`));
    });
  });
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export async function startFaultStack(): Promise<FaultStack> {
  const folder = mkdtempSync(path.join(tmpdir(), 'inclusion-faults-'));
  chmodSync(folder, 0o755); // the PostgreSQL server runs as the `postgres` user under root
  const pgPort = await freePort();
  const temporalPort = await freePort();
  const webPort = await freePort();
  const pgDir = path.join(folder, 'postgres');
  let postgres: EmbeddedPostgres | undefined = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  const databaseUrl = postgres.url;
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl, 4);
  await ensureAdministrator(db, FAULTS_ADMIN.email, FAULTS_ADMIN.password);
  await seedDemoData(db);

  const cli = temporalBinaries().cli;
  if (!cli) throw new Error('CLI Temporal introuvable : lancez « npm run setup ».');
  let temporal: ChildProcess | undefined;
  const startTemporal = async () => {
    const server = await startTemporalDevServer({
      cli,
      dataDir: path.join(folder, 'temporal'),
      port: temporalPort,
      uiPort: await freePort(),
      namespace: 'default',
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
    });
    temporal = server.process;
  };
  await startTemporal();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const taskQueue = 'faults';
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ADMIN_EMAIL: FAULTS_ADMIN.email,
    ADMIN_PASSWORD: FAULTS_ADMIN.password,
    PORT: String(webPort),
    LOG_LEVEL: 'warn',
  };
  const workers: ChildProcess[] = [];
  const startWorker = async () => {
    const worker = await startNode('worker/main.ts', { ...env, LOG_LEVEL: 'info' }, (line) =>
      line.includes('"worker started"'),
    );
    workers.push(worker.process);
    return worker;
  };
  await startWorker();
  const web = await startNode('api/main.ts', { ...env, LOG_LEVEL: 'info' }, (line) =>
    line.includes('"web server listening"'),
  );

  return {
    baseUrl: `http://127.0.0.1:${webPort}`,
    db,
    databaseUrl,
    temporalAddress,
    taskQueue,
    startWorker,
    async killWorkers(signal = 'SIGKILL') {
      await Promise.all(workers.splice(0).map((worker) => stopChild(worker, signal)));
    },
    async stopPostgres() {
      await postgres?.stop();
      postgres = undefined;
    },
    async startPostgres() {
      postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
    },
    async stopTemporal() {
      await stopChild(temporal, 'SIGTERM');
    },
    startTemporal,
    async stop() {
      await stopChild(web.process);
      await Promise.all(workers.splice(0).map((worker) => stopChild(worker)));
      await stopChild(temporal);
      await db.$disconnect();
      await postgres?.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
