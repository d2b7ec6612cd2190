// Benchmark of the parcours workflow (one per PASS IAE) on real parts, all started here:
//   npx tsx scripts/bench/parcours.ts --count N [--concurrency C] [--engine dev|production]
//     [--workers W] [--address HOST:PORT]
//
// --engine production: Temporal's production server (built by scripts/setup/temporal-server.sh)
// over the benchmark's PostgreSQL server instead of the dev server (decision 026). --workers W
// (W ≥ 1): W worker processes (worker/main.ts) instead of the worker in this process.
// --address (or TEMPORAL_ADDRESS): a Temporal server already running (its CPU is not measured;
// the namespace `default` and the search attributes must exist).
//
// Starts its own Temporal dev server (fresh SQLite file in a temp folder, the project's search
// attributes), a fresh PostgreSQL database (migrated), the real worker (createWorker) and the
// Express API (createApp) in this process. Then, in one run:
//   (a) parcours opened per second through the platform's issuance path: POST /passes as the
//       administrator, C in flight (number allocation in PostgreSQL, update-with-start, wait
//       for the first projection);
//   (b) workflows per second the same Temporal server accepts from a bare client loop:
//       client.workflow.start of the parcours workflow (same input shape) on a task queue no
//       worker polls, C in flight: the server's own acceptance rate, nothing executed;
//   (c) the process's memory with the N parcours open (each sleeping on its timers): RSS and
//       V8 heap after a GC, against a baseline taken before (a), and the worker's sticky cache.
// Everything is dropped at the end (database, server, temp folder). Stops by itself.
//
// PostgreSQL: BENCH_DATABASE_ADMIN_URL, else TEST_DATABASE_ADMIN_URL, else an embedded server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../../api/app.ts';
import { today } from '../../domain/clock.ts';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { createLogger } from '../../server/logger.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { waitForTemporal } from '../../server/temporal/dev-server.ts';
import { createWorker } from '../../worker/create.ts';
import { PARCOURS_WORKFLOW_TYPE, type ParcoursInput } from '../../workflows/parcours/contract.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import {
  busyPercent,
  benchPostgresServer,
  fixed,
  freePort,
  machineCpu,
  mib,
  percentile,
  processCpuSeconds,
  processTreeCpuSeconds,
  rssOf,
  runPool,
  table,
  type PoolResult,
  withPg,
} from './support.ts';
import { startBenchTemporal, startBenchWorker, stopChild, type Engine } from './engines.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = { email: 'admin@bench.inclusion.localhost', password: 'Mot-de-passe-bench-2026' };
const WAIT_LIMIT_MS = 10 * 60_000;

// ── arguments ────────────────────────────────────────────────────────────────────────────────
function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'usage: npx tsx scripts/bench/parcours.ts --count N [--concurrency C] [--temporal-store memory|file] [--engine dev|production] [--workers W] [--address HOST:PORT]',
  );
  process.exit(2);
}
function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
if (process.argv.includes('--help')) usage();
const count = Number(argument('count'));
const concurrency = Number(argument('concurrency') ?? 16);
/**
 * The dev server's store: `memory` (default: in-memory SQLite, one connection) or `file` (a fresh
 * SQLite file in a temp folder, under /dev/shm when present: several connections, which wait on
 * SQLite's single-writer lock).
 */
const temporalStore = argument('temporal-store') ?? 'memory';
if (temporalStore !== 'memory' && temporalStore !== 'file') usage('--temporal-store: memory or file');
const engineArgument = argument('engine') ?? 'dev';
if (engineArgument !== 'dev' && engineArgument !== 'production') usage('--engine: dev or production');
const engine: Engine = engineArgument;
const workerProcesses = Number(argument('workers') ?? 0);
if (!Number.isInteger(workerProcesses) || workerProcesses < 0 || workerProcesses > 8) usage('--workers: 0 to 8');
const externalAddress = argument('address') ?? process.env.TEMPORAL_ADDRESS;
/** History shards of the production server's fresh cluster. */
const shards = Number(argument('shards') ?? 4);
if (!Number.isInteger(shards) || shards < 1 || shards > 16384) usage('--shards: 1 to 16384');
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) usage('--count: an integer from 1 to 1000000');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000)
  usage('--concurrency: an integer from 1 to 1000');

// ── a real GC for the memory figures: re-run this script under --expose-gc ───────────────────
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc && !process.env.BENCH_NO_REEXEC) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_NO_REEXEC: '1' } },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────
function say(message: string) {
  console.log(`▸ [${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, limitMs = WAIT_LIMIT_MS) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await sleep(200);
  }
}

interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  cachedWorkflows: number;
}

async function sampleMemory(worker: Worker | undefined): Promise<MemorySample> {
  // Several passes: weak references and finalizers of evicted workflows need more than one.
  for (let pass = 0; pass < 3; pass++) {
    gc?.();
    await sleep(200);
  }
  const usage = process.memoryUsage();
  const heap = v8.getHeapStatistics();
  return {
    rss: usage.rss,
    heapUsed: heap.used_heap_size,
    heapTotal: heap.total_heap_size,
    external: usage.external,
    cachedWorkflows: worker?.getStatus().numCachedWorkflows ?? Number.NaN,
  };
}

function progress(label: string, total: number) {
  let last = 0;
  const step = Math.max(1, Math.floor(total / 10));
  return (done: number) => {
    if (done - last >= step || done === total) {
      last = done;
      say(`${label} : ${done}/${total}`);
    }
  };
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const loadStart = os.loadavg()[0]!;
  const cleanups: { name: string; run: () => Promise<unknown> | unknown }[] = [];
  let interrupted = false;
  const cleanUp = async () => {
    for (const { name, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`nettoyage « ${name} » : ${(error as Error).message}`);
      }
    }
    cleanups.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (interrupted) return;
      interrupted = true;
      say('Interrompu : nettoyage…');
      void cleanUp().then(() => process.exit(130));
    });
  }

  // The SDK logs every worker state change at INFO: warnings only.
  Runtime.install({ logger: new DefaultLogger('WARN') });

  try {
    say(
      `Benchmark parcours : N = ${count}, concurrence = ${concurrency}, ${os.cpus().length} cœurs, Node ${process.version}`,
    );

    // PostgreSQL, fresh database (and Temporal's, with --engine production).
    const postgres = await benchPostgresServer();
    cleanups.push({ name: 'serveur PostgreSQL', run: () => postgres.stop() });
    const adminUrl = postgres.url;
    const dbName = `bench_${randomBytes(6).toString('hex')}`;
    await withPg(adminUrl, (client) => client.query(`CREATE DATABASE ${dbName}`));
    cleanups.push({
      name: 'base PostgreSQL',
      run: () => withPg(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)),
    });
    const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
    await applyMigrations(dbUrl);
    say(`Base PostgreSQL : ${dbName} (migrée)`);
    const postgresPid = await postmasterPid(adminUrl);

    // Temporal: dev server (fresh), production server (fresh databases), or one given.
    const searchAttributes = Object.values(SEARCH_ATTRIBUTES);
    let devServer: { address: string; process?: ChildProcess };
    let engineLabel: string;
    if (externalAddress) {
      devServer = { address: externalAddress };
      engineLabel = `serveur donné (${externalAddress}), CPU non mesuré`;
    } else if (engine === 'production' || temporalStore === 'file') {
      const started = await startBenchTemporal({
        engine,
        adminUrl,
        prefix: dbName,
        shards,
        onCleanup: (name, run) => cleanups.push({ name, run }),
      });
      devServer = started;
      engineLabel = started.label;
      say(`Temporal : ${started.label}, ${started.address}`);
    } else {
      const cli = temporalBinaries().cli;
      if (!cli) throw new Error('CLI Temporal introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');
      devServer = await startInMemoryDevServer(cli, await freePort(), searchAttributes);
      say(`Serveur Temporal de développement : ${devServer.address} (SQLite en mémoire)`);
      engineLabel = 'serveur de développement, SQLite en mémoire';
      const inMemory = devServer.process!;
      cleanups.push({ name: 'serveur Temporal', run: () => stopChild(inMemory) });
    }

    // One Prisma client for the API, one for the worker, as in two processes.
    const taskQueue = `bench-${randomBytes(4).toString('hex')}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    });
    const apiDb = createDb(dbUrl);
    const workerDb = createDb(dbUrl);
    cleanups.push({ name: 'Prisma', run: () => Promise.all([apiDb.$disconnect(), workerDb.$disconnect()]) });

    // The worker: in this process (default), or W worker processes (--workers W).
    let worker: Worker | undefined;
    const workerChildren: ChildProcess[] = [];
    const workerCreated = performance.now();
    if (workerProcesses === 0) {
      const nativeConnection = await NativeConnection.connect({ address: devServer.address });
      cleanups.push({ name: 'connexion du worker', run: () => nativeConnection.close() });
      const inProcess = await createWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        db: workerDb,
      });
      worker = inProcess;
      const running = inProcess.run();
      cleanups.push({
        name: 'worker',
        run: async () => {
          if (inProcess.getState() === 'RUNNING') inProcess.shutdown();
          await running;
        },
      });
    } else {
      for (let i = 0; i < workerProcesses; i++) {
        const child = await startBenchWorker({ databaseUrl: dbUrl, temporalAddress: devServer.address, taskQueue });
        workerChildren.push(child);
        cleanups.push({ name: `worker ${i + 1}`, run: () => stopChild(child) });
      }
    }
    say(
      `${workerProcesses === 0 ? 'Worker (dans ce processus)' : `${workerProcesses} processus worker`} prêt(s) en ${fixed((performance.now() - workerCreated) / 1000)} s (bundle des workflows)`,
    );
    const workersCpu = () => workerChildren.reduce((sum, child) => sum + processCpuSeconds(child.pid), 0);

    const connection = await Connection.connect({ address: devServer.address });
    cleanups.push({ name: 'client Temporal', run: () => connection.close() });
    const temporal = new Client({ connection, namespace: 'default' });
    const app = createApp({
      db: apiDb,
      temporal,
      clock: systemClock,
      config,
      logger: createLogger(config.LOG_LEVEL, 'bench-api'),
    });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    cleanups.push({
      name: 'API',
      run: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;

    // Administrator, one ACI, N persons (straight into the database: setup is not measured).
    await ensureAdministrator(apiDb, ADMIN.email, ADMIN.password);
    const tokenResponse = await fetch(`${baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (tokenResponse.status !== 200) throw new Error(`connexion administrateur : ${tokenResponse.status}`);
    const adminToken = ((await tokenResponse.json()) as { token: string }).token;
    const employer = await apiDb.organization.create({
      data: {
        type: 'EMPLOYER',
        name: 'ACI du benchmark',
        departement: '93',
        employerKind: 'ACI',
        createdAt: new Date(),
      },
    });
    const warmUp = Math.min(2 * concurrency, 50, count);
    const personIds = Array.from({ length: count + warmUp }, () => randomUUID());
    for (let from = 0; from < personIds.length; from += 1000) {
      await apiDb.person.createMany({
        data: personIds.slice(from, from + 1000).map((id, offset) => ({
          id,
          createdAt: new Date(),
          firstName: 'Bench',
          lastName: `Personne${from + offset}`,
          birthDate: '1980-01-01',
          identityKey: `bench|personne${from + offset}|1980-01-01`,
          createdByOrganizationId: employer.id,
        })),
      });
    }
    say(`${personIds.length} personnes créées, 1 ACI, 1 administrateur`);

    const on = today(systemClock);
    const issue = async (personId: string) => {
      const response = await fetch(`${baseUrl}/passes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ personId, employerId: employer.id, hiringStartDate: on }),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST /passes → ${response.status} ${text.slice(0, 300)}`);
    };

    // Baseline memory: everything started, nothing open.
    await sleep(1000);
    const baseline = await sampleMemory(worker);
    const serverRssBefore = rssOf(devServer.process?.pid);
    const workersRssBefore = workerChildren.reduce((sum, child) => sum + rssOf(child.pid), 0);
    // CPU seconds so far: Node (this process: API, clients, in-process worker; plus the worker
    // processes), the Temporal server, PostgreSQL (postmaster and its backends, when local).
    const cpuNow = () => ({
      node: cpuSeconds(process.cpuUsage()) + workersCpu(),
      server: processCpuSeconds(devServer.process?.pid),
      postgres: processTreeCpuSeconds(postgresPid),
      machine: machineCpu(),
    });
    const cpuSince = (from: ReturnType<typeof cpuNow>): PhaseCpu => {
      const to = cpuNow();
      return {
        node: to.node - from.node,
        server: to.server - from.server,
        postgres: to.postgres - from.postgres,
        machine: busyPercent(from.machine, to.machine),
      };
    };

    // Warm-up (JIT, connection pools), not measured; these parcours stay open too.
    const warm = await runPool(warmUp, concurrency, (index) => issue(personIds[count + index]!));
    if (warm.failed) throw new Error(`échauffement : ${warm.failed} échecs, ex. ${warm.firstError}`);
    say(`Échauffement : ${warmUp} PASS délivrés`);

    // (a) the platform's issuance path.
    const cpu0 = cpuNow();
    say(`(a) ${count} × POST /passes, ${concurrency} en parallèle…`);
    const issuance = await runPool(
      count,
      concurrency,
      (index) => issue(personIds[index]!),
      progress('(a) PASS délivrés', count),
    );
    const issuanceCpu = cpuSince(cpu0);
    if (issuance.failed) say(`(a) ${issuance.failed} échecs, premier : ${issuance.firstError}`);

    // (c) memory with N parcours open, once the worker is idle.
    await waitUntil('worker au repos', () => {
      if (!worker) return true; // worker processes: every issuance waited for its projection
      const status = worker.getStatus();
      return status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0;
    });
    const openParcours = await temporal.workflow.count(
      `WorkflowType = '${PARCOURS_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}'`,
    );
    const projected = await apiDb.pass.count();
    // Disk: the platform's database and, on the production engine, Temporal's two.
    const databaseSizes = await withPg(adminUrl, async (client) => {
      const names = [dbName, `${dbName}_temporal`, `${dbName}_visibility`];
      const { rows } = await client.query<{ datname: string; size: string }>(
        'SELECT datname, pg_database_size(datname)::text AS size FROM pg_database WHERE datname = ANY($1)',
        [names],
      );
      return names.map((name) => Number(rows.find((row) => row.datname === name)?.size ?? Number.NaN));
    });
    await sleep(2000);
    const loaded = await sampleMemory(worker);
    const serverRssLoaded = rssOf(devServer.process?.pid);
    const workersRssLoaded = workerChildren.reduce((sum, child) => sum + rssOf(child.pid), 0);

    // (b) the same server, bare client starts, nothing polls the queue.
    const idleQueue = `bench-unpolled-${randomBytes(4).toString('hex')}`;
    const bareConnection = await Connection.connect({ address: devServer.address });
    cleanups.push({ name: 'client Temporal nu', run: () => bareConnection.close() });
    const bare = new Client({ connection: bareConnection, namespace: 'default' });
    const prefix = `bench-start-${randomBytes(3).toString('hex')}`;
    const input = (index: number): ParcoursInput => ({
      passNumber: `88888${String(index).padStart(7, '0')}`,
      personId: randomUUID(),
      hire: { employerId: employer.id, employerKind: 'ACI', start: on },
    });
    const cpu1 = cpuNow();
    say(`(b) ${count} × client.workflow.start (file sans worker), ${concurrency} en parallèle…`);
    const starts = await runPool(
      count,
      concurrency,
      async (index) => {
        await bare.workflow.start(PARCOURS_WORKFLOW_TYPE, {
          workflowId: `${prefix}-${index}`,
          taskQueue: idleQueue,
          args: [input(index)],
        });
      },
      progress('(b) workflows démarrés', count),
    );
    const startsCpu = cpuSince(cpu1);
    if (starts.failed) say(`(b) ${starts.failed} échecs, premier : ${starts.firstError}`);

    // ── report ──
    const rate = (result: PoolResult) => (result.ok / result.elapsedMs) * 1000;
    const perParcours = (seconds: number, result: PoolResult) => `${fixed((seconds / result.ok) * 1000)} ms`;
    const row = (label: string, result: PoolResult, cpu: PhaseCpu) => [
      label,
      String(result.ok),
      String(result.failed),
      `${fixed(result.elapsedMs / 1000)} s`,
      fixed(rate(result)),
      `${fixed(percentile(result.latencies, 50), 0)} ms`,
      `${fixed(percentile(result.latencies, 95), 0)} ms`,
      `${fixed(percentile(result.latencies, 99), 0)} ms`,
      perParcours(cpu.node, result),
      perParcours(cpu.server, result),
      perParcours(cpu.postgres, result),
      `${fixed(cpu.machine, 0)} %`,
    ];
    const maxCached = worker?.options.maxCachedWorkflows ?? Number.NaN;
    const open = Number(openParcours.count);
    const deltaRss = loaded.rss - baseline.rss;
    const deltaHeap = loaded.heapUsed - baseline.heapUsed;
    const perCached = loaded.cachedWorkflows - baseline.cachedWorkflows;

    console.log(`
Benchmark parcours — N = ${count}, concurrence = ${concurrency}, échauffement = ${warmUp} (non mesuré)
Temporal : ${engineLabel} ; worker : ${workerProcesses === 0 ? 'dans le processus du banc' : `${workerProcesses} processus`}
Machine : ${os.cpus().length} cœurs, ${mib(os.totalmem())} ; Node ${process.version} ; serveur, PostgreSQL, API et worker sur la même machine

Débits
${table([
  [
    'mesure',
    'ok',
    'échecs',
    'durée',
    'par s',
    'p50',
    'p95',
    'p99',
    'CPU Node/u',
    'CPU Temporal/u',
    'CPU PostgreSQL/u',
    'machine occupée',
  ],
  row('(a) POST /passes (plateforme)', issuance, issuanceCpu),
  row('(b) workflow.start nu', starts, startsCpu),
])}
  ratio (a)/(b) : ${fixed(rate(issuance) / rate(starts), 2)} — la plateforme ouvre des parcours complets à ${fixed((rate(issuance) / rate(starts)) * 100, 0)} % du
  débit de démarrages nus que le même serveur accepte (objectif ≥ 50 %).
  (CPU …/u = secondes de CPU par parcours : Node = API + clients + worker(s), processus du banc et
  processus worker ; Temporal = le serveur ; PostgreSQL = postmaster et ses processus, s'il est local.
  « machine occupée » = part du CPU de toute la machine, autres processus compris : au-delà de ce que
  Node + Temporal + PostgreSQL expliquent, la machine était partagée et les débits sont des minima.)
  Charge moyenne (1 min) au début / à la fin : ${fixed(loadStart, 2)} / ${fixed(os.loadavg()[0]!, 2)}

Mémoire (ce processus : worker + API + clients ; après GC${gc ? '' : ' — indisponible, sans --expose-gc'})
${table([
  ['', 'RSS', 'tas V8 utilisé', 'tas V8 total', 'externe', 'workflows en cache'],
  [
    'avant (a), aucun parcours',
    mib(baseline.rss),
    mib(baseline.heapUsed),
    mib(baseline.heapTotal),
    mib(baseline.external),
    String(baseline.cachedWorkflows),
  ],
  [
    `${open} parcours ouverts`,
    mib(loaded.rss),
    mib(loaded.heapUsed),
    mib(loaded.heapTotal),
    mib(loaded.external),
    String(loaded.cachedWorkflows),
  ],
  [
    'différence',
    mib(deltaRss),
    mib(deltaHeap),
    mib(loaded.heapTotal - baseline.heapTotal),
    mib(loaded.external - baseline.external),
    String(perCached),
  ],
])}
  serveur Temporal (autre processus) : RSS ${mib(serverRssBefore)} avant (a), ${mib(serverRssLoaded)} avec les parcours ouverts${
    workerChildren.length
      ? `\n  processus worker (${workerChildren.length}, ensemble) : RSS ${mib(workersRssBefore)} avant (a), ${mib(workersRssLoaded)} avec les parcours ouverts`
      : ''
  }
  parcours ouverts (visibilité Temporal, Running) : ${open} ; lignes "Pass" projetées : ${projected}
  disque PostgreSQL : base de la plateforme ${mib(databaseSizes[0]!)}${
    Number.isFinite(databaseSizes[1])
      ? `, Temporal ${mib(databaseSizes[1]!)} + visibilité ${mib(databaseSizes[2]!)}`
      : ''
  } (mesuré avec les ${open} parcours ouverts, avant (b))
  maxCachedWorkflows du worker : ${maxCached} (défaut du SDK, tiré de la limite du tas V8 : ${mib(v8.getHeapStatistics().heap_size_limit)})
  RSS par workflow en cache : ${perCached > 0 ? `${fixed(deltaRss / perCached / 1024)} KiB` : '—'}
  La mémoire du worker suit le cache collant (au plus ${maxCached} workflows), pas N : un parcours qui dort
  hors du cache ne coûte rien au worker ; son réveil (timer, update) le rejoue depuis l'historique.
  Les workflows s'exécutent dans un thread à part (reuseV8Context) : son tas compte dans le RSS, pas dans
  « tas V8 utilisé », qui ne mesure que le thread principal (API, clients, Prisma, activités).

Durée totale du banc : ${fixed((performance.now() - runStarted) / 1000)} s
`);
  } finally {
    if (!interrupted) {
      say('Nettoyage…');
      await cleanUp();
      say('Terminé.');
    }
  }
}

interface PhaseCpu {
  node: number;
  server: number;
  postgres: number;
  machine: number;
}

/** The postmaster's pid, when the server runs on this machine (its data folder is readable). */
async function postmasterPid(adminUrl: string): Promise<number | undefined> {
  try {
    const dataDir = await withPg(
      adminUrl,
      async (client) =>
        (await client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'data_directory'"))
          .rows[0]?.setting,
    );
    const pid = dataDir ? Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8'), 10) : Number.NaN;
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

/** Same as startTemporalDevServer (server/temporal/dev-server.ts), without a database file: in-memory SQLite. */
async function startInMemoryDevServer(
  cli: string,
  port: number,
  searchAttributes: { name: string; type: string }[],
): Promise<{ address: string; process: ChildProcess }> {
  const cliType: Record<string, string> = {
    KEYWORD: 'Keyword',
    TEXT: 'Text',
    INT: 'Int',
    DOUBLE: 'Double',
    BOOL: 'Bool',
    DATETIME: 'Datetime',
    KEYWORD_LIST: 'KeywordList',
  };
  const args = [
    'server',
    'start-dev',
    '--headless',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    'default',
    '--log-level',
    'error',
    ...searchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  let alive = true;
  child.once('exit', () => {
    alive = false;
  });
  const address = `127.0.0.1:${port}`;
  try {
    await waitForTemporal(address, 60_000, () => alive);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { address, process: child };
}
