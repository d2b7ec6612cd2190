// The self-prescription right through the API, on the real Temporal dev server and PostgreSQL
// (docs/rules.md §8): a DDETS revokes, the workflow starts the revocation on its start date and
// projects it; while revoked the SIAE can neither self-diagnose nor hire on its own diagnosis,
// a prescribed hire still works; only the prefecture of the SIAE's département lifts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today, type Clock } from '../../domain/clock.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

/** The API's clock, moved back to decide a revocation whose start (≥ 1 month later) has passed in workflow time. */
let offsetDays = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetDays * 86_400_000) };
const on = today(clock);

let platform: TestPlatform;
let api: ApiClient;
let admin: string;

interface Member {
  id: string;
  token: string;
}
async function organization(body: Record<string, unknown>, label: string): Promise<Member> {
  const created = await createOrganization(api, admin, { departement: '93', ...body });
  return { id: created.id, token: (await createMember(api, admin, created.id, label)).token };
}
const siae = (name: string) =>
  organization({ type: 'EMPLOYER', name, employerKind: 'ACI', siret: newSiret() }, name.replace(/\W/g, ''));

let prescriber: Member;
let ddets: Member;
let prefecture: Member;
let ddets67: Member;
let prefecture67: Member;

const uniqueName = () =>
  Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
async function newPerson(by: Member): Promise<string> {
  const response = await api.post(
    '/persons',
    { firstName: 'Camille', lastName: `Candidate ${uniqueName()}`, birthDate: '1988-02-03' },
    by.token,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}
const selfDiagnose = (personId: string, by: Member) =>
  api.post(`/persons/${personId}/diagnoses`, { criteria: ['RSA'], employerId: by.id }, by.token);
const apply = async (personId: string, to: Member, by: Member) => {
  const response = await api.post('/applications', { personId, employerId: to.id, message: 'Motivée.' }, by.token);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
};

/** A revocation decided 40 days ago (API clock), so that it has started by now (workflow time). */
async function revokedSince9Days(employer: Member, kind: 'temporary' | 'permanent') {
  offsetDays = -40;
  const decidedOn = today(clock);
  const start = addMonths(decidedOn, 1);
  const response = await api.post(
    `/employers/${employer.id}/self-prescription/revoke`,
    { kind, start, ...(kind === 'temporary' ? { end: addDays(on, 30) } : {}), reason: 'Contrôle refusé' },
    ddets.token,
  );
  offsetDays = 0;
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const status = kind === 'temporary' ? 'REVOKED_UNTIL' : 'REVOKED_PERMANENTLY';
  for (let i = 0; i < 50; i++) {
    const row = await platform.db.organization.findUniqueOrThrow({ where: { id: employer.id } });
    if (row.selfPrescriptionStatus === status) return start;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the revocation did not start');
}

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  await platform.db.departementSetting.create({ data: { code: '93', selfPrescriptionEnabled: true } });
  prescriber = await organization(
    { type: 'PRESCRIBER', name: 'France Travail 93', prescriberKind: 'FRANCE_TRAVAIL' },
    'ft',
  );
  ddets = await organization({ type: 'DDETS', name: 'DDETS 93' }, 'ddets');
  prefecture = await organization({ type: 'PREFECTURE', name: 'Préfecture 93' }, 'prefecture');
  ddets67 = await organization({ type: 'DDETS', name: 'DDETS 67', departement: '67' }, 'ddets67');
  prefecture67 = await organization({ type: 'PREFECTURE', name: 'Préfecture 67', departement: '67' }, 'pref67');
});
afterAll(() => platform?.stop());

describe('self-prescription right through the API', () => {
  it('while permanently revoked: no self-diagnosis, no hire on its own diagnosis, a prescribed hire works; the prefecture lifts it', async () => {
    const aci = await siae('ACI Les Jardins');
    // Diagnosed by the SIAE itself before the revocation.
    const ownCase = await newPerson(aci);
    expect((await selfDiagnose(ownCase, aci)).status).toBe(201);
    const ownApplication = await apply(ownCase, aci, aci);

    const start = await revokedSince9Days(aci, 'permanent');

    const refusedDiagnosis = await selfDiagnose(await newPerson(aci), aci);
    expect(refusedDiagnosis.status).toBe(422);
    expect(refusedDiagnosis.body.error.message).toMatch(
      /^Le droit d'auto-prescription de votre structure est suspendu/,
    );
    const refusedHire = await api.post(`/applications/${ownApplication}/accept`, { hiringStartDate: on }, aci.token);
    expect(refusedHire.status, JSON.stringify(refusedHire.body)).toBe(422);
    expect(refusedHire.body.error.message).toMatch(/[éèà]/);

    const prescribedCase = await newPerson(prescriber);
    expect(
      (await api.post(`/persons/${prescribedCase}/diagnoses`, { criteria: ['RSA'] }, prescriber.token)).status,
    ).toBe(201);
    const prescribed = await apply(prescribedCase, aci, prescriber);
    const hired = await api.post(`/applications/${prescribed}/accept`, { hiringStartDate: on }, aci.token);
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);

    // Who reads and who lifts.
    const read = await api.get(`/employers/${aci.id}/self-prescription`, aci.token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'REVOKED_PERMANENTLY', revokedFrom: start, revokedUntil: null });
    expect(read.body.history.map((h: { action: string }) => h.action)).toEqual(['schedule', 'start']);
    for (const reader of [ddets, prefecture]) {
      expect((await api.get(`/employers/${aci.id}/self-prescription`, reader.token)).status).toBe(200);
    }
    for (const outsider of [ddets67, prefecture67, prescriber]) {
      expect((await api.get(`/employers/${aci.id}/self-prescription`, outsider.token)).status).toBe(403);
    }
    const lift = (by: Member, reason = 'Régularisation constatée') =>
      api.post(`/employers/${aci.id}/self-prescription/lift`, { reason }, by.token);
    expect((await lift(ddets)).status).toBe(403);
    expect((await lift(ddets67)).status).toBe(403);
    expect((await lift(prefecture67)).status).toBe(403);
    expect((await lift(prefecture, '  ')).status).toBe(400);

    const lifted = await lift(prefecture);
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect(lifted.body.status).toBe('ACTIVE');
    expect(lifted.body.history.at(-1)).toMatchObject({ action: 'lift', reason: 'Régularisation constatée' });
    const again = await lift(prefecture);
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe("Action impossible : le droit d'auto-prescription est à l'état « Actif ».");
    expect((await selfDiagnose(await newPerson(aci), aci)).status).toBe(201);

    const notices = await platform.db.notification.findMany({
      where: { recipientOrganizationId: aci.id, subject: { contains: "droit d'auto-prescription" } },
      orderBy: { createdAt: 'asc' },
    });
    expect(notices.map((n) => n.subject)).toEqual([
      "Retrait de votre droit d'auto-prescription",
      "Votre droit d'auto-prescription est retiré",
      "Votre droit d'auto-prescription est rétabli",
    ]);
    const audit = await platform.db.auditEntry.findMany({
      where: { entityId: aci.id, action: { startsWith: 'selfPrescriptionRight.' } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'selfPrescriptionRight.lift',
      'selfPrescriptionRight.schedule',
      'selfPrescriptionRight.start',
    ]);
  });

  it('a temporary revocation cannot be lifted; revocations are for the DDETS of the département, ≥ 1 month ahead', async () => {
    const aci = await siae('ACI Le Relais');
    const tooEarly = await api.post(
      `/employers/${aci.id}/self-prescription/revoke`,
      { kind: 'temporary', start: addDays(on, 10), end: addDays(on, 60), reason: 'Contrôle refusé' },
      ddets.token,
    );
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.error.message).toMatch(/[éèà]/);
    const elsewhere = await api.post(
      `/employers/${aci.id}/self-prescription/revoke`,
      { kind: 'permanent', start: addMonths(on, 2), reason: 'Contrôle refusé' },
      ddets67.token,
    );
    expect(elsewhere.status).toBe(403);
    expect(
      (
        await api.post(
          `/employers/${aci.id}/self-prescription/revoke`,
          { kind: 'permanent', start: addMonths(on, 2), reason: 'Contrôle refusé' },
          prefecture.token,
        )
      ).status,
    ).toBe(403);

    await revokedSince9Days(aci, 'temporary');
    const lift = await api.post(`/employers/${aci.id}/self-prescription/lift`, { reason: 'Non' }, prefecture.token);
    expect(lift.status).toBe(422);
    expect(lift.body.error.message).toBe(
      "Action impossible : le droit d'auto-prescription est à l'état « Retiré temporairement ».",
    );
    const list = await api.get('/self-prescription/revocations', prefecture.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { employerId: string }) => i.employerId)).toContain(aci.id);
    expect((await api.get('/self-prescription/revocations', prefecture67.token)).body.items).toEqual([]);
  });
});
