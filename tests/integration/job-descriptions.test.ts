// Job descriptions through the API on the Temporal dev server + PostgreSQL (docs/rules.md §3): French
// validation errors, only the employer's staff manage them, every change reaches the job
// description's workflow; the deadline activity is idempotent against PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { fixedClock } from '../../domain/clock.ts';
import { jobDescriptionStateQuery, jobDescriptionWorkflowId } from '../../workflows/job-description/contract.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const clock = fixedClock('2027-03-15T10:00:00Z');
let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let employer: { id: string; token: string };
let otherEmployer: { id: string; token: string };

async function newEmployer(name: string) {
  const organization = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name,
    departement: '93',
    employerKind: 'ACI',
    siret: newSiret(),
    communeCode: '93008',
  });
  return { id: organization.id, token: (await createMember(api, admin, organization.id, 'staff')).token };
}

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  employer = await newEmployer('Jardins du Canal');
  otherEmployer = await newEmployer('Recyclerie voisine');
});
afterAll(() => platform?.stop());

const job = (overrides: Record<string, unknown> = {}) => ({
  romeCode: 'A1203',
  title: 'Ouvrier / Ouvrière en espaces verts',
  contractType: 'CDDI',
  openPositions: 4,
  hoursPerWeek: 26,
  ...overrides,
});
const patch = (id: string, body: unknown, token: string) =>
  api.call('PATCH', `/job-descriptions/${id}`, { body, token });

async function workflowView(id: string) {
  return platform.temporal.workflow.getHandle(jobDescriptionWorkflowId(id)).query(jobDescriptionStateQuery);
}

describe('job descriptions API', () => {
  it('an employer creates a job description (201); its workflow counts 90 days from today', async () => {
    const created = await api.post(`/employers/${employer.id}/job-descriptions`, job(), employer.token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      employerId: employer.id,
      romeCode: 'A1203',
      recruitmentOpen: true,
      lastUpdatedOn: '2027-03-15',
      communeCode: '93008',
      deactivatedOn: null,
    });
    expect(await workflowView(created.body.id)).toMatchObject({ lastUpdatedOn: '2027-03-15', recruitmentOpen: true });
    const list = await api.get(`/employers/${employer.id}/job-descriptions`, employer.token);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('invalid fields are refused with French messages per field (400) and nothing is written', async () => {
    const before = await platform.db.jobDescription.count();
    const refused = await api.post(
      `/employers/${employer.id}/job-descriptions`,
      job({ romeCode: '12345', contractType: 'CDX', openPositions: -1, title: ' ' }),
      employer.token,
    );
    expect(refused.status).toBe(400);
    const byPath = Object.fromEntries(
      refused.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath['body.romeCode']).toMatch(/code ROME invalide/);
    expect(byPath['body.contractType']).toMatch(/type de contrat inconnu/);
    expect(byPath['body.openPositions']).toMatch(/entier positif ou nul/);
    expect(byPath['body.title']).toMatch(/intitulé/);
    expect(await platform.db.jobDescription.count()).toBe(before);
  });

  it('more than 48 hours a week is refused, on creation and on update', async () => {
    const refused = await api.post(
      `/employers/${employer.id}/job-descriptions`,
      job({ hoursPerWeek: 49 }),
      employer.token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({
      path: 'body.hoursPerWeek',
      message: expect.stringMatching(/entre 1 et 48/),
    });
    const created = await api.post(
      `/employers/${employer.id}/job-descriptions`,
      job({ hoursPerWeek: 48 }),
      employer.token,
    );
    expect(created.status).toBe(201);
    expect((await patch(created.body.id, { hoursPerWeek: 50 }, employer.token)).status).toBe(400);
    expect((await platform.db.jobDescription.findUniqueOrThrow({ where: { id: created.body.id } })).hoursPerWeek).toBe(
      48,
    );
  });

  it("only the employer's staff (or an administrator) may create, update and list its job descriptions (403)", async () => {
    const created = await api.post(`/employers/${employer.id}/job-descriptions`, job(), employer.token);
    expect((await api.post(`/employers/${employer.id}/job-descriptions`, job(), otherEmployer.token)).status).toBe(403);
    const refused = await patch(created.body.id, { openPositions: 0 }, otherEmployer.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/membres de cet employeur/);
    expect((await api.get(`/employers/${employer.id}/job-descriptions`, otherEmployer.token)).status).toBe(403);
    const prescriberOrg = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'France Travail Bobigny',
      departement: '93',
      prescriberKind: 'FRANCE_TRAVAIL',
    });
    const prescriber = await createMember(api, admin, prescriberOrg.id, 'ft');
    expect((await api.post(`/employers/${employer.id}/job-descriptions`, job(), prescriber.token)).status).toBe(403);
    expect((await patch(created.body.id, { openPositions: 9 }, admin)).status).toBe(200);
    expect((await platform.db.jobDescription.findUniqueOrThrow({ where: { id: created.body.id } })).openPositions).toBe(
      9,
    );
  });

  it('unknown employer or job description: 404 in French', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const noEmployer = await api.post(`/employers/${missing}/job-descriptions`, job(), admin);
    expect(noEmployer.status).toBe(404);
    expect(noEmployer.body.error.message).toBe('Employeur introuvable.');
    const noJob = await patch(missing, { openPositions: 1 }, employer.token);
    expect(noJob.status).toBe(404);
    expect(noJob.body.error.message).toBe('Fiche de poste introuvable.');
  });

  it('an update resets the 90 days; closing then reopening recruitment reaches the workflow', async () => {
    const created = await api.post(`/employers/${employer.id}/job-descriptions`, job(), employer.token);
    clock.set('2027-04-10T09:00:00Z');
    try {
      const closed = await patch(created.body.id, { recruitmentOpen: false }, employer.token);
      expect(closed.body).toMatchObject({ recruitmentOpen: false, lastUpdatedOn: '2027-04-10' });
      expect(await workflowView(created.body.id)).toMatchObject({
        lastUpdatedOn: '2027-04-10',
        recruitmentOpen: false,
      });
      clock.set('2027-04-12T09:00:00Z');
      const reopened = await patch(created.body.id, { recruitmentOpen: true, openPositions: 2 }, employer.token);
      expect(reopened.body).toMatchObject({ recruitmentOpen: true, openPositions: 2, lastUpdatedOn: '2027-04-12' });
      expect(await workflowView(created.body.id)).toMatchObject({ lastUpdatedOn: '2027-04-12', recruitmentOpen: true });
    } finally {
      clock.set('2027-03-15T10:00:00Z');
    }
  });
});

describe('job description deadline activity on PostgreSQL', () => {
  it('the deactivation closes recruitment and notifies once, even when retried; a stale deadline changes nothing', async () => {
    const { applyJobDescriptionDeadline } = createActivities({
      db: platform.db,
      mail: { publicUrl: 'http://localhost:3000' },
    });
    const created = await api.post(`/employers/${employer.id}/job-descriptions`, job(), employer.token);
    const id = created.body.id as string;
    const input = {
      key: `${jobDescriptionWorkflowId(id)}:v3:deactivation`,
      jobDescriptionId: id,
      employerId: employer.id,
      kind: 'deactivation' as const,
      countedFrom: '2027-03-15',
      on: '2027-06-13',
    };
    const stale = await applyJobDescriptionDeadline({ ...input, countedFrom: '2027-01-01' });
    expect(stale).toEqual({ outcome: 'stale', current: { lastUpdatedOn: '2027-03-15', recruitmentOpen: true } });
    expect(await applyJobDescriptionDeadline(input)).toEqual({ outcome: 'applied' });
    expect(await applyJobDescriptionDeadline(input)).toEqual({ outcome: 'applied' });
    expect(await platform.db.jobDescription.findUniqueOrThrow({ where: { id } })).toMatchObject({
      recruitmentOpen: false,
      deactivatedOn: '2027-06-13',
    });
    const notifications = await platform.db.notification.findMany({ where: { key: input.key } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      recipientOrganizationId: employer.id,
      subject: 'Fiche de poste désactivée',
    });
    expect(await platform.db.auditEntry.count({ where: { key: input.key, action: 'jobDescription.deactivate' } })).toBe(
      1,
    );
  });

  it('the notice is a French notification to the employer, written once', async () => {
    const { applyJobDescriptionDeadline } = createActivities({
      db: platform.db,
      mail: { publicUrl: 'http://localhost:3000' },
    });
    const created = await api.post(
      `/employers/${employer.id}/job-descriptions`,
      job({ title: 'Maraîcher' }),
      employer.token,
    );
    const input = {
      key: `${jobDescriptionWorkflowId(created.body.id)}:v2:notice`,
      jobDescriptionId: created.body.id as string,
      employerId: employer.id,
      kind: 'notice' as const,
      countedFrom: '2027-03-15',
      on: '2027-06-06',
    };
    await applyJobDescriptionDeadline(input);
    await applyJobDescriptionDeadline(input);
    const notifications = await platform.db.notification.findMany({ where: { key: input.key } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.body).toBe(
      'La fiche de poste « Maraîcher » n’a pas été mise à jour depuis le 15/03/2027. Sans mise à jour, le recrutement sera fermé le 13/06/2027.',
    );
    expect(
      (await platform.db.jobDescription.findUniqueOrThrow({ where: { id: created.body.id } })).recruitmentOpen,
    ).toBe(true);
  });
});
