// `npm run bench:national -- [--count N] [--concurrency C] [--deadline-count K] [--no-deadlines | --deadlines-only] [--temporal-dir DIR]`
// The national scale of docs/decisions/025-take-over-import.md, on real parts all started here:
//
//  1. Take-over import (Temporal dev server, SQLite file in a temp folder; a throwaway PostgreSQL):
//     a generated file of N running PASS (default 240,000) is checked and stored, then imported by
//     the real worker (the parcoursImport workflow, chunks, bounded pool of C starts, projections
//     in batches); rate against a bare `workflow.start` loop of the same inputs on the same server
//     in the same run (queue no worker polls); CPU of this process (worker + importer) and of the
//     Temporal server per parcours; worker and Temporal server RSS; database and Temporal sizes.
//  2. The day of deadlines (Temporal's time-skipping test server, the dev server cannot move its
//     clock): the K lines of the file whose reminder or expiry falls tomorrow are imported there,
//     then the clock is moved past midnight; the wall time until every one is projected and
//     notified, against K bare timer workflows (a timer to the same midnight, one notification).
//
// Develop and check with N = 2,000–5,000 on a small machine. Stops and cleans up by itself.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { today as clockToday, type Clock } from '../../domain/clock.ts';
import { addDays } from '../../domain/dates.ts';
import { takeOverParcours } from '../../domain/pass/take-over.ts';
import { systemClock } from '../../server/clock.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { readParcoursFile } from '../../server/imports/parcours-file.ts';
import { storeParcoursImport } from '../../server/imports/parcours-import.ts';
import { writeNotifications } from '../../server/notifications/write.ts';
import { createSandboxClock } from '../../server/sandbox/clock.ts';
import { startTimeSkippingServer } from '../../server/sandbox/test-server.ts';
import { connectTestService } from '../../server/sandbox/test-service.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { startTemporalDevServer } from '../../server/temporal/dev-server.ts';
import { createWorker } from '../../worker/create.ts';
import { PARCOURS_WORKFLOW_TYPE, type ParcoursInput } from '../../workflows/parcours/contract.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { generateEmployers, generateParcoursFile, type GeneratedEmployer } from '../generate/parcours-file.ts';
import type { NationalBenchActivities } from './national-deadline-workflow.ts';
import {
  benchPostgresServer,
  fixed,
  freePort,
  machineCpu,
  busyPercent,
  mib,
  processCpuSeconds,
  rssOf,
  runPool,
  table,
  withPg,
} from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The dev server's SQLite file: in memory-backed /dev/shm when present (a disk's fsync made starts 15/s here), else the temp folder. */
const TEMPORAL_PARENT = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const count = Number(argument('count') ?? 240_000);
const concurrency = Number(argument('concurrency') ?? 64);
const deadlineCount = Number(argument('deadline-count') ?? Math.min(2000, Math.floor(count / 2)));
const withDeadlines = !process.argv.includes('--no-deadlines');
if (!Number.isInteger(count) || count < 10 || count > 2_000_000) throw new Error('--count : un entier de 10 à 2000000');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) throw new Error('--concurrency : 1 à 512');
if (!Number.isInteger(deadlineCount) || deadlineCount < 0 || deadlineCount > count)
  throw new Error('--deadline-count : de 0 à N');

function say(message: string) {
  console.log(`▸ [${systemClock.now().toISOString().slice(11, 19)}] ${message}`);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(full) : statSync(full).size;
  }
  return total;
}

async function rssAfterGc(): Promise<number> {
  for (let pass = 0; pass < 3; pass++) {
    gc?.();
    await sleep(200);
  }
  return process.memoryUsage().rss;
}

async function freshDatabase(adminUrl: string, cleanups: (() => Promise<unknown>)[]) {
  const name = `bench_national_${randomBytes(5).toString('hex')}`;
  await withPg(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  cleanups.push(() => withPg(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await applyMigrations(url);
  const db = createDb(url, 10);
  cleanups.push(() => db.$disconnect());
  return { name, url, db };
}

async function insertEmployers(db: Db, employers: GeneratedEmployer[], clock: Clock) {
  await db.organization.createMany({
    data: employers.map((e) => ({
      type: 'EMPLOYER' as const,
      name: e.name,
      siret: e.siret,
      employerKind: e.kind,
      departement: e.departement,
      communeCode: e.communeCode,
      latitude: e.latitude,
      longitude: e.longitude,
      createdAt: clock.now(),
    })),
  });
}

/** Stores the file as the command line does and waits for the import to be done. */
async function importFile(
  deps: { db: Db; temporal: Client; taskQueue: string; clock: Clock },
  csv: string,
  onProgress?: (done: number, total: number) => void,
) {
  const checkStarted = performance.now();
  const stored = await storeParcoursImport(
    { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue },
    {
      fileName: 'bench.csv',
      content: csv,
      today: clockToday(deps.clock),
      now: deps.clock.now(),
      createdByUserId: null,
      actorOrganizationId: null,
      concurrency,
    },
  );
  if (!stored.ok) throw new Error(stored.message);
  const checkMs = performance.now() - checkStarted;
  if (stored.row.errorCount > 0)
    throw new Error(`${stored.row.errorCount} lignes refusées : ${JSON.stringify(stored.row.report).slice(0, 400)}`);
  const started = performance.now();
  let last = -1;
  for (;;) {
    const row = await deps.db.parcoursImport.findUniqueOrThrow({
      where: { id: stored.row.id },
      select: { state: true, processedRows: true, totalRows: true, startedCount: true, alreadyCount: true },
    });
    if (row.processedRows !== last) {
      last = row.processedRows;
      onProgress?.(row.processedRows, row.totalRows);
    }
    if (row.state === 'DONE') return { ...row, checkMs, importMs: performance.now() - started };
    if (row.state === 'FAILED') throw new Error('import en échec');
    await sleep(100);
  }
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const run of cleanups.reverse())
      await run().catch((error: Error) => console.error(`nettoyage : ${error.message}`));
    cleanups.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const runStarted = performance.now();
  try {
    say(
      `Banc national : N = ${count}, concurrence = ${concurrency}, échéances = ${withDeadlines ? deadlineCount : 'non'}, ${os.cpus().length} cœurs`,
    );
    const binaries = temporalBinaries();
    if (!binaries.cli)
      throw new Error('CLI Temporal introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');

    if (process.argv.includes('--deadlines-only')) {
      const postgres = await benchPostgresServer();
      cleanups.push(() => postgres.stop());
      await dayOfDeadlines(postgres.url, cleanups, binaries.testServer);
      return;
    }
    // ── Phase 1: import on the dev server ────────────────────────────────────────────────────
    const temporalDir = mkdtempSync(path.join(argument('temporal-dir') ?? TEMPORAL_PARENT, 'bench-national-'));
    cleanups.push(async () => rmSync(temporalDir, { recursive: true, force: true }));
    const devServer = await startTemporalDevServer({
      cli: binaries.cli,
      dataDir: temporalDir,
      port: await freePort(),
      uiPort: await freePort(),
      namespace: 'default',
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
    });
    const temporalPid = devServer.process.pid;
    cleanups.push(async () => {
      if (devServer.process.exitCode !== null) return;
      const exited = new Promise((resolve) => devServer.process.once('exit', resolve));
      devServer.process.kill('SIGTERM');
      await exited;
    });
    say(`Serveur Temporal de développement : ${devServer.address} (SQLite dans ${temporalDir})`);
    const postgres = await benchPostgresServer();
    cleanups.push(() => postgres.stop());
    const main = await freshDatabase(postgres.url, cleanups);
    say(`Base PostgreSQL : ${main.name} (migrée)`);

    const native = await NativeConnection.connect({ address: devServer.address });
    cleanups.push(() => native.close());
    const taskQueue = `national-${randomBytes(3).toString('hex')}`;
    const worker = await createWorker({ connection: native, namespace: 'default', taskQueue, db: main.db });
    const running = worker.run();
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });
    const connection = await Connection.connect({ address: devServer.address });
    cleanups.push(() => connection.close());
    const temporal = new Client({ connection, namespace: 'default' });

    const today = clockToday(systemClock);
    const deadlineDay = addDays(today, 1);
    const generateStarted = performance.now();
    const file = generateParcoursFile({ count, today, seed: 2026, deadlineDay, deadlineCount });
    await insertEmployers(main.db, file.employers, systemClock);
    say(
      `Fichier généré en ${fixed((performance.now() - generateStarted) / 1000)} s : ${count} PASS, ${file.employers.length} employeurs, ${deadlineCount} échéances le ${deadlineDay}`,
    );

    await sleep(1000);
    const rssBaseline = await rssAfterGc();
    const temporalRssBaseline = rssOf(temporalPid);
    const self0 = process.cpuUsage();
    const server0 = processCpuSeconds(temporalPid);
    const machine0 = machineCpu();
    const step = Math.max(1, Math.floor(count / 10));
    let shown = 0;
    const imported = await importFile(
      { db: main.db, temporal, taskQueue, clock: systemClock },
      file.csv,
      (done, total) => {
        if (done - shown >= step || done === total) {
          shown = done;
          say(`import : ${done}/${total}`);
        }
      },
    );
    const importCpu = {
      self: cpuOf(process.cpuUsage(self0)),
      server: processCpuSeconds(temporalPid) - server0,
      machine: busyPercent(machine0, machineCpu()),
    };
    // The first workflow task of every parcours (its timer) may still be in the worker's queue.
    const settleStarted = performance.now();
    for (;;) {
      const status = worker.getStatus();
      if (status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0) {
        await sleep(500);
        const again = worker.getStatus();
        if (again.numInFlightWorkflowActivations === 0 && again.numInFlightActivities === 0) break;
      }
      await sleep(200);
    }
    const settleMs = performance.now() - settleStarted - 500;
    const rssLoaded = await rssAfterGc();
    const temporalRssLoaded = rssOf(temporalPid);
    const cached = worker.getStatus().numCachedWorkflows;
    const openParcours = Number(
      (await temporal.workflow.count(`WorkflowType = '${PARCOURS_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`))
        .count,
    );
    const passRows = await main.db.pass.count();
    const databaseBytes = Number(
      (await main.db.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`)[0]!.size,
    );
    const temporalBytes = dirSize(temporalDir);

    // Bare starts: the same inputs, same server, a queue no worker polls.
    const checked = await readParcoursFile(main.db, file.csv, today);
    if (!checked.ok) throw new Error(checked.message);
    const inputs: ParcoursInput[] = checked.parcours.map((line) => {
      const state = takeOverParcours(line, {
        personId: randomUUID(),
        employerId: line.employerId,
        employerKind: line.employerKind,
        today,
      });
      return { passNumber: line.passNumber, personId: state.personId, hire: state.hires[0]!, takenOver: { state } };
    });
    const idleQueue = `national-unpolled-${randomBytes(3).toString('hex')}`;
    const prefix = `bench-bare-${randomBytes(3).toString('hex')}`;
    const self1 = process.cpuUsage();
    const server1 = processCpuSeconds(temporalPid);
    const machine1 = machineCpu();
    say(`Boucle nue : ${count} × workflow.start, ${concurrency} en parallèle…`);
    const bare = await runPool(count, concurrency, async (index) => {
      await temporal.workflow.start(PARCOURS_WORKFLOW_TYPE, {
        workflowId: `${prefix}-${index}`,
        taskQueue: idleQueue,
        args: [inputs[index]!],
      });
    });
    const bareCpu = {
      self: cpuOf(process.cpuUsage(self1)),
      server: processCpuSeconds(temporalPid) - server1,
      machine: busyPercent(machine1, machineCpu()),
    };
    if (bare.failed) say(`boucle nue : ${bare.failed} échecs, premier : ${bare.firstError}`);
    const temporalBytesAfterBare = dirSize(temporalDir);

    const importRate = (imported.totalRows / imported.importMs) * 1000;
    const settledRate = (imported.totalRows / (imported.importMs + settleMs)) * 1000;
    const bareRate = (bare.ok / bare.elapsedMs) * 1000;
    const perParcours = (seconds: number, n: number) => `${fixed((seconds / n) * 1000, 2)} ms`;

    console.log(`
Banc national — N = ${count}, concurrence = ${concurrency}, ${os.cpus().length} cœurs, ${mib(os.totalmem())} ; Temporal : serveur de développement, SQLite fichier dans ${path.dirname(temporalDir)}

Import (parcoursImport : lots de 1 000, projections par 250 en createMany, démarrages en pool)
${table([
  ['mesure', 'parcours', 'durée', 'par s', 'CPU worker/s', 'CPU Temporal/s', 'machine'],
  [
    'vérification + stockage du fichier',
    String(count),
    `${fixed(imported.checkMs / 1000)} s`,
    fixed((count / imported.checkMs) * 1000, 0),
    '',
    '',
    '',
  ],
  [
    '(a) import (démarrés + projetés)',
    String(imported.startedCount),
    `${fixed(imported.importMs / 1000)} s`,
    fixed(importRate),
    perParcours(importCpu.self, count),
    perParcours(importCpu.server, count),
    `${fixed(importCpu.machine, 0)} %`,
  ],
  [
    '(a′) import puis 1re tâche de chaque',
    String(imported.startedCount),
    `${fixed((imported.importMs + settleMs) / 1000)} s`,
    fixed(settledRate),
    '',
    '',
    '',
  ],
  [
    '(b) workflow.start nu, même serveur',
    String(bare.ok),
    `${fixed(bare.elapsedMs / 1000)} s`,
    fixed(bareRate),
    perParcours(bareCpu.self, count),
    perParcours(bareCpu.server, count),
    `${fixed(bareCpu.machine, 0)} %`,
  ],
])}
  ratio (a)/(b) : ${fixed(importRate / bareRate, 2)} (objectif ≥ 0,8) ; (a′)/(b) : ${fixed(settledRate / bareRate, 2)}
  déjà repris : ${imported.alreadyCount} ; parcours en cours (visibilité) : ${openParcours} ; lignes Pass : ${passRows}
  charge moyenne (1 min) : ${fixed(os.loadavg()[0]!, 2)}

Mémoire et disque
  worker (ce processus, après GC) : ${mib(rssBaseline)} avant, ${mib(rssLoaded)} avec ${openParcours} parcours ouverts (${cached} en cache, maxCachedWorkflows ${worker.options.maxCachedWorkflows}, tas max ${mib(v8.getHeapStatistics().heap_size_limit)})
  serveur Temporal : RSS ${mib(temporalRssBaseline)} avant, ${mib(temporalRssLoaded)} après l'import, ${mib(rssOf(temporalPid))} après la boucle nue
  données Temporal (SQLite) : ${mib(temporalBytes)} après l'import (${fixed(temporalBytes / count / 1024, 1)} KiB par parcours), ${mib(temporalBytesAfterBare)} après la boucle nue
  base PostgreSQL : ${mib(databaseBytes)} (${fixed(databaseBytes / count / 1024, 1)} KiB par parcours, fichier stocké compris)
`);

    worker.shutdown();
    await running;

    if (withDeadlines && deadlineCount > 0) await dayOfDeadlines(postgres.url, cleanups, binaries.testServer);
    say(`Durée totale : ${fixed((performance.now() - runStarted) / 1000)} s`);
  } finally {
    await cleanUp();
  }
}

// ── Phase 2: the day of deadlines on the time-skipping server ──────────────────────────────
async function dayOfDeadlines(
  adminUrl: string,
  cleanups: (() => Promise<unknown>)[],
  testServerBinary: string | undefined,
) {
  if (!testServerBinary) throw new Error('temporal-test-server introuvable : scripts/setup/temporal-binaries.sh');
  const side = async () => {
    const server = await startTimeSkippingServer({ binary: testServerBinary, port: await freePort() });
    cleanups.push(async () => void server.process.kill('SIGTERM'));
    const service = await connectTestService(server.address);
    cleanups.push(async () => service.close());
    const clock = await createSandboxClock(service, systemClock);
    cleanups.push(async () => clock.stop());
    const native = await NativeConnection.connect({ address: server.address });
    cleanups.push(() => native.close());
    const connection = await Connection.connect({ address: server.address });
    cleanups.push(() => connection.close());
    return { address: server.address, clock, native, client: new Client({ connection }), pid: server.process.pid };
  };

  // The platform: the K lines due tomorrow, imported by the real worker, then midnight.
  const platform = await side();
  const db = (await freshDatabase(adminUrl, cleanups)).db;
  const today = clockToday(platform.clock);
  const day = addDays(today, 1);
  const file = generateParcoursFile({
    count: deadlineCount,
    today,
    seed: 7,
    deadlineDay: day,
    deadlineCount,
    employers: generateEmployers(Math.max(5, Math.ceil(deadlineCount / 40)), 3),
  });
  await insertEmployers(db, file.employers, platform.clock);
  const taskQueue = 'national-deadlines';
  const worker = await createWorker({ connection: platform.native, namespace: 'default', taskQueue, db });
  const running = worker.run();
  cleanups.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  const imported = await importFile({ db, temporal: platform.client, taskQueue, clock: platform.clock }, file.csv);
  say(
    `Jour d'échéances : ${imported.startedCount} parcours importés sur le serveur à saut de temps ; minuit du ${day}…`,
  );
  const cpu0 = process.cpuUsage();
  const server0 = processCpuSeconds(platform.pid);
  const advanced = await platform.clock.advance(1);
  const cpu = cpuOf(process.cpuUsage(cpu0));
  const serverCpu = processCpuSeconds(platform.pid) - server0;
  const notified = await db.notification.count();
  const projected = await db.pass.count({ where: { version: { gte: 2 } } });
  worker.shutdown();
  await running;

  // The bare timers: K workflows to the same midnight, one notification each.
  const bareSide = await side();
  const bareDb = (await freshDatabase(adminUrl, cleanups)).db;
  const organization = await bareDb.organization.create({
    data: {
      type: 'EMPLOYER',
      name: 'ACI du banc',
      departement: '93',
      employerKind: 'ACI',
      createdAt: bareSide.clock.now(),
    },
  });
  const activities: NationalBenchActivities = {
    async benchNotify({ key, organizationId, at }) {
      await bareDb.$transaction((tx) =>
        writeNotifications(
          tx,
          [{ key, organizationId, subject: 'Échéance', body: 'Échéance du jour.', createdAt: new Date(at) }],
          {
            publicUrl: 'http://localhost:3000',
          },
        ),
      );
    },
  };
  const bareWorker = await Worker.create({
    connection: bareSide.native,
    taskQueue: 'national-bare',
    workflowsPath: fileURLToPath(new URL('./national-deadline-workflow.ts', import.meta.url)),
    activities,
  });
  const bareRunning = bareWorker.run();
  cleanups.push(async () => {
    if (bareWorker.getState() === 'RUNNING') bareWorker.shutdown();
    await bareRunning;
  });
  const bareDay = addDays(clockToday(bareSide.clock), 1);
  const started = await runPool(deadlineCount, concurrency, async (index) => {
    await bareSide.client.workflow.start('nationalBenchDeadline', {
      taskQueue: 'national-bare',
      workflowId: `bench-deadline-${index}`,
      args: [{ key: `bench:${index}`, organizationId: organization.id, on: bareDay }],
    });
  });
  if (started.failed) throw new Error(`${started.failed} minuteurs nus non démarrés : ${started.firstError}`);
  await sleep(2000);
  const bareCpu0 = process.cpuUsage();
  const bareAdvanced = await bareSide.clock.advance(1);
  const bareCpu = cpuOf(process.cpuUsage(bareCpu0));
  const bareNotified = await bareDb.notification.count();

  const d = file.deadlines;
  console.log(`
Jour d'échéances — serveur de test à saut de temps, ${deadlineCount} échéances le même jour (${d.expiry} expirations, ${d.reminder90} + ${d.reminder30} + ${d.reminder7} rappels à 90/30/7 jours)
${table([
  ['côté', 'de minuit à tout fait', 'notifications', 'projetés', 'CPU worker', 'CPU serveur de test'],
  [
    'parcours importés (worker, activités, PostgreSQL)',
    `${fixed(advanced.elapsedMs / 1000)} s`,
    String(notified),
    String(projected),
    `${fixed(cpu)} s`,
    `${fixed(serverCpu)} s`,
  ],
  [
    'minuteurs nus (une notification)',
    `${fixed(bareAdvanced.elapsedMs / 1000)} s`,
    String(bareNotified),
    '—',
    `${fixed(bareCpu)} s`,
    '',
  ],
])}
  ratio parcours / nus : ${fixed(advanced.elapsedMs / bareAdvanced.elapsedMs, 2)} (objectif ≤ 2)
`);
}

// A real GC for the memory figures: re-run under --expose-gc.
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
