// The sandbox (docs/rules.md §12) on a real time-skipping test server process, a real worker
// and the API on the sandbox clock: reading and advancing the clock, who may, the bounds, and
// that workflow deadlines and every date written follow the one simulated clock.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { today } from '../../domain/clock.ts';
import { addDays, parisDateOf } from '../../domain/dates.ts';
import { systemClock } from '../../server/clock.ts';
import { createLogger } from '../../server/logger.ts';
import type { SandboxClock } from '../../server/sandbox/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { TEST_ADMIN, type TestPlatform } from '../support/platform.ts';
import { startSandboxPlatform, type SandboxPlatform } from '../support/sandbox-platform.ts';

let sandbox: SandboxPlatform;
let clock: SandboxClock;
let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let employer: { id: string; token: string };
let trainer: string;

beforeAll(async () => {
  sandbox = await startSandboxPlatform();
  ({ platform, clock } = sandbox);
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const organization = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name: 'ACI du bac à sable',
    departement: '93',
    employerKind: 'ACI',
    siret: newSiret(),
  });
  employer = { id: organization.id, token: (await createMember(api, admin, organization.id, 'employeur')).token };
  const trainerMember = await createMember(api, admin, organization.id, 'formateur');
  await platform.db.user.update({ where: { id: trainerMember.id }, data: { isTrainer: true } });
  trainer = trainerMember.token;
}, 240_000);

afterAll(() => sandbox?.stop());

describe('sandbox clock', () => {
  it('GET /sandbox/clock gives the simulated day and instant, and who may advance', async () => {
    const anonymous = await api.get('/sandbox/clock');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ today: today(clock), canAdvance: false });
    expect(Math.abs(Date.parse(anonymous.body.now) - clock.now().getTime())).toBeLessThan(5_000);
    expect((await api.get('/sandbox/clock', trainer)).body.canAdvance).toBe(true);
    expect((await api.get('/sandbox/clock', admin)).body.canAdvance).toBe(true);
    expect((await api.get('/sandbox/clock', employer.token)).body.canAdvance).toBe(false);
    // The web's "today" (every page) comes from GET /clock, the same clock.
    expect((await api.get('/clock', trainer)).body).toMatchObject({
      today: today(clock),
      sandbox: true,
      canAdvance: true,
    });
  });

  it('advance takes 1 to 800 days, from a trainer or an administrator only', async () => {
    for (const days of [0, 801, 1.5, '3']) {
      expect((await api.post('/sandbox/advance', { days }, trainer)).status).toBe(400);
    }
    expect((await api.post('/sandbox/advance', { days: 1 }, employer.token)).status).toBe(403);
    expect((await api.post('/sandbox/advance', { days: 1 })).status).toBe(401);
  });

  it('outside the sandbox every /sandbox path answers 404', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = createApp({
      db: platform.db,
      temporal: platform.temporal,
      clock: systemClock,
      config,
      logger: createLogger('silent', 'test'),
    });
    const listening = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    const plain = apiClient(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`);
    try {
      expect((await plain.get('/sandbox/clock')).status).toBe(404);
      expect((await plain.post('/sandbox/advance', { days: 1 }, admin)).status).toBe(404);
      expect((await plain.post('/sandbox/advance', { days: 0 })).status).toBe(404);
      expect((await plain.get('/clock', admin)).body).toMatchObject({ sandbox: false, canAdvance: false });
    } finally {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
    }
  });
});

describe('a PASS lived through the sandbox', () => {
  let number: string;
  let start: string;
  const reminders = () =>
    platform.db.notification.findMany({
      where: { recipientOrganizationId: employer.id, subject: { contains: 'prend fin dans' } },
      orderBy: { createdAt: 'asc' },
    });

  /** Advances through the API, then checks that every row written meanwhile carries the simulated date. */
  async function advance(days: number) {
    const before = today(clock);
    const [auditBefore, notificationsBefore] = await Promise.all([
      platform.db.auditEntry.findMany({ select: { id: true } }),
      platform.db.notification.findMany({ select: { id: true } }),
    ]);
    const response = await api.post('/sandbox/advance', { days }, trainer);
    expect(response.status).toBe(200);
    expect(response.body.today).toBe(addDays(before, days));
    expect(today(clock)).toBe(response.body.today);
    const [audit, notifications] = await Promise.all([
      platform.db.auditEntry.findMany({ where: { id: { notIn: auditBefore.map((row) => row.id) } } }),
      platform.db.notification.findMany({ where: { id: { notIn: notificationsBefore.map((row) => row.id) } } }),
    ]);
    const machineDay = today(systemClock);
    for (const row of [
      ...audit.map((row) => ({ what: row.action, at: row.occurredAt })),
      ...notifications.map((row) => ({ what: row.subject, at: row.createdAt })),
    ]) {
      const day = parisDateOf(row.at);
      expect(day > before && day <= response.body.today, `${row.what} on ${day}`).toBe(true);
      expect(day).not.toBe(machineDay);
    }
    expect(audit.some((row) => row.action === 'sandbox.advance')).toBe(true);
    return { today: response.body.today as string, audit, notifications };
  }

  beforeAll(async () => {
    const person = await api.post(
      '/persons',
      { firstName: 'Léa', lastName: 'Bacasable', birthDate: '1990-05-06' },
      employer.token,
    );
    start = today(clock);
    const pass = await api.post(
      '/passes',
      { personId: person.body.id, employerId: employer.id, hiringStartDate: start },
      admin,
    );
    expect(pass.status).toBe(201);
    number = pass.body.passNumber;
    expect(pass.body.end).toBe(addDays(start, 729));
    // A job description too: its 90-day workflow writes a notice and a deactivation on the way.
    const job = await api.post(
      `/employers/${employer.id}/job-descriptions`,
      { romeCode: 'A1203', title: 'Maraîcher', contractType: 'CDDI', openPositions: 2, hoursPerWeek: 26 },
      employer.token,
    );
    expect(job.status, JSON.stringify(job.body)).toBe(201);
  });

  it('90, 30 and 7 days before the end: one reminder each, never twice', async () => {
    const end = addDays(start, 729);
    const first = await advance(639); // end − 90
    expect(first.audit.map((row) => row.action)).toContain('jobDescription.deactivate');
    expect((await reminders()).map((row) => parisDateOf(row.createdAt))).toEqual([addDays(end, -90)]);
    await advance(60); // end − 30
    await advance(23); // end − 7
    await advance(1);
    const sent = await reminders();
    expect(sent.map((row) => parisDateOf(row.createdAt))).toEqual([
      addDays(end, -90),
      addDays(end, -30),
      addDays(end, -7),
    ]);
  }, 120_000);

  it('past the end the API shows the PASS expired, as of the simulated day', async () => {
    await advance(8);
    const pass = await api.get(`/passes/${number}`, employer.token);
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({ status: 'expired', remainingDays: 0 });
    const expiry = await platform.db.notification.findFirst({
      where: { recipientOrganizationId: employer.id, subject: { contains: 'a expiré' } },
    });
    expect(expiry && parisDateOf(expiry.createdAt)).toBe(addDays(start, 730));
    expect(await reminders()).toHaveLength(3);
  }, 120_000);
});
