// The PASS IAE named and attested through the API on the real dev server and PostgreSQL
// (docs/rules.md §2, §5, §11, §13): GET /passes/{number} names the holder and the employers to
// those on the case only; the attestation PDF says the number, the holder, the dates and the
// issuing service, and its reads are audited; an employer finds the authorized prescribers of its
// département by name; a person's diagnoses name the organization that made them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/clock.ts';
import { addDays, frenchDate } from '../../domain/dates.ts';
import { systemClock } from '../../server/clock.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let aci: { id: string; token: string };
let stranger: { id: string; token: string };
let prescriber: { id: string; token: string };
let personId: string;
let number: string;
const on = today(systemClock);

async function member(body: Record<string, unknown>, label: string) {
  const organization = await createOrganization(api, admin, body);
  return { id: organization.id, token: (await createMember(api, admin, organization.id, label)).token };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const employer = { type: 'EMPLOYER', departement: '67', employerKind: 'ACI' };
  aci = await member({ ...employer, name: 'Atelier Attestation', siret: newSiret() }, 'aci');
  stranger = await member({ ...employer, name: 'Atelier Étranger', siret: newSiret() }, 'autre');
  prescriber = await member(
    {
      type: 'PRESCRIBER',
      name: 'Mission locale de Strasbourg Attestation',
      departement: '67',
      prescriberKind: 'MISSION_LOCALE',
    },
    'ml',
  );
  const person = await api.post(
    '/persons',
    { firstName: 'Élise', lastName: 'Attestée', birthDate: '1987-09-21', email: 'elise@example.org' },
    aci.token,
  );
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  personId = person.body.id;
  const pass = await api.post('/passes', { personId, employerId: aci.id, hiringStartDate: on }, admin);
  expect(pass.status, JSON.stringify(pass.body)).toBe(201);
  number = pass.body.passNumber;
});
afterAll(() => platform?.stop());

describe('the PASS names its holder and its employers', () => {
  it('GET /passes/{number} answers the holder and each organization by name to the employer on the case', async () => {
    const response = await api.get(`/passes/${number}`, aci.token);
    expect(response.status).toBe(200);
    expect(response.body.holder).toEqual({
      personId,
      firstName: 'Élise',
      lastName: 'Attestée',
      birthDate: '1987-09-21',
    });
    expect(response.body.organizations).toEqual([{ id: aci.id, name: 'Atelier Attestation', kind: 'ACI' }]);
    expect(response.body.hires).toEqual([{ employerId: aci.id, employerKind: 'ACI', start: on }]);
  });

  it('an employer off the case reads neither the PASS nor its holder nor its attestation (403), and nothing is audited', async () => {
    const before = await platform.db.auditEntry.count({ where: { entityId: number } });
    expect((await api.get(`/passes/${number}`, stranger.token)).status).toBe(403);
    const pdf = await fetch(`${platform.baseUrl}/api/v1/passes/${number}/attestation.pdf`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(pdf.status).toBe(403);
    expect(await platform.db.auditEntry.count({ where: { entityId: number } })).toBe(before);
  });
});

describe('the attestation PDF', () => {
  it('says the number, the holder, her birth date, the dates and the issuing service; its read is audited', async () => {
    const response = await fetch(`${platform.baseUrl}/api/v1/passes/${number}/attestation.pdf`, {
      headers: { authorization: `Bearer ${aci.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`attestation-pass-iae-${number}.pdf`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(`Attestation de PASS IAE n° ${number}`);
    expect(text).toContain(`Numéro du PASS IAE : ${number}`);
    expect(text).toContain('Titulaire : Élise ATTESTÉE');
    expect(text).toContain('Date de naissance : 21/09/1987');
    expect(text).toContain(`Date de début : ${frenchDate(on)}`);
    expect(text).toContain(`Date de fin : ${frenchDate(addDays(on, 729))}`);
    expect(text).toContain("Délivré par : Plateforme de l'inclusion");
    expect(text).toContain(`Date de délivrance du PASS IAE : ${frenchDate(on)}`);
    expect(text).toContain('Employeur actuel : Atelier Attestation');
    expect(text).toContain('Aucune suspension.');
    expect(text).toContain(`Attestation établie le ${frenchDate(on)}`);
    const audit = await platform.db.auditEntry.findMany({ where: { action: 'pass.attestation', entityId: number } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ personId });
  });

  it('lists a suspension once the PASS is suspended, and the end date moved by its length', async () => {
    const suspended = await api.post(
      `/passes/${number}/suspensions`,
      { startDate: on, endDate: addDays(on, 19), reason: 'CONTRAT_SUSPENDU' },
      aci.token,
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    const response = await fetch(`${platform.baseUrl}/api/v1/passes/${number}/attestation.pdf`, {
      headers: { authorization: `Bearer ${aci.token}` },
    });
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(`Date de fin : ${frenchDate(addDays(on, 729 + 20))}`);
    expect(text).toContain(`Du ${frenchDate(on)} au ${frenchDate(addDays(on, 19))} : Contrat de travail suspendu`);
    expect(text).not.toContain('Aucune suspension.');
  });
});

describe('authorized prescribers by name', () => {
  it("answers the authorized prescribers of the employer's département whose name contains the text, and no other", async () => {
    const unauthorized = await member(
      { type: 'PRESCRIBER', name: 'Association Strasbourg Attestation', departement: '67', prescriberKind: 'OTHER' },
      'asso',
    );
    const elsewhere = await member(
      {
        type: 'PRESCRIBER',
        name: 'Mission locale de Bobigny Attestation',
        departement: '93',
        prescriberKind: 'MISSION_LOCALE',
      },
      'ml93',
    );
    const found = await api.get('/prescriber-organizations?q=attestation', aci.token);
    expect(found.status).toBe(200);
    const ids = found.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(prescriber.id);
    expect(ids).not.toContain(unauthorized.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(found.body.items.find((item: { id: string }) => item.id === prescriber.id)).toEqual({
      id: prescriber.id,
      name: 'Mission locale de Strasbourg Attestation',
      kind: 'MISSION_LOCALE',
      departement: '67',
    });
    const other = await api.get('/prescriber-organizations?q=attestation&departement=93', aci.token);
    expect(other.body.items.map((item: { id: string }) => item.id)).toEqual([elsewhere.id]);
  });

  it('refuses a bad query (400, French) and a prescriber caller (403)', async () => {
    const tooLong = await api.get(`/prescriber-organizations?limit=500`, aci.token);
    expect(tooLong.status).toBe(400);
    const badDepartement = await api.get(`/prescriber-organizations?departement=ZZ`, aci.token);
    expect(badDepartement.status).toBe(400);
    expect(badDepartement.body.error.details[0].message).toBe('code de département inconnu');
    expect((await api.get('/prescriber-organizations', prescriber.token)).status).toBe(403);
  });
});

describe("a person's diagnoses", () => {
  it('name the organization that made each one', async () => {
    const person = await api.post(
      '/persons',
      { firstName: 'Noé', lastName: 'Diagnostiqué', birthDate: '1990-01-15' },
      prescriber.token,
    );
    expect(person.status).toBe(201);
    const diagnosis = await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriber.token);
    expect(diagnosis.status, JSON.stringify(diagnosis.body)).toBe(201);
    expect(diagnosis.body.authorOrganizationName).toBe('Mission locale de Strasbourg Attestation');
    const read = await api.get(`/persons/${person.body.id}`, prescriber.token);
    expect(read.body.diagnoses.map((d: { authorOrganizationName: string }) => d.authorOrganizationName)).toEqual([
      'Mission locale de Strasbourg Attestation',
    ]);
  });
});
