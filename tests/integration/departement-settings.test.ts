// Rollout of the self-prescription route by département (docs/rules.md §10): administrators switch it,
// every change is audited with the old and the new value, and an SIAE's self-diagnosis follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let siae: { id: string; token: string };

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const organization = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name: 'Chantier Nature Vosges du Nord',
    departement: '67',
    employerKind: 'ACI',
    siret: newSiret(),
  });
  siae = { id: organization.id, token: (await createMember(api, admin, organization.id, 'aci')).token };
});
afterAll(() => platform?.stop());

const put = (code: string, body: unknown, token: string) =>
  api.call('PUT', `/departements/${code}/self-prescription`, { body, token });

const LAST_NAMES = ['Arnaud', 'Bernard', 'Chevalier', 'Durand'];
async function selfDiagnose() {
  const person = await api.post(
    '/persons',
    { firstName: 'Jeanne', lastName: LAST_NAMES.shift(), birthDate: '1985-02-03' },
    siae.token,
  );
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  return api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'], employerId: siae.id }, siae.token);
}

describe('self-prescription rollout by département', () => {
  it('lists every département with its French name, switched off until an administrator switches it on', async () => {
    const list = await api.get('/departements/settings', admin);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(100);
    expect(list.body.items.find((d: { code: string }) => d.code === '2A')).toMatchObject({
      name: 'Corse-du-Sud',
      selfPrescriptionEnabled: false,
      lastChange: null,
    });
  });

  it('switching on is audited with actor, old and new value; the SIAE may then self-diagnose, and no longer once switched off', async () => {
    expect((await selfDiagnose()).body.error.code).toBe('self_prescription_not_enabled_in_departement');

    const on = await put('67', { enabled: true }, admin);
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toMatchObject({ code: '67', name: 'Bas-Rhin', selfPrescriptionEnabled: true });
    const audit = await platform.db.auditEntry.findMany({
      where: { action: 'departement.selfPrescription', entityId: '67' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'Departement', details: { previous: false, enabled: true } });
    expect(audit[0]!.actorUserId).not.toBeNull();
    expect((await selfDiagnose()).status).toBe(201);

    expect((await put('67', { enabled: false }, admin)).status).toBe(200);
    const refused = await selfDiagnose();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('self_prescription_not_enabled_in_departement');
    const listed = (await api.get('/departements/settings', admin)).body.items.find(
      (d: { code: string }) => d.code === '67',
    );
    expect(listed).toMatchObject({
      selfPrescriptionEnabled: false,
      lastChange: { enabled: false, previous: true, by: expect.any(String) },
    });
    expect(
      await platform.db.auditEntry.count({ where: { action: 'departement.selfPrescription', entityId: '67' } }),
    ).toBe(2);
  });

  it('non-administrators get 403 and change nothing; an unknown département is a French 404', async () => {
    const refused = await put('93', { enabled: true }, siae.token);
    expect(refused.status).toBe(403);
    expect((await api.get('/departements/settings', siae.token)).status).toBe(403);
    expect(await platform.db.departementSetting.findUnique({ where: { code: '93' } })).toBeNull();
    const unknown = await put('99', { enabled: true }, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Département inconnu : « 99 ».');
    expect((await put('93', { enabled: 'oui' }, admin)).status).toBe(400);
  });
});
