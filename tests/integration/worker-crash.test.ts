// Killing the worker in the middle of an update and restarting it loses nothing and duplicates
// nothing. The worker runs as a child process (SIGKILL: no graceful shutdown, its open
// PostgreSQL transaction dies with it); the API runs in this process, without a worker of its
// own. A test-held lock on "Pass" (EXCLUSIVE mode: plain reads pass, writes wait) blocks the
// suspension's projection inside the activity, so the kill lands while the update is in
// flight, deterministically.
//
// Timing: the activity has no heartbeat, so the server only notices the dead worker's attempt
// when its startToClose timeout (30 s, workflows/parcours/workflow.ts) expires; then the retry
// runs on the new worker, and the next workflow task waits out the dead worker's sticky queue
// (≈10 s) before going to the normal queue. Expect ≈ 45 s for the update to complete.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { today } from '../../domain/clock.ts';
import { addDays } from '../../domain/dates.ts';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { createLogger } from '../../server/logger.ts';
import { parcoursStateQuery, parcoursWorkflowId } from '../../workflows/parcours/contract.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient, type ApiResponse } from '../support/http.ts';
import { TEST_ADMIN } from '../support/platform.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

const on = today(systemClock);
const taskQueue = `crash-${randomBytes(4).toString('hex')}`;
let database: TestDatabase;
let db: Db;
let connection: Connection;
let temporal: Client;
let server: Server;
let api: ApiClient;
const workers: WorkerProcess[] = [];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const address = inject('temporalAddress');
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  db = createDb(database.url);
  await ensureAdministrator(db, TEST_ADMIN.email, TEST_ADMIN.password);
  connection = await Connection.connect({ address });
  temporal = new Client({ connection, namespace: 'default' });
  const app = createApp({ db, temporal, clock: systemClock, config, logger: createLogger(config.LOG_LEVEL, 'test') });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  api = apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  workers.push(await startWorkerProcess({ databaseUrl: database.url, temporalAddress: address, taskQueue }));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await connection?.close();
  await db?.$disconnect();
  await database?.drop();
});

describe('worker crash in the middle of an update', () => {
  it('SIGKILL while the suspension is being projected, then a new worker: one suspension, one audit entry, same result', async () => {
    const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
    const aci = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'ACI crash',
      departement: '93',
      employerKind: 'ACI',
      siret: newSiret(),
    });
    const staff = await createMember(api, admin, aci.id, 'aci');
    const person = await api.post(
      '/persons',
      { firstName: 'Camille', lastName: 'Panne', birthDate: '1984-06-15' },
      staff.token,
    );
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const issued = await api.post(
      '/passes',
      { personId: person.body.id, employerId: aci.id, hiringStartDate: on },
      admin,
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const number: string = issued.body.passNumber;
    expect(issued.body.end).toBe(addDays(on, 729));

    // Writes to "Pass" wait on this lock; the API's reads of the PASS do not.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Pass" IN EXCLUSIVE MODE');

    let settled = false;
    const suspension: Promise<ApiResponse> = api
      .post(
        `/passes/${number}/suspensions`,
        { startDate: on, endDate: addDays(on, 19), reason: 'CONTRAT_ROMPU' },
        staff.token,
      )
      .finally(() => {
        settled = true;
      });

    // Nothing may stay unhandled if an assertion below fails first.
    suspension.catch(() => undefined);

    try {
      // The first worker's activity is inside its transaction, its write to "Pass" waiting for
      // the lock (seen in pg_locks: pg_stat_activity may not show the statement yet).
      await waitFor(
        'the projection to block on the lock',
        async () => {
          const { rows } = await locker.query<{ pid: number }>(
            `SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
              WHERE c.relname = 'Pass' AND NOT l.granted AND l.pid <> pg_backend_pid()`,
          );
          return rows[0];
        },
        30_000,
      );
      expect(settled).toBe(false);

      const crashed = workers[0]!;
      expect(await crashed.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      expect(settled).toBe(false);
    } finally {
      await locker.query('COMMIT').catch(() => undefined);
      await locker.end();
    }

    const startedAt = Date.now();
    workers.push(
      await startWorkerProcess({ databaseUrl: database.url, temporalAddress: inject('temporalAddress'), taskQueue }),
    );

    // The original HTTP call completes once the retried activity has run on the new worker.
    const response = await suspension;
    const waitedMs = Date.now() - startedAt;
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ status: 'suspended', end: addDays(on, 749) });
    expect(response.body.suspensions).toHaveLength(1);
    console.info(`suspension answered ${Math.round(waitedMs / 1000)} s after the new worker started`);

    // The workflow view: exactly one suspension, the one the HTTP call returned.
    const handle = temporal.workflow.getHandle(parcoursWorkflowId(number));
    const view = await handle.query(parcoursStateQuery, on);
    expect(view.suspensions).toHaveLength(1);
    expect(view.suspensions[0]!.id).toBe(response.body.suspensions[0].id);
    expect(view).toMatchObject({ end: addDays(on, 749), version: 3 });

    // The read model: the moved end date, at the workflow's version.
    const row = await db.pass.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ endDate: addDays(on, 749), version: 3 });
    expect((row.snapshot as { suspensions: unknown[] }).suspensions).toHaveLength(1);

    // The audit log: one entry per action, no duplicate.
    const audit = await db.auditEntry.findMany({ where: { entityId: number }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['parcours.issue', 'parcours.suspend']);

    // Notifications: a suspension sends none, and nothing was written twice.
    expect(await db.notification.count({ where: { key: { startsWith: `${parcoursWorkflowId(number)}:` } } })).toBe(0);
    const duplicates = await db.$queryRaw<unknown[]>`
      SELECT "recipientOrganizationId", subject, body FROM "Notification"
       GROUP BY 1, 2, 3 HAVING count(*) > 1`;
    expect(duplicates).toEqual([]);

    // The history shows what happened: one suspend update; its projection, a local activity
    // (decision 026), recorded once as a marker by the new worker after the first worker's
    // workflow task timed out with it.
    const events = (await handle.fetchHistory()).events ?? [];
    const accepted = events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest?.input?.name)).toEqual(
      ['sync', 'suspend'],
    );
    expect(events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes)).toHaveLength(2);
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(0);
    const projections = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
    expect(projections).toHaveLength(2); // the issue and the suspension, once each
    expect(events.filter((e) => e.workflowTaskTimedOutEventAttributes).length).toBeGreaterThanOrEqual(1);

    // Read back through the API after the restart: the same single suspension.
    const again = await api.get(`/passes/${number}`, staff.token);
    expect(again.body).toMatchObject({ end: addDays(on, 749), status: 'suspended' });
    expect(again.body.suspensions).toHaveLength(1);
  }, 240_000);

  it('SIGKILL in the middle of a hire, then a new worker: the application is accepted with one PASS, never one without the other', async () => {
    const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
    const aci = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'ACI embauche interrompue',
      departement: '93',
      employerKind: 'ACI',
      siret: newSiret(),
    });
    const prescriberOrganization = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'France Travail crash',
      departement: '93',
      prescriberKind: 'FRANCE_TRAVAIL',
    });
    const staff = await createMember(api, admin, aci.id, 'aci-hire');
    const prescriber = await createMember(api, admin, prescriberOrganization.id, 'ft-hire');
    const person = await api.post(
      '/persons',
      { firstName: 'Dominique', lastName: 'Interrompue', birthDate: '1979-10-01' },
      prescriber.token,
    );
    await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['AAH'] }, prescriber.token);
    const sent = await api.post('/applications', { personId: person.body.id, employerId: aci.id }, prescriber.token);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    // The new parcours cannot project its PASS: the hire stops between the issuance and the acceptance.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Pass" IN EXCLUSIVE MODE');
    const hire: Promise<ApiResponse> = api.post(
      `/applications/${sent.body.id}/accept`,
      { hiringStartDate: on },
      staff.token,
    );
    hire.catch(() => undefined);
    try {
      await waitFor(
        'the PASS projection to block on the lock',
        async () => {
          const { rows } = await locker.query<{ pid: number }>(
            `SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
              WHERE c.relname = 'Pass' AND NOT l.granted AND l.pid <> pg_backend_pid()`,
          );
          return rows[0];
        },
        30_000,
      );
      // Mid-hire: a number is allocated, the application is not accepted yet.
      expect(await db.passNumberAllocation.count({ where: { personId: person.body.id } })).toBe(1);
      expect((await db.application.findUniqueOrThrow({ where: { id: sent.body.id } })).state).toBe('new');
      expect(await workers.at(-1)!.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await locker.query('COMMIT').catch(() => undefined);
      await locker.end();
    }
    workers.push(
      await startWorkerProcess({ databaseUrl: database.url, temporalAddress: inject('temporalAddress'), taskQueue }),
    );

    const response = await hire;
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ state: 'accepted', pass: { startDate: on, endDate: addDays(on, 729) } });
    const passes = await db.pass.findMany({ where: { personId: person.body.id } });
    expect(passes.map((p) => p.number)).toEqual([response.body.pass.number]);
    expect(await db.passNumberAllocation.count({ where: { personId: person.body.id } })).toBe(1);
    const application = await db.application.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(application).toMatchObject({ state: 'accepted', passNumber: response.body.pass.number });
    const accepts = await db.applicationTransition.count({
      where: { applicationId: sent.body.id, transition: 'accept' },
    });
    expect(accepts).toBe(1);
  }, 240_000);
});
