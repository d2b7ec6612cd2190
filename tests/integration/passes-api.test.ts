import { randomUUID } from 'node:crypto';
// PASS IAE through the API on the real dev server and PostgreSQL (docs/rules.md §5, §13): issuance is
// idempotent, the API, the workflow query and the read model agree, rules come back as 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/clock.ts';
import { addDays } from '../../domain/dates.ts';
import { systemClock } from '../../server/clock.ts';
import { parcoursStateQuery, parcoursWorkflowId } from '../../workflows/parcours/contract.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let aci: { id: string; token: string };
let other: { id: string; token: string };
let personId: string;
const on = today(systemClock);

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const employer = async (kind: string) => {
    const organization = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: `${kind} PASS`,
      departement: '93',
      employerKind: kind,
      siret: newSiret(),
    });
    return { id: organization.id, token: (await createMember(api, admin, organization.id, kind.toLowerCase())).token };
  };
  aci = await employer('ACI');
  other = await employer('EI');
  const person = await api.post(
    '/persons',
    { firstName: 'Jeanne', lastName: 'Parcours', birthDate: '1985-04-02' },
    aci.token,
  );
  personId = person.body.id;
});
afterAll(() => platform?.stop());

describe('PASS IAE', () => {
  let number: string;

  it('issuance is idempotent, even for two simultaneous requests: one number, one workflow, one row', async () => {
    const body = { personId, employerId: aci.id, hiringStartDate: on, issuanceKey: `test-${personId}` };
    const [a, b] = await Promise.all([api.post('/passes', body, admin), api.post('/passes', body, admin)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.passNumber).toMatch(/^99999\d{7}$/);
    expect(b.body.passNumber).toBe(a.body.passNumber);
    number = a.body.passNumber;
    const again = await api.post('/passes', body, admin);
    expect(again.body.passNumber).toBe(number);
    expect(await platform.db.pass.count({ where: { personId } })).toBe(1);
    expect(await platform.db.passNumberAllocation.count({ where: { issuanceKey: body.issuanceKey } })).toBe(1);
    expect(a.body).toMatchObject({ status: 'valid', start: on, end: addDays(on, 729), remainingDays: 730 });
  });

  it('a person holds at most one valid or future PASS: a second issuance is a conflict naming the existing one', async () => {
    const response = await api.post(
      '/passes',
      { personId, employerId: other.id, hiringStartDate: addDays(on, 3) },
      admin,
    );
    expect(response.status).toBe(409);
    expect(response.body.error.details[0].existingNumber).toBe(number);
  });

  it('two simultaneous issuances for one person from different hires give one PASS and one conflict', async () => {
    const person = await api.post(
      '/persons',
      { firstName: 'Lina', lastName: 'Concurrente', birthDate: '1991-07-07' },
      aci.token,
    );
    const responses = await Promise.all(
      [aci.id, other.id].map((employerId) =>
        api.post('/passes', { personId: person.body.id, employerId, hiringStartDate: on }, admin),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await platform.db.passNumberAllocation.count({ where: { personId: person.body.id } })).toBe(1);
  });

  it('no PASS for a GEIQ hire, nor for a start date in the past or more than 6 months ahead', async () => {
    const geiq = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'GEIQ',
      departement: '93',
      employerKind: 'GEIQ',
      siret: newSiret(),
    });
    const person = await api.post(
      '/persons',
      { firstName: 'Paul', lastName: 'Geiq', birthDate: '1980-01-01' },
      aci.token,
    );
    expect(
      (await api.post('/passes', { personId: person.body.id, employerId: geiq.id, hiringStartDate: on }, admin)).body
        .error.code,
    ).toBe('not_siae');
    const past = await api.post(
      '/passes',
      { personId: person.body.id, employerId: aci.id, hiringStartDate: addDays(on, -1) },
      admin,
    );
    expect(past.status).toBe(422);
    expect(past.body.error.message).toBe('La date de début du contrat ne peut pas être dans le passé.');
    const far = await api.post(
      '/passes',
      { personId: person.body.id, employerId: aci.id, hiringStartDate: addDays(on, 200) },
      admin,
    );
    expect(far.body.error.code).toBe('hiring_start_too_far');
    expect(await platform.db.pass.count({ where: { personId: person.body.id } })).toBe(0);
  });

  it('the API, the workflow query and the read model give the same end date and status', async () => {
    const fromApi = (await api.get(`/passes/${number}`, aci.token)).body;
    const fromWorkflow = await platform.temporal.workflow
      .getHandle(parcoursWorkflowId(number))
      .query(parcoursStateQuery, on);
    const row = await platform.db.pass.findUniqueOrThrow({ where: { number } });
    expect(fromApi.end).toBe(fromWorkflow.end);
    expect(row.endDate).toBe(fromWorkflow.end);
    expect(fromApi.status).toBe(fromWorkflow.status);
    expect((row.snapshot as { status: string }).status).toBe(fromWorkflow.status);
  });

  it('every read of a PASS is audited with its reader and its holder; a refused read writes nothing', async () => {
    const reads = () => platform.db.auditEntry.findMany({ where: { action: 'pass.read', entityId: number } });
    const before = new Set((await reads()).map((entry) => entry.id));
    expect((await api.get(`/passes/${number}`, aci.token)).status).toBe(200);
    expect((await api.get(`/passes/${number}`, aci.token)).status).toBe(200);
    expect((await api.get(`/passes/${number}`, other.token)).status).toBe(403);
    const added = (await reads()).filter((entry) => !before.has(entry.id));
    expect(added).toHaveLength(2);
    for (const entry of added) {
      expect(entry).toMatchObject({ entityType: 'Pass', actorOrganizationId: aci.id, details: { personId } });
    }
  });

  it('only the holding employer suspends; the suspension moves the end date in the API, the workflow and the read model', async () => {
    const outsider = await api.post(
      `/passes/${number}/suspensions`,
      { startDate: on, endDate: addDays(on, 19), reason: 'CONTRAT_ROMPU' },
      other.token,
    );
    expect(outsider.status).toBe(403);
    const tooShort = await api.post(
      `/passes/${number}/suspensions`,
      { startDate: on, endDate: addDays(on, 10), reason: 'CONTRAT_SUSPENDU' },
      aci.token,
    );
    expect(tooShort.status).toBe(422);
    const suspended = await api.post(
      `/passes/${number}/suspensions`,
      { startDate: on, endDate: addDays(on, 19), reason: 'CONTRAT_ROMPU' },
      aci.token,
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', end: addDays(on, 729 + 20) });
    expect((await platform.db.pass.findUniqueOrThrow({ where: { number } })).endDate).toBe(addDays(on, 749));
    const changes = () =>
      platform.db.auditEntry.findMany({
        where: { entityId: number, action: { not: 'pass.read' } },
        orderBy: { id: 'asc' },
      });
    expect((await changes()).map((a) => a.action)).toEqual(['parcours.issue', 'parcours.suspend']);

    const ended = await api.post(
      `/passes/${number}/suspensions/${suspended.body.suspensions[0].id}/end`,
      { endDate: on },
      aci.token,
    );
    expect(ended.body).toMatchObject({ end: addDays(on, 730), status: 'suspended' });
  });

  it('a prolongation is refused with a French reason before its window opens, and nothing changes', async () => {
    const prescriber = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'France Travail',
      departement: '93',
      prescriberKind: 'FRANCE_TRAVAIL',
    });
    const before = await platform.db.pass.findUniqueOrThrow({ where: { number } });
    const early = await api.post(
      `/passes/${number}/prolongations`,
      { reason: 'RQTH', endDate: addDays(on, 900), prescriberOrganizationId: prescriber.id },
      aci.token,
    );
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('prolongation_too_early');
    const notAuthorized = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CAF',
      departement: '93',
      prescriberKind: 'CAF',
    });
    const wrongPrescriber = await api.post(
      `/passes/${number}/prolongations`,
      { reason: 'RQTH', endDate: addDays(on, 900), prescriberOrganizationId: notAuthorized.id },
      aci.token,
    );
    expect(wrongPrescriber.body.error.code).toBe('prescriber_not_authorized');
    expect((await platform.db.pass.findUniqueOrThrow({ where: { number } })).version).toBe(before.version);
    expect(await platform.db.prolongationRequest.count({ where: { passNumber: number } })).toBe(0);
  });

  it('only an authorized prescriber of the organization asked may decide a prolongation request', async () => {
    const other = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'Mission locale 93',
      departement: '93',
      prescriberKind: 'MISSION_LOCALE',
    });
    const orienteur = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CCAS',
      departement: '93',
      prescriberKind: 'CCAS',
    });
    // A request as the workflow projects it (the real window opens a year from now).
    const request = await platform.db.prolongationRequest.create({
      data: {
        id: randomUUID(),
        passNumber: number,
        employerId: aci.id,
        prescriberOrganizationId: orienteur.id,
        reason: 'RQTH',
        endDate: addDays(on, 900),
        requestedOn: on,
        state: 'PENDING',
      },
    });
    const otherMember = await createMember(api, admin, other.id, 'ml');
    const orienteurMember = await createMember(api, admin, orienteur.id, 'ccas');
    const employerTry = await api.post(`/prolongation-requests/${request.id}/grant`, {}, aci.token);
    expect(employerTry.status).toBe(403);
    const wrongOrganization = await api.post(`/prolongation-requests/${request.id}/grant`, {}, otherMember.token);
    expect(wrongOrganization.status).toBe(403);
    expect(wrongOrganization.body.error.message).toBe('Cette demande a été adressée à une autre organisation.');
    const notAuthorized = await api.post(
      `/prolongation-requests/${request.id}/deny`,
      { reason: 'Non.' },
      orienteurMember.token,
    );
    expect(notAuthorized.status).toBe(403);
    expect(notAuthorized.body.error.message).toMatch(/seul un prescripteur habilité peut valider une prolongation/);
    expect((await platform.db.prolongationRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe(
      'PENDING',
    );
  });
});
