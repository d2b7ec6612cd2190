// The expiry of an accreditation at its end date takes the authorization away (docs/rules.md §7). The
// timer itself is proven on the time-skipping server (tests/workflows/accreditation.test.ts);
// here the projection activity the workflow runs at that moment is applied to PostgreSQL, and
// the API then refuses what needs authorization.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accreditationActivities } from '../../activities/accreditation.ts';
import { accreditationStateQuery, accreditationWorkflowId } from '../../workflows/accreditation/contract.ts';
import { createMember, createOrganization } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
});
afterAll(() => platform?.stop());

it('once the end date passes, members of the organization can no longer diagnose, with a clear message', async () => {
  const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const plie = await createOrganization(api, admin, {
    type: 'PRESCRIBER',
    name: 'PLIE Est Ensemble',
    departement: '93',
    prescriberKind: 'PLIE',
  });
  const prefecture = await createOrganization(api, admin, {
    type: 'PREFECTURE',
    name: 'Préfecture 93',
    departement: '93',
  });
  const member = await createMember(api, admin, plie.id, 'plie');
  const agent = await createMember(api, admin, prefecture.id, 'pref');
  const request = await api.post(
    '/accreditation-requests',
    { organizationId: plie.id, justification: 'Parcours PLIE.', reference: 'Arrêté 93-2027-40' },
    member.token,
  );
  const approved = await api.post(
    `/accreditation-requests/${request.body.requestId}/approve`,
    { endDate: '2099-12-31' },
    agent.token,
  );
  expect(approved.body.state).toBe('APPROVED');
  const person = await api.post(
    '/persons',
    { firstName: 'Amel', lastName: 'Plie', birthDate: '1988-02-02' },
    member.token,
  );
  expect((await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, member.token)).status).toBe(
    201,
  );

  // What the workflow projects when its end-date timer fires.
  const view = await platform.temporal.workflow
    .getHandle(accreditationWorkflowId(request.body.requestId))
    .query(accreditationStateQuery);
  const expired = {
    ...view,
    state: 'EXPIRED' as const,
    version: view.version + 1,
    events: [...view.events, { on: '2099-12-31', action: 'expire' as const, state: 'EXPIRED' as const }],
  };
  const { projectAccreditation } = accreditationActivities(platform.db, { publicUrl: 'http://localhost:3000' });
  await projectAccreditation({ view: expired, actedBy: null, action: 'accreditation.expire' });
  await projectAccreditation({ view: expired, actedBy: null, action: 'accreditation.expire' }); // a retry writes nothing twice

  expect((await api.get(`/organizations/${plie.id}`, member.token)).body.authorizationStatus).toBe('NOT_SET');
  const refused = await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, member.token);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/n'est pas habilitée/);
  const notices = await platform.db.notification.findMany({
    where: { recipientOrganizationId: plie.id, subject: 'Habilitation expirée' },
  });
  expect(notices).toHaveLength(1);
  expect(notices[0]?.body).toContain('31/12/2099');
});
