// `npm run bench:national -- [--count N] [--concurrency C] [--engine dev|production] [--shards S]
//    [--workers W] [--kill-at F] [--bare-count B] [--deadline-count K] [--no-deadlines | --deadlines-only]`
// The national scale of docs/decisions/025-take-over-import.md, on real parts all started here:
//
//  1. Take-over import: a generated file of N running PASS (default 240,000) is checked and
//     stored, then imported by W real worker processes (worker/main.ts: the parcoursImport
//     workflow, chunks, a bounded pool of C starts, projections in batches) on a fresh Temporal
//     server: the dev server (SQLite file in /dev/shm) or, with --engine production, Temporal's
//     production server over PostgreSQL with S history shards (decision 026).
//     When a fraction F of the lines is done (default 0.5; 0: never) every worker is killed with
//     SIGKILL and W fresh ones are started: the import must go on and end with exactly N running
//     parcours. The same file is then imported a second time: it must start 0.
//     Its rate (interruption left out) is set against a bare `workflow.start` loop of B of the same
//     inputs (default N) on the same server in the same run, on a queue no worker polls. Printed:
//     CPU per parcours of the workers and of the Temporal server, their RSS with the N open, the
//     database's and Temporal's sizes.
//  2. The day of deadlines (Temporal's time-skipping test server, the dev server cannot move its
//     clock): the K lines of the file whose reminder or expiry falls tomorrow are imported there,
//     then the clock is moved past midnight; the wall time until every one is projected and
//     notified, against K bare timer workflows (a timer to the same midnight, one notification).
//
// Develop and check with N = 2,000–5,000 on a small machine. Stops and cleans up by itself.
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
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
import { workflowTaskBacklog } from '../../server/temporal/queue-room.ts';
import { createWorker } from '../../worker/create.ts';
import { PARCOURS_WORKFLOW_TYPE, type ParcoursInput } from '../../workflows/parcours/contract.ts';
import { generateEmployers, generateParcoursFile, type GeneratedEmployer } from '../generate/parcours-file.ts';
import { startBenchTemporal, startBenchWorker, stopChild, type Engine } from './engines.ts';
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

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const count = Number(argument('count') ?? 240_000);
const concurrency = Number(argument('concurrency') ?? 64);
const deadlineCount = Number(argument('deadline-count') ?? Math.min(2000, Math.floor(count / 2)));
const withDeadlines = !process.argv.includes('--no-deadlines');
const engineArgument = argument('engine') ?? 'dev';
const shards = Number(argument('shards') ?? 4);
const workerCount = Number(argument('workers') ?? 1);
const killAt = Number(argument('kill-at') ?? 0.5);
const bareCount = Number(argument('bare-count') ?? count);
if (!Number.isInteger(count) || count < 10 || count > 2_000_000) throw new Error('--count : un entier de 10 à 2000000');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) throw new Error('--concurrency : 1 à 512');
if (!Number.isInteger(deadlineCount) || deadlineCount < 0 || deadlineCount > count)
  throw new Error('--deadline-count : de 0 à N');
if (engineArgument !== 'dev' && engineArgument !== 'production') throw new Error('--engine : dev ou production');
const engine: Engine = engineArgument;
if (!Number.isInteger(shards) || shards < 1 || shards > 16384) throw new Error('--shards : 1 à 16384');
if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 8) throw new Error('--workers : 1 à 8');
if (!(killAt >= 0 && killAt < 1)) throw new Error('--kill-at : une fraction de 0 (jamais) à 1 exclu');
if (!Number.isInteger(bareCount) || bareCount < 1 || bareCount > count) throw new Error('--bare-count : de 1 à N');

function say(message: string) {
  console.log(`▸ [${systemClock.now().toISOString().slice(11, 19)}] ${message}`);
}
/** How long after a chunk is counted the workers are killed: mid-chunk, as a crash would be. */
const KILL_INTO_CHUNK_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

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

interface ImportRow {
  state: string;
  processedRows: number;
  totalRows: number;
  startedCount: number;
  alreadyCount: number;
}

/** Stores the file as the command line does; `onTick` sees the import row every 100 ms until it is done. */
async function importFile(
  deps: { db: Db; temporal: Client; taskQueue: string; clock: Clock },
  csv: string,
  onTick?: (row: ImportRow) => Promise<void>,
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
  for (;;) {
    const row = await deps.db.parcoursImport.findUniqueOrThrow({
      where: { id: stored.row.id },
      select: { state: true, processedRows: true, totalRows: true, startedCount: true, alreadyCount: true },
    });
    await onTick?.(row);
    if (row.state === 'DONE') return { ...row, checkMs, importMs: performance.now() - started };
    if (row.state === 'FAILED') throw new Error('import en échec');
    await sleep(100);
  }
}

/** Running parcours as Temporal's visibility counts them, once the count has stopped moving. */
async function runningParcours(temporal: Client, expected: number): Promise<number> {
  const query = `WorkflowType = '${PARCOURS_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND TaskQueue != 'national-unpolled'`;
  let last = -1;
  for (let attempt = 0; attempt < 60; attempt++) {
    const now = Number((await temporal.workflow.count(query)).count);
    if (now === expected || now === last) return now;
    last = now;
    await sleep(1000);
  }
  return last;
}

/** W worker processes, their CPU counted across kills (a killed one's last reading is kept). */
function workerPool(options: { databaseUrl: string; temporalAddress: string; taskQueue: string }) {
  let children: ChildProcess[] = [];
  let lost = 0;
  const lastCpu = new Map<number, number>();
  const sample = () => {
    for (const child of children) if (child.pid) lastCpu.set(child.pid, processCpuSeconds(child.pid));
  };
  return {
    async start() {
      children = await Promise.all(Array.from({ length: workerCount }, () => startBenchWorker(options)));
    },
    cpu() {
      sample();
      return lost + children.reduce((sum, child) => sum + (lastCpu.get(child.pid!) ?? 0), 0);
    },
    rss: () => children.reduce((sum, child) => sum + rssOf(child.pid), 0),
    async killAll() {
      sample();
      lost += children.reduce((sum, child) => sum + (lastCpu.get(child.pid!) ?? 0), 0);
      await Promise.all(
        children.map((child) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          return exited;
        }),
      );
      children = [];
    },
    stop: () => Promise.all(children.map(stopChild)),
  };
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
      `Banc national : N = ${count}, concurrence = ${concurrency}, ${workerCount} worker(s), moteur ${engine}, échéances = ${withDeadlines ? deadlineCount : 'non'}, ${os.cpus().length} cœurs`,
    );
    const binaries = temporalBinaries();
    if (!binaries.cli)
      throw new Error('CLI Temporal introuvable : lancez « bash scripts/setup/temporal-binaries.sh ».');
    const postgres = await benchPostgresServer();
    cleanups.push(() => postgres.stop());
    if (process.argv.includes('--deadlines-only')) {
      await dayOfDeadlines(postgres.url, cleanups, binaries.testServer);
      return;
    }
    // ── Phase 1: import ─────────────────────────────────────────────────────────────────────
    const main = await freshDatabase(postgres.url, cleanups);
    say(`Base PostgreSQL : ${main.name} (migrée)`);
    const server = await startBenchTemporal({
      engine,
      adminUrl: postgres.url,
      prefix: main.name,
      shards,
      onCleanup: (_name, run) => cleanups.push(run),
    });
    const temporalPid = server.process.pid;
    say(`Temporal : ${server.label}, ${server.address}`);
    const connection = await Connection.connect({ address: server.address });
    cleanups.push(() => connection.close());
    const temporal = new Client({ connection, namespace: 'default' });
    const taskQueue = `national-${randomBytes(3).toString('hex')}`;
    const workers = workerPool({ databaseUrl: main.url, temporalAddress: server.address, taskQueue });
    await workers.start();
    cleanups.push(() => workers.stop());
    say(`${workerCount} processus worker prêt(s)`);

    const today = clockToday(systemClock);
    const deadlineDay = addDays(today, 1);
    const generateStarted = performance.now();
    const file = generateParcoursFile({ count, today, seed: 2026, deadlineDay, deadlineCount });
    await insertEmployers(main.db, file.employers, systemClock);
    say(
      `Fichier généré en ${fixed((performance.now() - generateStarted) / 1000)} s : ${count} PASS, ${file.employers.length} employeurs, ${deadlineCount} échéances le ${deadlineDay}`,
    );

    await sleep(1000);
    const workersRssBaseline = workers.rss();
    const temporalRssBaseline = rssOf(temporalPid);
    const workers0 = workers.cpu();
    const server0 = processCpuSeconds(temporalPid);
    const machine0 = machineCpu();
    const step = Math.max(1000, Math.floor(count / 20));
    const killRows = killAt > 0 ? Math.floor(count * killAt) : Number.POSITIVE_INFINITY;
    // Segments of uninterrupted import: [start, last progress before the kill] and [first progress
    // after the restart, done]; the chunk cut by the kill and redone is left out of the rate.
    const t0 = performance.now();
    let lastTick = { at: t0, rows: 0 };
    let killed: { at: number; rows: number; tick: { at: number; rows: number } } | undefined;
    let restartedAt: number | undefined;
    let resumed: { at: number; rows: number } | undefined;
    let shown = 0;
    const imported = await importFile(
      { db: main.db, temporal, taskQueue, clock: systemClock },
      file.csv,
      async (row) => {
        const now = performance.now();
        if (row.processedRows !== lastTick.rows) {
          lastTick = { at: now, rows: row.processedRows };
          if (killed && !resumed) resumed = lastTick;
        }
        if (row.processedRows - shown >= step || (row.state === 'DONE' && shown !== row.processedRows)) {
          shown = row.processedRows;
          say(`import : ${row.processedRows}/${row.totalRows}`);
        }
        if (!killed && row.processedRows >= killRows && row.state === 'RUNNING') {
          // A few seconds into the next chunk: some of its parcours started, its progress not counted.
          await sleep(KILL_INTO_CHUNK_MS);
          killed = { at: performance.now(), rows: row.processedRows, tick: lastTick };
          await workers.killAll();
          say(
            `kill -9 de ${workerCount} worker(s) ${KILL_INTO_CHUNK_MS / 1000} s après la ligne ${row.processedRows}/${row.totalRows}, au milieu d'un lot ; redémarrage…`,
          );
          await workers.start();
          restartedAt = performance.now();
          say(`worker(s) redémarré(s) en ${fixed((restartedAt - killed.at) / 1000)} s ; l'import doit reprendre`);
        }
      },
    );
    const importDone = performance.now();
    const importCpu = {
      workers: workers.cpu() - workers0,
      server: processCpuSeconds(temporalPid) - server0,
      machine: busyPercent(machine0, machineCpu()),
    };
    // The first workflow task of every parcours (its timers) may still wait on the queue.
    let backlog = await workflowTaskBacklog(temporal, taskQueue);
    while (backlog > 0) {
      await sleep(500);
      backlog = await workflowTaskBacklog(temporal, taskQueue);
    }
    const settleMs = performance.now() - importDone;
    const uninterrupted =
      killed && resumed
        ? {
            rows: killed.tick.rows + (imported.totalRows - resumed.rows),
            ms: killed.tick.at - t0 + (importDone - resumed.at),
          }
        : { rows: imported.totalRows, ms: importDone - t0 };
    await sleep(2000);
    const workersRssLoaded = workers.rss();
    const temporalRssLoaded = rssOf(temporalPid);
    const openParcours = await runningParcours(temporal, count);
    const passRows = await main.db.pass.count();
    const databaseBytes = Number(
      (await main.db.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`)[0]!.size,
    );
    const temporalBytes = await server.dataBytes();

    // The same file again: nothing may start twice.
    say('Même fichier une seconde fois…');
    const rerun = await importFile({ db: main.db, temporal, taskQueue, clock: systemClock }, file.csv);
    const openAfterRerun = await runningParcours(temporal, count);
    const workersRssAfterRerun = workers.rss();

    // Bare starts: the same inputs, same server, a queue no worker polls.
    const checked = await readParcoursFile(main.db, file.csv, today);
    if (!checked.ok) throw new Error(checked.message);
    const inputs: ParcoursInput[] = checked.parcours.slice(0, bareCount).map((line) => {
      const state = takeOverParcours(line, {
        personId: randomUUID(),
        employerId: line.employerId,
        employerKind: line.employerKind,
        today,
      });
      return { passNumber: line.passNumber, personId: state.personId, hire: state.hires[0]!, takenOver: { state } };
    });
    const prefix = `bench-bare-${randomBytes(3).toString('hex')}`;
    const self1 = process.cpuUsage();
    const server1 = processCpuSeconds(temporalPid);
    const machine1 = machineCpu();
    say(`Boucle nue : ${bareCount} × workflow.start, ${concurrency} en parallèle…`);
    const bare = await runPool(bareCount, concurrency, async (index) => {
      await temporal.workflow.start(PARCOURS_WORKFLOW_TYPE, {
        workflowId: `${prefix}-${index}`,
        taskQueue: 'national-unpolled',
        args: [inputs[index]!],
      });
    });
    const bareCpu = {
      self: cpuOf(process.cpuUsage(self1)),
      server: processCpuSeconds(temporalPid) - server1,
      machine: busyPercent(machine1, machineCpu()),
    };
    if (bare.failed) say(`boucle nue : ${bare.failed} échecs, premier : ${bare.firstError}`);
    const temporalBytesAfterBare = await server.dataBytes();

    const importRate = (uninterrupted.rows / uninterrupted.ms) * 1000;
    const wallRate = (imported.totalRows / imported.importMs) * 1000;
    const bareRate = (bare.ok / bare.elapsedMs) * 1000;
    const perParcours = (seconds: number, n: number) => `${fixed((seconds / n) * 1000, 2)} ms`;
    const interruption =
      killed && restartedAt && resumed
        ? `kill -9 de tous les workers ${KILL_INTO_CHUNK_MS / 1000} s après la ligne ${killed.rows} ; redémarrés ${fixed((restartedAt - killed.at) / 1000)} s après, import reparti ${fixed((resumed.at - killed.at) / 1000)} s après le kill (délai de battement de cœur de l'activité compris)`
        : 'aucune interruption (--kill-at 0)';

    console.log(`
Banc national — N = ${count}, concurrence = ${concurrency}, ${workerCount} processus worker, ${os.cpus().length} cœurs, ${mib(os.totalmem())}
Temporal : ${server.label}

Import (parcoursImport : lots de 1 000, projections par 250 en createMany, démarrages en pool)
${table([
  ['mesure', 'parcours', 'durée', 'par s', 'CPU workers/parcours', 'CPU Temporal/parcours', 'machine'],
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
    '(a) import, hors interruption',
    String(uninterrupted.rows),
    `${fixed(uninterrupted.ms / 1000)} s`,
    fixed(importRate),
    perParcours(importCpu.workers, count),
    perParcours(importCpu.server, count),
    `${fixed(importCpu.machine, 0)} %`,
  ],
  [
    '(a″) import, de bout en bout',
    String(imported.totalRows),
    `${fixed(imported.importMs / 1000)} s`,
    fixed(wallRate),
    '',
    '',
    '',
  ],
  [
    '(b) workflow.start nu, même serveur',
    String(bare.ok),
    `${fixed(bare.elapsedMs / 1000)} s`,
    fixed(bareRate),
    perParcours(bareCpu.self, bareCount),
    perParcours(bareCpu.server, bareCount),
    `${fixed(bareCpu.machine, 0)} %`,
  ],
])}
  ratio (a)/(b) : ${fixed(importRate / bareRate, 2)} (objectif ≥ 0,8) ; (a″)/(b) : ${fixed(wallRate / bareRate, 2)}
  1res tâches des parcours encore en file à la fin de l'import : écoulées en ${fixed(settleMs / 1000)} s
  ${interruption}
  démarrés : ${imported.startedCount}, déjà repris (lot refait après le kill) : ${imported.alreadyCount} ; parcours en cours (visibilité) : ${openParcours} ; lignes Pass : ${passRows} (attendu : ${count})
  même fichier une seconde fois : ${rerun.startedCount} démarré(s), ${rerun.alreadyCount} déjà repris, en ${fixed(rerun.importMs / 1000)} s ; parcours en cours ensuite : ${openAfterRerun}
  charge moyenne (1 min) : ${fixed(os.loadavg()[0]!, 2)}

Mémoire et disque
  workers (${workerCount} processus, ensemble) : RSS ${mib(workersRssBaseline)} avant, ${mib(workersRssLoaded)} avec ${openParcours} parcours ouverts, ${mib(workersRssAfterRerun)} après la seconde importation
  serveur Temporal : RSS ${mib(temporalRssBaseline)} avant, ${mib(temporalRssLoaded)} après l'import, ${mib(rssOf(temporalPid))} après la boucle nue
  données Temporal : ${mib(temporalBytes)} après l'import (${fixed(temporalBytes / count / 1024, 1)} KiB par parcours), ${mib(temporalBytesAfterBare)} après la boucle nue
  base PostgreSQL de la plateforme : ${mib(databaseBytes)} (${fixed(databaseBytes / count / 1024, 1)} KiB par parcours, fichier stocké compris)
`);
    await workers.stop();

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

await main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
