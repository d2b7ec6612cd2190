// The faults of issue 10, each played against a running FaultStack; each returns one row of
// the table `npm run faults` prints (docs/decisions/014-faults.md says what each rests on).
import { setTimeout as sleep } from 'node:timers/promises';
import { runPool } from '../bench/support.ts';
import { accept, apiOf, prepareApplication, Recorder, uniqueName, untilServed, type Api } from './api.ts';
import { countHires } from './check-hires.ts';
import { runProbeTimers } from './probe/run.ts';
import type { FaultStack } from './stack.ts';

export interface FaultRow {
  fault: string;
  operations: number;
  lost: number;
  doubled: number;
  /** 5xx answers other than a well-shaped 503, and calls that got no answer. */
  errors: number;
  unavailable: number;
  latencies: number[];
  note: string;
}

const PRESCRIBER = 'prescripteur@demo.inclusion.localhost';
const EMPLOYER = 'employeur@demo.inclusion.localhost';
const DEMO_PASSWORD = 'Demo-inclusion-2026';

async function demoActors(api: Api) {
  const prescriber = await api.token(PRESCRIBER, DEMO_PASSWORD);
  const employer = await api.token(EMPLOYER, DEMO_PASSWORD);
  const me = await api.get('/me', employer);
  return { prescriber, employer, employerId: me.body.membership.organization.id as string };
}

async function prepare(api: Api, count: number) {
  const { prescriber, employer, employerId } = await demoActors(api);
  const prepared: { personId: string; applicationId: string }[] = [];
  const pool = await runPool(count, 8, async () => {
    prepared.push(await prepareApplication(api, prescriber, employerId));
  });
  if (pool.failed) throw new Error(`préparation : ${pool.failed} échecs, ex. ${pool.firstError}`);
  return { employer, prepared };
}

/** Polls until every hire is complete (or the limit), then gives the final count. */
async function settledHires(stack: FaultStack, hires: { personId: string; applicationId: string }[]) {
  const deadline = Date.now() + 180_000;
  let count = await countHires(stack.db, hires);
  while (count.lost > 0 && Date.now() < deadline) {
    await sleep(2000);
    count = await countHires(stack.db, hires);
  }
  return count;
}

function row(
  fault: string,
  recorder: Recorder,
  counts: { lost: number; doubled: number },
  operations: number,
  note: string,
): FaultRow {
  return {
    fault,
    operations,
    lost: counts.lost,
    doubled: counts.doubled,
    errors: recorder.failures.length,
    unavailable: recorder.count((status) => status === 503),
    latencies: [...recorder.latencies].sort((a, b) => a - b),
    note,
  };
}

/** kill -9 of the worker while `count` hires are in flight, then a new worker. */
export async function workerKill(stack: FaultStack, count = 200): Promise<FaultRow> {
  const recorder = new Recorder();
  const api = apiOf(stack.baseUrl, recorder);
  const { employer, prepared } = await prepare(api, count);
  const answers = Promise.all(prepared.map(({ applicationId }) => accept(api, employer, applicationId)));
  await sleep(1500);
  await stack.killWorkers('SIGKILL');
  await sleep(2000);
  await stack.startWorker();
  const accepted = (await answers).filter((answer) => answer.status === 200).length;
  const counts = await settledHires(stack, prepared);
  return row(
    'worker tué (kill -9) pendant les embauches',
    recorder,
    counts,
    count,
    `${accepted}/${count} réponses 200`,
  );
}

/** The Temporal server stopped and restarted (data kept) while timers are pending. */
export async function temporalRestart(stack: FaultStack, count = 200): Promise<FaultRow> {
  const recorder = new Recorder();
  const result = await runProbeTimers(stack, count, async () => {
    await stack.stopTemporal();
    await sleep(10_000);
    await stack.startTemporal();
  });
  return row(
    'serveur Temporal arrêté puis relancé',
    recorder,
    result,
    count,
    `${result.fired}/${count} minuteurs déclenchés`,
  );
}

/** PostgreSQL stopped for `outageSeconds` under traffic: 503s, then everything finishes. */
export async function postgresOutage(stack: FaultStack, outageSeconds = 30): Promise<FaultRow> {
  const recorder = new Recorder();
  const api = apiOf(stack.baseUrl, recorder);
  const { employer, prepared } = await prepare(api, 60);
  const { prescriber } = await demoActors(api);
  let stop = false;
  // Traffic: reads of persons and searches, and the 60 hires, spread over the outage.
  const readers = Array.from({ length: 8 }, async () => {
    while (!stop) {
      await api.get('/persons?q=test', prescriber);
      await api.get('/employers?departement=93');
      await sleep(100);
    }
  });
  const hires = prepared.map(async ({ applicationId }, index) => {
    await sleep(index * 1000); // one a second: before, during and after the outage
    return accept(api, employer, applicationId);
  });
  await sleep(10_000);
  await stack.stopPostgres();
  await sleep(outageSeconds * 1000);
  await stack.startPostgres();
  const answers = await Promise.all(hires);
  const accepted = answers.filter((answer) => answer.status === 200).length;
  const others = answers.filter((answer) => answer.status !== 200).map((a) => `${a.status} ${a.body?.error?.code}`);
  stop = true;
  await Promise.all(readers);
  const counts = await settledHires(stack, prepared);
  return row(
    `PostgreSQL arrêté ${outageSeconds} s sous trafic`,
    recorder,
    counts,
    recorder.latencies.length,
    `${accepted}/${prepared.length} embauches 200${others.length ? ` (autres : ${others.join(', ')})` : ''} ; max ${Math.round(Math.max(...recorder.latencies) / 1000)} s`,
  );
}

/**
 * `users` users at once for `seconds`, mixed reads and writes; every answer must be for its
 * own caller: /me names the caller, a person read back is the one this user registered.
 */
export async function concurrentUsers(
  baseUrl: string,
  admin: { email: string; password: string },
  users = 50,
  seconds = 60,
) {
  const recorder = new Recorder();
  const api = apiOf(baseUrl, recorder);
  const adminToken = await api.token(admin.email, admin.password);
  const prescriberToken = await api.token(PRESCRIBER, DEMO_PASSWORD);
  const organizationId = (await api.get('/me', prescriberToken)).body.membership.organization.id as string;
  const password = 'Mot-de-passe-charge-2026';
  const accounts = await Promise.all(
    Array.from({ length: users }, async (_, index) => {
      const email = `charge-${index}-${uniqueName()}@faults.inclusion.localhost`;
      const created = await api.post(
        '/users',
        { email, password, firstName: 'Charge', lastName: `Utilisateur ${index}`, organizationId },
        adminToken,
      );
      if (created.status !== 201) throw new Error(`POST /users → ${created.status} ${JSON.stringify(created.body)}`);
      return { email, token: await api.token(email, password) };
    }),
  );
  let mixedUp = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    accounts.map(async ({ email, token }) => {
      while (Date.now() < until) {
        const me = await api.get('/me', token);
        if (me.status === 200 && me.body.user.email !== email) mixedUp += 1;
        const lastName = `Charge ${uniqueName()}`;
        const created = await untilServed(() =>
          api.post('/persons', { firstName: 'Lou', lastName, birthDate: '1991-07-08' }, token),
        );
        if (created.status === 201) {
          const read = await api.get(`/persons/${created.body.id}`, token);
          if (read.status !== 200 || read.body.lastName !== lastName) mixedUp += 1;
        }
        await api.get(`/persons?q=${encodeURIComponent(lastName)}`, token);
        await api.get('/employers?departement=93&page=1');
        await api.get('/notifications', token);
      }
    }),
  );
  return row(
    `${users} utilisateurs simultanés pendant ${seconds} s`,
    recorder,
    { lost: 0, doubled: mixedUp },
    recorder.latencies.length,
    `${mixedUp} réponses à un autre appelant`,
  );
}
