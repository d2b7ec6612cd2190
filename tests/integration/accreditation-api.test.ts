// A workflow started through the HTTP API on the real dev server, projected into real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../support/http.ts';
import { createMember, createOrganization } from '../support/factories.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => platform?.stop());

describe('prescriber accreditation through the API', () => {
  it('a request is a workflow whose every step is projected into PostgreSQL and drives the organization status', async () => {
    const ccas = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CCAS de Montreuil',
      departement: '93',
      prescriberKind: 'CCAS',
    });
    expect(ccas.authorizationStatus).toBe('NOT_SET');
    const prefecture = await createOrganization(api, admin, {
      type: 'PREFECTURE',
      name: 'Préfecture 93',
      departement: '93',
    });
    const otherPrefecture = await createOrganization(api, admin, {
      type: 'PREFECTURE',
      name: 'Préfecture 67',
      departement: '67',
    });
    const member = await createMember(api, admin, ccas.id, 'ccas');
    const agent = await createMember(api, admin, prefecture.id, 'prefecture');
    const outsider = await createMember(api, admin, otherPrefecture.id, 'prefecture67');

    const submitted = await api.post(
      '/accreditation-requests',
      {
        organizationId: ccas.id,
        justification: 'Accompagnement social de 300 personnes par an.',
        reference: 'Arrêté 2026-93-114',
      },
      member.token,
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.state).toBe('SUBMITTED');
    expect(submitted.body.answeredOn).toBeNull();
    const id = submitted.body.requestId as string;

    // The read model already holds the request when the API answers.
    const row = await platform.db.accreditationRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'SUBMITTED', organizationId: ccas.id, departement: '93', version: 1 });
    const toPrefecture = await platform.db.notification.findMany({ where: { recipientOrganizationId: prefecture.id } });
    expect(toPrefecture.map((n) => n.subject)).toEqual(["Nouvelle demande d'habilitation"]);
    expect(await platform.db.notification.count({ where: { recipientOrganizationId: otherPrefecture.id } })).toBe(0);

    // A second request while one is open is a conflict.
    const duplicate = await api.post(
      '/accreditation-requests',
      { organizationId: ccas.id, justification: 'Encore', reference: 'X' },
      member.token,
    );
    expect(duplicate.status).toBe(409);

    // Another département's prefecture can neither see nor decide it.
    expect((await api.get(`/accreditation-requests/${id}`, outsider.token)).status).toBe(403);
    for (const [action, body] of [
      ['approve', {}],
      ['reject', { reason: 'Non.' }],
      ['request-information', { message: 'Pièces ?' }],
      ['withdraw', { reason: 'Non.' }],
      ['respond', { message: 'Réponse.' }],
    ] as const) {
      const response = await api.post(`/accreditation-requests/${id}/${action}`, body, outsider.token);
      expect(response.status, action).toBe(403);
    }
    expect((await api.get('/accreditation-requests', outsider.token)).body.items).toEqual([]);

    const info = await api.post(
      `/accreditation-requests/${id}/request-information`,
      { message: 'Merci de joindre les statuts.' },
      agent.token,
    );
    expect(info.status).toBe(200);
    expect(info.body.state).toBe('INFORMATION_REQUESTED');
    expect(info.body.answeredOn).toBeNull();
    expect((await platform.db.accreditationRequest.findUniqueOrThrow({ where: { id } })).state).toBe(
      'INFORMATION_REQUESTED',
    );

    const answer = await api.post(
      `/accreditation-requests/${id}/respond`,
      { message: 'Statuts joints.' },
      member.token,
    );
    expect(answer.body.state).toBe('SUBMITTED');
    // docs/rules.md §7: the read model knows it was completed, the queue says so instead of « Déposée ».
    const answeredOn = answer.body.events.at(-1).on as string;
    expect(answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answer.body.answeredOn).toBe(answeredOn);
    expect((await platform.db.accreditationRequest.findUniqueOrThrow({ where: { id } })).answeredOn).toBe(answeredOn);
    const queue = await api.get('/accreditation-requests?state=SUBMITTED', agent.token);
    expect(queue.body.items).toEqual([expect.objectContaining({ id, state: 'SUBMITTED', answeredOn })]);
    expect((await api.get(`/accreditation-requests/${id}`, agent.token)).body.answeredOn).toBe(answeredOn);

    const approved = await api.post(`/accreditation-requests/${id}/approve`, {}, agent.token);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.state).toBe('APPROVED');
    expect(approved.body.answeredOn).toBe(answeredOn);
    expect(approved.body.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'requestInformation',
      'respond',
      'approve',
    ]);

    const organization = await api.get(`/organizations/${ccas.id}`, member.token);
    expect(organization.body.authorizationStatus).toBe('VALIDATED');
    expect((await platform.db.accreditationRequest.findUniqueOrThrow({ where: { id } })).version).toBe(4);
    const audit = await platform.db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'accreditation.submit',
      'accreditation.requestInformation',
      'accreditation.respond',
      'accreditation.approve',
    ]);
    expect(audit.at(-1)?.actorUserId).toBe(agent.id);

    // Deciding twice is refused with a French message, and changes nothing.
    const again = await api.post(`/accreditation-requests/${id}/reject`, { reason: 'Erreur' }, agent.token);
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/Action impossible/);
    expect((await platform.db.organization.findUniqueOrThrow({ where: { id: ccas.id } })).authorizationStatus).toBe(
      'VALIDATED',
    );
    expect((await platform.db.accreditationRequest.findUniqueOrThrow({ where: { id } })).version).toBe(4);
  });
});
