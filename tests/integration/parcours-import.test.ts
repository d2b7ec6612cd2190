// Take-over import of running PASS IAE (docs/decisions/025-take-over-import.md) on the Temporal dev
// server and PostgreSQL: ~50 generated lines through the API, each parcours running with the
// end date and reminders its history gives, persons and PASS projected; the same file again
// starts nothing (« déjà repris »); an import whose worker is killed (SIGKILL) half-way, then
// resumed by a new worker, ends with exactly N parcours, N PASS and N persons.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { today as clockToday } from '../../domain/clock.ts';
import { addDays } from '../../domain/dates.ts';
import { formatPassNumber } from '../../domain/pass/number.ts';
import { PARCOURS_IMPORT_COLUMNS } from '../../domain/parcours-import.ts';
import {
  generateEmployers,
  generateParcoursFile,
  type GeneratedEmployer,
} from '../../scripts/generate/parcours-file.ts';
import { systemClock } from '../../server/clock.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { storeParcoursImport } from '../../server/imports/parcours-import.ts';
import { workflowTaskBacklog } from '../../server/temporal/queue-room.ts';
import { parcoursStateQuery, parcoursWorkflowId } from '../../workflows/parcours/contract.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

const today = clockToday(systemClock);
/** PASS numbers of their own on the shared server: far above those the other tests allocate. */
const firstSequence = () => 6_000_000 + Math.floor(Math.random() * 3_000_000);

async function createEmployers(db: Db, employers: GeneratedEmployer[]) {
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
      createdAt: systemClock.now(),
    })),
  });
}

const cells = (line: string) =>
  Object.fromEntries(PARCOURS_IMPORT_COLUMNS.map((column, i) => [column, line.split(';')[i] ?? ''])) as Record<
    (typeof PARCOURS_IMPORT_COLUMNS)[number],
    string
  >;

describe('take-over import through the API', () => {
  let platform: TestPlatform;
  let api: ApiClient;
  let admin: string;
  const employers = generateEmployers(5, 41);
  const first = firstSequence();
  const generated = generateParcoursFile({ count: 50, today, seed: 7, firstSequence: first, employers });
  const lines = generated.csv.trim().split('\n').slice(1);
  const bad = [
    `${formatPassNumber(first + 100)};Sans;Employeur;1980-01-01;;;${addDays(today, -10)};${addDays(today, 719)};;;${employers[0]!.siret.slice(0, 13)}${(Number(employers[0]!.siret.at(-1)) + 1) % 10};ACI`,
    `123;Numéro;Faux;1980-01-01;;;${addDays(today, -10)};${addDays(today, 700)};;;${employers[0]!.siret};${employers[0]!.kind}`,
  ];
  const content = [generated.csv.trim(), ...bad, ''].join('\n');

  beforeAll(async () => {
    platform = await startTestPlatform();
    api = apiClient(platform.baseUrl);
    admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
    await createEmployers(platform.db, employers);
  });
  afterAll(() => platform?.stop());

  async function runImport(fileName: string) {
    const created = await api.post('/parcours-imports', { fileName, content }, admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (let attempt = 0; attempt < 300; attempt++) {
      const current = await api.get(`/parcours-imports/${created.body.id}`, admin);
      if (current.body.state === 'DONE' || current.body.state === 'FAILED')
        return { created: created.body, done: current.body };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('import not finished');
  }

  it('starts one parcours per valid line with the end date and reminders of its history, projects persons and PASS, reports the refused lines in French', async () => {
    const { created, done } = await runImport('reprise.csv');
    expect(created).toMatchObject({ totalRows: 50, errorCount: 2 });
    expect(done).toMatchObject({ state: 'DONE', processedRows: 50, startedCount: 50, alreadyCount: 0 });
    expect(done.report).toEqual([
      { line: 52, errors: [{ column: 'employerSiret', message: 'SIRET invalide (clé de contrôle incorrecte)' }] },
      {
        line: 53,
        errors: [{ column: 'passNumber', message: 'numéro de PASS IAE invalide : 12 chiffres commençant par 99999' }],
      },
    ]);

    const numbers = lines.map((line) => cells(line).passNumber);
    const passes = await platform.db.pass.findMany({ where: { number: { in: numbers } } });
    expect(passes).toHaveLength(50);
    expect(await platform.db.person.count()).toBe(50);
    const byNumber = new Map(passes.map((p) => [p.number, p]));
    for (const line of lines) {
      const c = cells(line);
      expect(byNumber.get(c.passNumber)).toMatchObject({ startDate: c.start, endDate: c.end, version: 1 });
    }

    // The workflows run, with the state of their history: a suspended and a prolonged one at least.
    const suspended = lines.map(cells).find((c) => c.suspensions)!;
    const prolonged = lines.map(cells).find((c) => c.prolongations) ?? cells(lines[0]!);
    for (const c of [suspended, prolonged, cells(lines[1]!)]) {
      const view = await platform.temporal.workflow
        .getHandle(parcoursWorkflowId(c.passNumber))
        .query(parcoursStateQuery, today);
      expect(view).toMatchObject({
        passNumber: c.passNumber,
        start: c.start,
        end: c.end,
        status: expect.any(String),
        version: 1,
      });
      expect(view.suspensions.map((s) => `${s.start}/${s.end}`).join(',')).toBe(c.suspensions);
      const left = Math.round((Date.parse(c.end) - Date.parse(today)) / 86_400_000);
      expect(view.remindedThresholds).toEqual([90, 30, 7].filter((d) => left < d));
    }
    const person = await platform.db.person.findFirstOrThrow({
      where: { lastName: suspended.lastName, birthDate: suspended.birthDate },
    });
    expect(person).toMatchObject({ firstName: suspended.firstName, nir: suspended.nir || null });

    // The platform's own numbers come after the ones taken over.
    const allocation = await platform.db.passNumberAllocation.create({
      data: { issuanceKey: `test:${randomBytes(4).toString('hex')}` },
    });
    expect(allocation.sequence).toBeGreaterThan(first + 49);
  });

  it('the same file again starts nothing: every line « déjà repris », no PASS or person added', async () => {
    const { done } = await runImport('reprise-bis.csv');
    expect(done).toMatchObject({ state: 'DONE', processedRows: 50, startedCount: 0, alreadyCount: 50 });
    expect(await platform.db.pass.count()).toBe(50);
    expect(await platform.db.person.count()).toBe(50);
    const list = await api.get('/parcours-imports', admin);
    expect(list.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['reprise-bis.csv', 'reprise.csv']);
  });

  it('back-pressure reads the real queue: workflows started where no worker polls show as its backlog', async () => {
    const queue = `unpolled-${randomBytes(4).toString('hex')}`;
    expect(await workflowTaskBacklog(platform.temporal, queue)).toBe(0);
    for (let i = 0; i < 5; i++)
      await platform.temporal.workflow.start('parcours', { workflowId: `${queue}-${i}`, taskQueue: queue, args: [] });
    let backlog = 0;
    for (let attempt = 0; attempt < 50 && backlog < 5; attempt++) {
      backlog = await workflowTaskBacklog(platform.temporal, queue);
      if (backlog < 5) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(backlog).toBe(5);
    for (let i = 0; i < 5; i++) await platform.temporal.workflow.getHandle(`${queue}-${i}`).terminate('test');
  });

  it('refuses a file without the expected header with a 400 and a French message', async () => {
    const response = await api.post('/parcours-imports', { fileName: 'x.csv', content: 'a;b\n1;2\n' }, admin);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('La première ligne doit nommer les colonnes passNumber;lastName'),
    });
  });
});

describe('take-over import killed half-way', () => {
  let database: TestDatabase;
  let db: Db;
  let connection: Connection;
  const workers: WorkerProcess[] = [];
  const taskQueue = `reprise-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    connection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
    await connection?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  it('SIGKILL of the worker in the middle of a chunk, then a new worker: exactly N parcours, N PASS, N persons', async () => {
    const temporal = new Client({ connection, namespace: 'default' });
    const employers = generateEmployers(3, 43);
    await createEmployers(db, employers);
    const N = 60;
    const generated = generateParcoursFile({ count: N, today, seed: 11, firstSequence: firstSequence(), employers });
    const numbers = generated.csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => cells(line).passNumber);
    const workerOptions = { databaseUrl: database.url, temporalAddress: inject('temporalAddress'), taskQueue };
    workers.push(await startWorkerProcess(workerOptions));

    // 15 starts a second: the one chunk of 60 lines takes 4 s, the kill lands inside it.
    const stored = await storeParcoursImport(
      { db, temporal, taskQueue },
      {
        fileName: 'reprise.csv',
        content: generated.csv,
        today,
        now: systemClock.now(),
        createdByUserId: null,
        actorOrganizationId: null,
        concurrency: 4,
        ratePerSecond: 15,
      },
    );
    if (!stored.ok) throw new Error(stored.message);
    const running = () =>
      temporal.workflow
        .count(`WorkflowType = 'parcours' AND TaskQueue = '${taskQueue}'`)
        .then((result) => Number(result.count));
    for (let attempt = 0; (await running()) < 10; attempt++) {
      if (attempt > 600) throw new Error('no parcours started');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await workers[0]!.kill('SIGKILL');
    const atKill = await db.parcoursImport.findUniqueOrThrow({ where: { id: stored.row.id } });
    expect(atKill.processedRows).toBe(0);
    expect(atKill.state).toBe('RUNNING');
    const startedBeforeKill = await running();
    expect(startedBeforeKill).toBeLessThan(N);

    workers.push(await startWorkerProcess(workerOptions));
    let done = atKill;
    for (let attempt = 0; done.state !== 'DONE'; attempt++) {
      if (attempt > 900 || done.state === 'FAILED') throw new Error(`import not done: ${JSON.stringify(done)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      done = await db.parcoursImport.findUniqueOrThrow({ where: { id: stored.row.id } });
    }
    expect(done.processedRows).toBe(N);
    expect(done.startedCount + done.alreadyCount).toBe(N);
    expect(done.alreadyCount).toBeGreaterThanOrEqual(startedBeforeKill);
    for (let attempt = 0; (await running()) !== N && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await running()).toBe(N);
    expect(await db.pass.count({ where: { number: { in: numbers } } })).toBe(N);
    expect(await db.person.count()).toBe(N);
    const statuses = await Promise.all(
      numbers.map(async (n) => (await temporal.workflow.getHandle(parcoursWorkflowId(n)).describe()).status.name),
    );
    expect(new Set(statuses)).toEqual(new Set(['RUNNING']));
  }, 300_000);
});
