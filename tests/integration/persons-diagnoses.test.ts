// Persons and eligibility diagnoses through the API on PostgreSQL (docs/rules.md §4), and the effect of
// the accreditation workflow on who may diagnose (docs/rules.md §7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import {
  DUPLICATE_FOR_STRANGER,
  DUPLICATE_HIT_ACTION,
  MAX_DUPLICATE_HITS_PER_USER,
  TOO_MANY_DUPLICATES,
} from '../../api/persons/duplicates.ts';
import { createMember, createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const clock = fixedClock('2027-03-15T10:00:00Z');
let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let franceTravail: { token: string; organizationId: string };

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  await platform.db.departementSetting.createMany({
    data: [
      { code: '93', selfPrescriptionEnabled: true },
      { code: '67', selfPrescriptionEnabled: false },
    ],
  });
  const organization = await createOrganization(api, admin, {
    type: 'PRESCRIBER',
    name: 'France Travail Pantin',
    departement: '93',
    prescriberKind: 'FRANCE_TRAVAIL',
  });
  franceTravail = {
    token: (await createMember(api, admin, organization.id, 'ft')).token,
    organizationId: organization.id,
  };
});
afterAll(() => platform?.stop());

const person = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Éloïse',
  lastName: 'Dupont-Martin',
  birthDate: '1990-05-12',
  ...overrides,
});

async function employer(kind: string, departement = '93') {
  const organization = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name: `${kind} ${departement}`,
    departement,
    employerKind: kind,
    siret: newSiret(),
  });
  return { id: organization.id, token: (await createMember(api, admin, organization.id, kind.toLowerCase())).token };
}

describe('persons', () => {
  it('a duplicate by name and birth date (accents and case aside) returns 409 with the existing person', async () => {
    const first = await api.post('/persons', person({ lastName: 'Lefèvre', firstName: 'Anaïs' }), franceTravail.token);
    expect(first.status).toBe(201);
    const again = await api.post('/persons', person({ lastName: 'LEFEVRE', firstName: 'anais' }), franceTravail.token);
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].existingId).toBe(first.body.id);
    expect(await platform.db.person.count({ where: { lastName: { in: ['Lefèvre', 'LEFEVRE'] } } })).toBe(1);
  });

  it('a duplicate by NIR returns 409 even with other names; an invalid NIR key is refused', async () => {
    const nir = '2900575115042'; // + key
    const key = String(97 - Number(BigInt(nir) % 97n)).padStart(2, '0');
    const first = await api.post(
      '/persons',
      person({ lastName: 'Nir', firstName: 'Un', nir: `${nir}${key}` }),
      franceTravail.token,
    );
    expect(first.status).toBe(201);
    const other = await api.post(
      '/persons',
      person({ lastName: 'Autre', firstName: 'Nom', nir: `${nir.slice(0, 1)} ${nir.slice(1)} ${key}` }),
      franceTravail.token,
    );
    expect(other.status).toBe(409);
    expect(other.body.error.details[0].existingId).toBe(first.body.id);
    const wrongKey = await api.post(
      '/persons',
      person({ lastName: 'Cle', nir: `${nir}${key === '01' ? '02' : '01'}` }),
      franceTravail.token,
    );
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.body.error.details[0].path).toBe('body.nir');
  });

  it('a NIR that contradicts the birth date is refused on the NIR field, in French, and nothing is stored', async () => {
    const nir = '1841276451089'; // born in December 1984
    const key = String(97 - Number(BigInt(nir) % 97n)).padStart(2, '0');
    const before = await platform.db.person.count();
    for (const birthDate of ['1985-12-03', '1984-11-03']) {
      const refused = await api.post(
        '/persons',
        person({ lastName: 'Naissance', nir: `${nir}${key}`, birthDate }),
        franceTravail.token,
      );
      expect(refused.status, birthDate).toBe(400);
      expect(refused.body.error.details).toEqual([
        {
          path: 'body.nir',
          message: expect.stringMatching(/^Le numéro de sécurité sociale ne correspond pas à la date de naissance/),
        },
      ]);
    }
    expect(await platform.db.person.count()).toBe(before);
    const agreeing = await api.post(
      '/persons',
      person({ lastName: 'Naissance', nir: `${nir}${key}`, birthDate: '1984-12-03' }),
      franceTravail.token,
    );
    expect(agreeing.status).toBe(201);
  });

  it('personal data is readable only by organizations working the case, and every read is audited', async () => {
    const created = await api.post('/persons', person({ lastName: 'Secret' }), franceTravail.token);
    const other = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'Mission locale 93',
      departement: '93',
      prescriberKind: 'MISSION_LOCALE',
    });
    const outsider = await createMember(api, admin, other.id, 'ml');
    const refused = await api.get(`/persons/${created.body.id}`, outsider.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/ne vous sont pas accessibles/);
    const readsBefore = await platform.db.auditEntry.count({
      where: { action: 'person.read', entityId: created.body.id },
    });
    expect((await api.get(`/persons/${created.body.id}`, franceTravail.token)).status).toBe(200);
    expect(await platform.db.auditEntry.count({ where: { action: 'person.read', entityId: created.body.id } })).toBe(
      readsBefore + 1,
    );
  });
});

describe('duplicates and reads do not leak (docs/rules.md §9, §11)', () => {
  async function missionLocale() {
    const organization = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'Mission locale Bobigny',
      departement: '93',
      prescriberKind: 'MISSION_LOCALE',
    });
    return createMember(api, admin, organization.id, 'ml-doublon');
  }
  const hits = (personId: string) =>
    platform.db.auditEntry.findMany({ where: { action: DUPLICATE_HIT_ACTION, entityId: personId } });

  it('a duplicate answers the id only to those on the case; a stranger gets a French hint and no id; both audited', async () => {
    const first = await api.post('/persons', person({ lastName: 'Garnier', firstName: 'Lou' }), franceTravail.token);
    expect(first.status).toBe(201);
    const stranger = await missionLocale();
    const refused = await api.post('/persons', person({ lastName: 'GARNIER', firstName: 'lou' }), stranger.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(DUPLICATE_FOR_STRANGER);
    expect(JSON.stringify(refused.body)).not.toContain(first.body.id);

    const colleague = await createMember(api, admin, franceTravail.organizationId, 'ft-collegue');
    const known = await api.post('/persons', person({ lastName: 'Garnier', firstName: 'Lou' }), colleague.token);
    expect(known.status).toBe(409);
    expect(known.body.error.details[0].existingId).toBe(first.body.id);

    const audited = await hits(first.body.id);
    expect(audited.map((entry) => [entry.actorUserId, entry.details])).toEqual(
      expect.arrayContaining([
        [stranger.id, { onCase: false }],
        [colleague.id, { onCase: true }],
      ]),
    );
    expect(await platform.db.person.count({ where: { lastName: { in: ['Garnier', 'GARNIER'] } } })).toBe(1);
  });

  it(`after ${MAX_DUPLICATE_HITS_PER_USER} duplicate hits in an hour a user is refused (429), other users are not`, async () => {
    const first = await api.post('/persons', person({ lastName: 'Sonde', firstName: 'Paul' }), franceTravail.token);
    const prober = await missionLocale();
    for (let i = 0; i < MAX_DUPLICATE_HITS_PER_USER; i++) {
      expect((await api.post('/persons', person({ lastName: 'Sonde', firstName: 'Paul' }), prober.token)).status).toBe(
        409,
      );
    }
    const throttled = await api.post('/persons', person({ lastName: 'Inédite', firstName: 'Zoé' }), prober.token);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toBe(TOO_MANY_DUPLICATES);
    expect(await platform.db.person.count({ where: { lastName: 'Inédite' } })).toBe(0);
    expect(await hits(first.body.id)).toHaveLength(MAX_DUPLICATE_HITS_PER_USER);
    const someoneElse = await missionLocale();
    expect(
      (await api.post('/persons', person({ lastName: 'Sonde', firstName: 'Paul' }), someoneElse.token)).status,
    ).toBe(409);
  });

  it('a list or a search of persons writes one audit entry naming the search and the ids returned', async () => {
    const found = await api.post('/persons', person({ lastName: 'Listée', firstName: 'Ana' }), franceTravail.token);
    const search = await api.get('/persons?q=List', franceTravail.token);
    expect(search.body.items.map((p: { id: string }) => p.id)).toEqual([found.body.id]);
    const entries = await platform.db.auditEntry.findMany({
      where: { action: 'person.list', details: { path: ['q'], equals: 'List' } },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityType: 'PersonList',
      entityId: '1',
      actorOrganizationId: franceTravail.organizationId,
      details: { q: 'List', count: 1, personIds: [found.body.id] },
    });
    const empty = await api.get('/persons?q=Personne-introuvable', franceTravail.token);
    expect(empty.body.items).toEqual([]);
    expect(
      await platform.db.auditEntry.count({
        where: { action: 'person.list', details: { path: ['q'], equals: 'Personne-introuvable' } },
      }),
    ).toBe(1);
  });
});

describe('prescriber diagnoses', () => {
  it('an authorized prescriber diagnoses without minimum criteria; valid 6 months', async () => {
    const p = await api.post('/persons', person({ lastName: 'Six-Mois' }), franceTravail.token);
    const diagnosis = await api.post(`/persons/${p.body.id}/diagnoses`, { criteria: [] }, franceTravail.token);
    expect(diagnosis.status, JSON.stringify(diagnosis.body)).toBe(201);
    expect(diagnosis.body).toMatchObject({ author: 'PRESCRIBER', madeOn: '2027-03-15', expiresOn: '2027-09-14' });
  });

  it('incompatible criteria and criteria contradicting the birth date are refused (422) and nothing is stored', async () => {
    const p = await api.post('/persons', person({ lastName: 'Jeune', birthDate: '2005-01-01' }), franceTravail.token);
    for (const criteria of [['SENIOR'], ['DETLD', 'DELD'], ['SENIOR', 'JEUNE']]) {
      const response = await api.post(`/persons/${p.body.id}/diagnoses`, { criteria }, franceTravail.token);
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('criteria_invalid');
    }
    expect(
      (await api.post(`/persons/${p.body.id}/diagnoses`, { criteria: ['INCONNU'] }, franceTravail.token)).status,
    ).toBe(400);
    expect(await platform.db.diagnosis.count({ where: { personId: p.body.id } })).toBe(0);
  });

  it('an orienteur may not diagnose; once the prefecture approves its organization it may at once; after withdrawal it may not', async () => {
    const ccas = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CCAS de Bondy',
      departement: '93',
      prescriberKind: 'CCAS',
    });
    const prefecture = await createOrganization(api, admin, {
      type: 'PREFECTURE',
      name: 'Préfecture 93 bis',
      departement: '93',
    });
    const member = await createMember(api, admin, ccas.id, 'ccas');
    const agent = await createMember(api, admin, prefecture.id, 'pref');
    const p = await api.post('/persons', person({ lastName: 'Orientee' }), member.token);
    expect(p.status).toBe(201);

    const refused = await api.post(`/persons/${p.body.id}/diagnoses`, { criteria: ['RSA'] }, member.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      "Votre organisation n'est pas habilitée : seul un prescripteur habilité peut réaliser un diagnostic d'éligibilité.",
    );

    const request = await api.post(
      '/accreditation-requests',
      { organizationId: ccas.id, justification: 'Accompagnement RSA.', reference: 'Arrêté 93-2027-12' },
      member.token,
    );
    const approved = await api.post(`/accreditation-requests/${request.body.requestId}/approve`, {}, agent.token);
    expect(approved.body.state).toBe('APPROVED');
    const accepted = await api.post(`/persons/${p.body.id}/diagnoses`, { criteria: ['RSA'] }, member.token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);

    const withdrawn = await api.post(
      `/accreditation-requests/${request.body.requestId}/withdraw`,
      { reason: 'Conventionnement terminé.' },
      agent.token,
    );
    expect(withdrawn.body.state).toBe('WITHDRAWN');
    expect((await api.get(`/organizations/${ccas.id}`, member.token)).body.authorizationStatus).toBe('WITHDRAWN');
    const again = await api.post(`/persons/${p.body.id}/diagnoses`, { criteria: ['RSA'] }, member.token);
    expect(again.status).toBe(403);
    expect(await platform.db.diagnosis.count({ where: { personId: p.body.id } })).toBe(1);
  });
});

describe('self-prescription diagnoses', () => {
  it('an ACI needs 1 level-1 or 3 level-2 criteria; an AI 2 level-2; valid 92 days; visible only to that SIAE', async () => {
    const aci = await employer('ACI');
    const ai = await employer('AI');
    const p1 = await api.post('/persons', person({ lastName: 'Aci' }), aci.token);
    const short = await api.post(
      `/persons/${p1.body.id}/diagnoses`,
      { criteria: ['QPV', 'ZRR'], employerId: aci.id },
      aci.token,
    );
    expect(short.status).toBe(422);
    expect(short.body.error.message).toBe(
      'Il manque 1 critère de niveau 2 (3 requis pour un ACI) ou 1 critère de niveau 1.',
    );
    const enough = await api.post(
      `/persons/${p1.body.id}/diagnoses`,
      { criteria: ['QPV', 'ZRR', 'MOBILITE'], employerId: aci.id },
      aci.token,
    );
    expect(enough.status).toBe(201);
    expect(enough.body).toMatchObject({ author: 'EMPLOYER', madeOn: '2027-03-15', expiresOn: '2027-06-14' });

    const p2 = await api.post('/persons', person({ lastName: 'Ai' }), ai.token);
    expect(
      (await api.post(`/persons/${p2.body.id}/diagnoses`, { criteria: ['QPV', 'ZRR'], employerId: ai.id }, ai.token))
        .status,
    ).toBe(201);

    // France Travail works on p1's case once it diagnoses too, but never sees the ACI's own diagnosis.
    await platform.db.person.update({
      where: { id: p1.body.id },
      data: { createdByOrganizationId: franceTravail.organizationId },
    });
    const seenByPrescriber = await api.get(`/persons/${p1.body.id}`, franceTravail.token);
    expect(seenByPrescriber.body.diagnoses).toEqual([]);
    const seenByAci = await api.get(`/persons/${p1.body.id}`, aci.token);
    expect(seenByAci.body.diagnoses.map((d: { author: string }) => d.author)).toEqual(['EMPLOYER']);
  });

  it('refused when the route is closed in the département, when the right is revoked, and for a GEIQ', async () => {
    const closed = await employer('EI', '67');
    const p = await api.post('/persons', person({ lastName: 'Ferme' }), closed.token);
    const r1 = await api.post(
      `/persons/${p.body.id}/diagnoses`,
      { criteria: ['RSA'], employerId: closed.id },
      closed.token,
    );
    expect(r1.status).toBe(422);
    expect(r1.body.error.code).toBe('self_prescription_not_enabled_in_departement');

    const revoked = await employer('EI');
    await platform.db.organization.update({
      where: { id: revoked.id },
      data: { selfPrescriptionStatus: 'REVOKED_UNTIL', selfPrescriptionRevokedUntil: '2027-06-01' },
    });
    const p2 = await api.post('/persons', person({ lastName: 'Revoque' }), revoked.token);
    const r2 = await api.post(
      `/persons/${p2.body.id}/diagnoses`,
      { criteria: ['RSA'], employerId: revoked.id },
      revoked.token,
    );
    expect(r2.status).toBe(422);
    expect(r2.body.error.code).toBe('self_prescription_right_suspended');

    const geiq = await employer('GEIQ');
    const p3 = await api.post('/persons', person({ lastName: 'Geiq' }), geiq.token);
    const r3 = await api.post(
      `/persons/${p3.body.id}/diagnoses`,
      { criteria: ['RSA'], employerId: geiq.id },
      geiq.token,
    );
    expect(r3.status).toBe(422);
    expect(r3.body.error.code).toBe('self_diagnosis_not_siae');

    const other = await employer('ACI');
    const r4 = await api.post(
      `/persons/${p3.body.id}/diagnoses`,
      { criteria: ['RSA'], employerId: other.id },
      geiq.token,
    );
    expect(r4.status).toBe(403);
    expect(
      await platform.db.diagnosis.count({ where: { personId: { in: [p.body.id, p2.body.id, p3.body.id] } } }),
    ).toBe(0);
  });
});
