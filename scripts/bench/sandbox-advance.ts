// `npm run bench:sandbox [-- --count N]`: how long the sandbox takes to advance 730 days with N
// parcours open (real worker, activities and PostgreSQL: 4 deadlines each, every one projected),
// against the same advance with N bare timer workflows (4 timers, no activity). Each side gets
// its own time-skipping test server. See docs/decisions/015-sandbox.md.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createApp } from '../../api/app.ts';
import { today } from '../../domain/clock.ts';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { createLogger } from '../../server/logger.ts';
import { createSandboxClock, type SandboxClock } from '../../server/sandbox/clock.ts';
import { startTimeSkippingServer } from '../../server/sandbox/test-server.ts';
import { connectTestService } from '../../server/sandbox/test-service.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { createWorker } from '../../worker/create.ts';
import { benchPostgresServer, freePort, runPool } from './support.ts';

const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;
const DAYS = 730;
const ADMIN = { email: 'admin@bench.inclusion.localhost', password: 'Mot-de-passe-bench-2026' };
const cleanups: (() => Promise<unknown> | unknown)[] = [];
const say = (message: string) => console.log(`▸ ${message}`);

Runtime.install({ logger: new DefaultLogger('ERROR') });

async function sandboxServer() {
  const binary = temporalBinaries().testServer;
  if (!binary) throw new Error('temporal-test-server introuvable : scripts/setup/temporal-binaries.sh');
  const server = await startTimeSkippingServer({ binary, port: await freePort() });
  cleanups.push(() => server.process.kill('SIGTERM'));
  const service = await connectTestService(server.address);
  cleanups.push(() => service.close());
  const clock = await createSandboxClock(service, systemClock);
  cleanups.push(() => clock.stop());
  const native = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  cleanups.push(() => connection.close());
  return { address: server.address, clock, native, client: new Client({ connection }) };
}

async function runWorker(worker: Worker) {
  const running = worker.run();
  cleanups.push(async () => {
    worker.shutdown();
    await running;
  });
}

async function timedAdvance(clock: SandboxClock): Promise<number> {
  const result = await clock.advance(DAYS);
  return result.elapsedMs;
}

async function parcoursSide(): Promise<{ ms: number; notifications: number }> {
  const postgres = await benchPostgresServer();
  cleanups.push(() => postgres.stop());
  const databaseUrl = postgres.url.replace(/\/[^/]*$/, `/bench_sandbox_${randomUUID().slice(0, 8)}`);
  const { Client: PgClient } = (await import('pg')).default;
  const admin = new PgClient({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(databaseUrl).pathname.slice(1)}"`);
  await admin.end();
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  cleanups.push(() => db.$disconnect());

  const { address, clock, native, client } = await sandboxServer();
  const taskQueue = 'bench-sandbox';
  await runWorker(await createWorker({ connection: native, namespace: 'default', taskQueue, db }));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
  });
  const app = createApp({ db, temporal: client, clock, config, logger: createLogger('silent', 'bench') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;

  await ensureAdministrator(db, ADMIN.email, ADMIN.password);
  const login = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const token = ((await login.json()) as { token: string }).token;
  const employer = await db.organization.create({
    data: { type: 'EMPLOYER', name: 'ACI du benchmark', departement: '93', employerKind: 'ACI', createdAt: new Date() },
  });
  const personIds = Array.from({ length: COUNT }, () => randomUUID());
  await db.person.createMany({
    data: personIds.map((id, index) => ({
      id,
      createdAt: new Date(),
      firstName: 'Bench',
      lastName: `Personne${index}`,
      birthDate: '1980-01-01',
      identityKey: `bench|personne${index}|1980-01-01`,
      createdByOrganizationId: employer.id,
    })),
  });
  const on = today(clock);
  const issued = await runPool(COUNT, 8, async (index) => {
    const response = await fetch(`${baseUrl}/passes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ personId: personIds[index], employerId: employer.id, hiringStartDate: on }),
    });
    if (response.status !== 201) throw new Error(`POST /passes → ${response.status} ${await response.text()}`);
  });
  if (issued.failed) throw new Error(`${issued.failed} PASS non délivrés : ${issued.firstError}`);
  say(`${COUNT} parcours ouverts en ${(issued.elapsedMs / 1000).toFixed(1)} s ; avance de ${DAYS} jours…`);
  const ms = await timedAdvance(clock);
  const notifications = await db.notification.count({ where: { recipientOrganizationId: employer.id } });
  return { ms, notifications };
}

async function bareSide(): Promise<number> {
  const { clock, native, client } = await sandboxServer();
  const taskQueue = 'bench-sandbox-bare';
  await runWorker(
    await Worker.create({
      connection: native,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./sandbox-timers-workflow.ts', import.meta.url)),
    }),
  );
  const started = await runPool(COUNT, 16, async (index) => {
    await client.workflow.start('sandboxBenchTimers', { taskQueue, workflowId: `bench-timers-${index}` });
  });
  if (started.failed) throw new Error(`${started.failed} workflows non démarrés : ${started.firstError}`);
  say(`${COUNT} workflows à minuteurs nus ; avance de ${DAYS} jours…`);
  return timedAdvance(clock);
}

try {
  const parcours = await parcoursSide();
  const bare = await bareSide();
  console.log(`
  Avance de ${DAYS} jours en une fois (serveur de test à saut de temps), N = ${COUNT}
  ────────────────────────────────────────────────────────────
  parcours ouverts (worker, activités, PostgreSQL)   ${(parcours.ms / 1000).toFixed(1)} s  — ${parcours.notifications} notifications (attendu ${COUNT * 4})
  workflows à minuteurs nus                          ${(bare / 1000).toFixed(1)} s
`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
