// The parcours activities alone, on PostgreSQL: anonymization keeps a person who still has a
// parcours (docs/rules.md §5 retention), and keeps aggregates (birth year, commune) when it erases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parcoursActivities } from '../../activities/parcours.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function person() {
  return db.person.create({
    data: {
      createdAt: new Date(),
      firstName: 'Nadia',
      lastName: `Retention-${randomUUID()}`,
      birthDate: '1984-09-17',
      identityKey: randomUUID(),
      nir: null,
      email: 'nadia@example.org',
      phone: '0600000000',
      communeCode: '93066',
      createdByOrganizationId: randomUUID(),
    },
  });
}

async function pass(personId: string, number: string, waitingPeriodEnded: boolean) {
  await db.pass.create({
    data: {
      number,
      personId,
      employerId: randomUUID(),
      startDate: '2024-01-01',
      endDate: '2025-12-30',
      waitingPeriodEnded,
      expired: true,
      snapshot: {},
      version: 1,
    },
  });
}

it('a person with another parcours still in its waiting period is kept', async () => {
  const p = await person();
  await pass(p.id, '999991000001', true);
  await pass(p.id, '999991000002', false);
  const { anonymizePerson } = parcoursActivities(db, { publicUrl: 'http://localhost:3000' });
  expect(await anonymizePerson({ personId: p.id, passNumber: '999991000001' })).toBe('kept');
  expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).lastName).toBe(p.lastName);
});

it('a person with no parcours left is anonymized once, keeping birth year and commune', async () => {
  const p = await person();
  await pass(p.id, '999991000003', true);
  const { anonymizePerson } = parcoursActivities(db, { publicUrl: 'http://localhost:3000' });
  expect(await anonymizePerson({ personId: p.id, passNumber: '999991000003' })).toBe('anonymized');
  expect(await anonymizePerson({ personId: p.id, passNumber: '999991000003' })).toBe('anonymized'); // retried
  const after = await db.person.findUniqueOrThrow({ where: { id: p.id } });
  expect(after).toMatchObject({
    firstName: 'Anonyme',
    lastName: 'Anonyme',
    birthDate: '1984-01-01',
    nir: null,
    email: null,
    phone: null,
    communeCode: '93066',
  });
  expect(await db.auditEntry.count({ where: { action: 'person.anonymize', entityId: p.id } })).toBe(1);
});

it('the projection dates audit entries and notifications with workflow time, not the database clock', async () => {
  const { projectParcours } = parcoursActivities(db, { publicUrl: 'http://localhost:3000' });
  const number = '999998888801';
  const at = '2030-06-15T08:30:00.000Z';
  const employerId = randomUUID();
  const view = {
    passNumber: number,
    personId: (await person()).id,
    holdingEmployerId: employerId,
    start: '2030-06-15',
    end: '2032-06-13',
    cancelled: false,
    expired: false,
    waitingPeriodEnded: false,
    status: 'valid',
    version: 1,
    events: [{ on: '2030-06-15', kind: 'issued' }],
    suspensions: [],
  } as unknown as Parameters<typeof projectParcours>[0]['view'];
  const notices = [{ organizationId: employerId, subject: 'Sujet', body: 'Corps' }];
  await projectParcours({ view, action: 'parcours.issue', actedBy: null, notices, at });
  const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: number } });
  expect(audit.occurredAt.toISOString()).toBe(at);
  const notification = await db.notification.findFirstOrThrow({ where: { recipientOrganizationId: employerId } });
  expect(notification.createdAt.toISOString()).toBe(at);
});
