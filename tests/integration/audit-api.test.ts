// The readable audit log (docs/rules.md §9): filters, server-side pagination, CSV, the scope of a
// département-scoped role, and every read of the log audited in turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { createMember, createOrganization } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let prefecture93: { token: string; organizationId: string; userId: string };
let ddets93: string;
let org93: string;
let org13: string;
let ddets93Id: string;

beforeAll(async () => {
  platform = await startTestPlatform({ clock: fixedClock('2027-03-15T10:00:00Z') });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const prefecture = await createOrganization(api, admin, {
    type: 'PREFECTURE',
    name: 'Préfecture 93',
    departement: '93',
  });
  const member = await createMember(api, admin, prefecture.id, 'prefecture93');
  prefecture93 = { token: member.token, organizationId: prefecture.id, userId: member.id };
  const ddets = await createOrganization(api, admin, { type: 'DDETS', name: 'DDETS 93', departement: '93' });
  ddets93Id = ddets.id;
  ddets93 = (await createMember(api, admin, ddets.id, 'ddets93')).token;
  org93 = (
    await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'PLIE 93',
      departement: '93',
      prescriberKind: 'PLIE',
    })
  ).id;
  org13 = (
    await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'PLIE 13',
      departement: '13',
      prescriberKind: 'PLIE',
    })
  ).id;
  // 120 entries written by the 93 prefecture over three days, 5 by the 13 organization.
  await platform.db.auditEntry.createMany({
    data: [
      ...Array.from({ length: 120 }, (_, index) => ({
        key: `test:${index}`,
        action: index % 2 ? 'accreditation.approve' : 'accreditation.reject',
        entityType: 'AccreditationRequest',
        entityId: `req-${index % 10}`,
        actorUserId: prefecture93.userId,
        actorOrganizationId: prefecture93.organizationId,
        // 2027-03-10, 11 and 12 at noon Paris time.
        occurredAt: new Date(Date.UTC(2027, 2, 10 + (index % 3), 11, 0, index % 60)),
      })),
      ...Array.from({ length: 5 }, (_, index) => ({
        key: `test:13:${index}`,
        action: 'person.read',
        entityType: 'Person',
        entityId: `p-${index}`,
        actorOrganizationId: org13,
        occurredAt: new Date(Date.UTC(2027, 2, 11, 11)),
      })),
    ],
  });
});
afterAll(() => platform?.stop());

describe('GET /audit', () => {
  it('an administrator reads every entry, 50 per page, newest first', async () => {
    const first = await api.get('/audit?entityType=AccreditationRequest', admin);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 50, total: 120, pageCount: 3, scope: 'national' });
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0].occurredAt >= first.body.items[49].occurredAt).toBe(true);
    expect(first.body.items[0]).toMatchObject({
      actor: { id: prefecture93.userId, email: expect.stringContaining('prefecture93') },
      organization: { id: prefecture93.organizationId, name: 'Préfecture 93', departement: '93' },
    });
    const last = await api.get('/audit?entityType=AccreditationRequest&page=3', admin);
    expect(last.body.items).toHaveLength(20);
    const ids = new Set([...first.body.items, ...last.body.items].map((entry: { id: string }) => entry.id));
    expect(ids.size).toBe(70);
    expect((await api.get('/audit?entityType=Person', admin)).body.total).toBe(5);
  });

  it('filters by actor, organization, entity and Paris days (both ends included)', async () => {
    const byEntity = await api.get('/audit?entityType=AccreditationRequest&entityId=req-3', admin);
    expect(byEntity.body.total).toBe(12);
    const byDay = await api.get('/audit?entityType=AccreditationRequest&from=2027-03-11&to=2027-03-11', admin);
    expect(byDay.body.total).toBe(40);
    const byActor = await api.get(
      `/audit?actor=${prefecture93.userId}&entityType=AccreditationRequest&from=2027-03-11`,
      admin,
    );
    expect(byActor.body.total).toBe(80);
    const byOrganization = await api.get(`/audit?organization=${org13}`, admin);
    expect(byOrganization.body.total).toBe(5);
    const blank = await api.get('/audit?entityType=&entityId=&actor=&from=&to=&entityType=Person', admin);
    expect([200, 400]).toContain(blank.status);
    expect((await api.get('/audit?from=15/03/2027', admin)).status).toBe(400);
    expect((await api.get('/audit?actor=quelqu-un', admin)).status).toBe(400);
  });

  it("a prefecture agent and a DDETS read their département's entries only", async () => {
    const prefecture = await api.get('/audit?entityType=Person', prefecture93.token);
    expect(prefecture.status).toBe(200);
    expect(prefecture.body.total).toBe(0);
    expect(prefecture.body.scope).toBe('departement:93');
    const all = await api.get('/audit', ddets93);
    expect(all.status).toBe(200);
    // Written by an organization of the 93, or about one (created by the administrator).
    type Entry = { entityType: string; entityId: string; organization: { departement: string } | null };
    const ids93 = new Set([org93, prefecture93.organizationId, ddets93Id]);
    expect(all.body.total).toBeGreaterThan(120);
    for (const entry of all.body.items as Entry[]) {
      expect(
        entry.organization?.departement === '93' || (entry.entityType === 'Organization' && ids93.has(entry.entityId)),
      ).toBe(true);
    }
    // The creation of the 93 prescriber (by the administrator) is about an organization of the département.
    const aboutOrganization = await api.get(`/audit?entityType=Organization&entityId=${org93}`, ddets93);
    expect(aboutOrganization.body.total).toBe(1);
    expect((await api.get(`/audit?entityType=Organization&entityId=${org13}`, ddets93)).body.total).toBe(0);
  });

  it('other roles may not read it', async () => {
    const prescriber = await createMember(api, admin, org93, 'plie93');
    expect((await api.get('/audit', prescriber.token)).status).toBe(403);
    expect((await api.get('/audit')).status).toBe(401);
  });

  it('the CSV holds the filtered entries, and every read of the log is audited', async () => {
    const before = await platform.db.auditEntry.count({
      where: { action: 'audit.read', actorUserId: prefecture93.userId },
    });
    const response = await fetch(`${platform.baseUrl}/api/v1/audit.csv?entityId=req-3`, {
      headers: { authorization: `Bearer ${prefecture93.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('journal-departement-93-2027-03-15.csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe("Date,Action,Type d'objet,Identifiant de l'objet,Auteur,E-mail,Organisation,Détails");
    expect(lines).toHaveLength(13);
    await api.get('/audit?page=2', prefecture93.token);
    const reads = await platform.db.auditEntry.findMany({
      where: { action: 'audit.read', actorUserId: prefecture93.userId },
      orderBy: { id: 'asc' },
    });
    expect(reads.length - before).toBe(2);
    expect(reads.at(-2)).toMatchObject({
      entityType: 'AuditLog',
      entityId: 'departement:93',
      details: { format: 'csv', entityId: 'req-3', count: 12 },
    });
    expect(reads.at(-1)).toMatchObject({ details: { format: 'page', page: 2 } });
  });
});
