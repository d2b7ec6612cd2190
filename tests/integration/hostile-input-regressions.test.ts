// One regression per family of issue 10 ("no input reaches a 500", docs/rules.md §11, §13),
// beside the generated sweep (hostile-input.test.ts), which covers every write route.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accreditationWorkflowId } from '../../workflows/accreditation/contract.ts';
import { createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
let employerId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ web: true });
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  employerId = (
    await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'EI Régressions',
      departement: '93',
      employerKind: 'EI',
      siret: newSiret(),
    })
  ).id;
});
afterAll(() => platform?.stop());

const job = (overrides: Record<string, unknown>) => ({
  romeCode: 'A1203',
  title: 'Jardinier',
  contractType: 'CDDI',
  openPositions: 1,
  hoursPerWeek: 20,
  ...overrides,
});

describe('hostile input families', () => {
  it('a body announced as gzip that is not gzip gets 400, login included', async () => {
    for (const path of ['/auth/token', '/persons']) {
      const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{"email": "a@b.fr"}',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('malformed_request');
    }
    const real = await fetch(`${platform.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(TEST_ADMIN)),
    });
    expect(real.status).toBe(200);
  });

  it('an undecodable % sequence in a path gets 400 from the API and a 4xx from the web app', async () => {
    const apiResponse = await api.get('/persons/%E0%A4%A', admin);
    expect(apiResponse.status).toBe(400);
    expect(apiResponse.body.error.message).toMatch(/mal formée/);
    const page = await fetch(`${platform.baseUrl}/personnes/%E0%A4%A`, { redirect: 'manual' });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(500);
  });

  it('a NUL character in a text field gets 400 invalid_request', async () => {
    const response = await api.post(
      '/persons',
      { firstName: 'A\u0000', lastName: 'B', birthDate: '1990-01-01' },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe('body.firstName');
  });

  it('openPositions beyond a 32-bit integer gets 400, not a database overflow', async () => {
    const response = await api.post(
      `/employers/${employerId}/job-descriptions`,
      job({ openPositions: 2 ** 31 }),
      admin,
    );
    expect(response.status).toBe(400);
  });

  it('"__proto__" or "constructor" is not a contract type', async () => {
    for (const contractType of ['__proto__', 'constructor', 'toString']) {
      const response = await api.post(`/employers/${employerId}/job-descriptions`, job({ contractType }), admin);
      expect(response.status, contractType).toBe(400);
    }
  });

  it('an e-mail address longer than 254 characters gets 400', async () => {
    const email = `${'a'.repeat(10 * 1024)}@exemple.fr`;
    const response = await api.post(
      '/persons',
      { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', email },
      admin,
    );
    expect(response.status).toBe(400);
  });

  it('a decision on a rejected accreditation request, whose workflow has ended, gets 422', async () => {
    const organization = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CHRS Régressions',
      departement: '93',
      prescriberKind: 'CHRS',
    });
    const request = await api.post(
      '/accreditation-requests',
      { organizationId: organization.id, justification: 'Convention', reference: 'Arrêté 1' },
      admin,
    );
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const id = request.body.id ?? request.body.requestId;
    expect((await api.post(`/accreditation-requests/${id}/reject`, { reason: 'Incomplet' }, admin)).status).toBe(200);
    await platform.temporal.workflow.getHandle(accreditationWorkflowId(id)).result();
    for (const [action, body] of [
      ['approve', {}],
      ['withdraw', { reason: 'Fin' }],
    ] as const) {
      const response = await api.post(`/accreditation-requests/${id}/${action}`, body, admin);
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body.error.code).toBe('case_closed');
    }
  });
});
