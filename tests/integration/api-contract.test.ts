// The API's contract on every route: bad input gets 400/422 in the error shape of docs/rules.md §13 and changes
// nothing; no token → 401; a role that may not → 403; the OpenAPI document lists every route.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../api/app.ts';
import type { Role } from '../../domain/organizations.ts';
import { createMember, createOrganization } from '../support/factories.ts';
import { apiClient, type ApiClient, type ApiResponse } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let api: ApiClient;
let admin: string;
const tokens = {} as Record<Exclude<Role, 'ADMIN'>, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const organizations = {
    PRESCRIBER: await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CAF 93',
      departement: '93',
      prescriberKind: 'CAF',
    }),
    EMPLOYER_STAFF: await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'ACI Test',
      departement: '93',
      employerKind: 'ACI',
      siret: '73282932000074',
    }),
    PREFECTURE_AGENT: await createOrganization(api, admin, {
      type: 'PREFECTURE',
      name: 'Préfecture 93',
      departement: '93',
    }),
    LABOUR_INSPECTOR: await createOrganization(api, admin, { type: 'DDETS', name: 'DDETS 93', departement: '93' }),
  };
  for (const [role, organization] of Object.entries(organizations)) {
    tokens[role as keyof typeof tokens] = (await createMember(api, admin, organization.id, role.toLowerCase())).token;
  }
});
afterAll(() => platform?.stop());

/** Row counts of every table: what must not move when a request is refused. */
async function snapshot() {
  const db = platform.db;
  return {
    organizations: await db.organization.count(),
    users: await db.user.count(),
    memberships: await db.membership.count(),
    sessions: await db.session.count({ where: { revokedAt: null } }),
    jobDescriptions: await db.jobDescription.count(),
    accreditationRequests: await db.accreditationRequest.count(),
    audit: await db.auditEntry.count(),
    notifications: await db.notification.count(),
    departementSettings: await db.departementSetting.count(),
  };
}

const VALID_PASS_NUMBER = '999990000001';
const pathWith = (path: string, id: string, number = VALID_PASS_NUMBER, code = '93') =>
  path.replace('{id}', id).replace('{number}', number).replace('{code}', code);

function expectErrorShape(response: ApiResponse, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toEqual({
    error: { code: code ?? expect.any(String), message: expect.any(String), details: expect.any(Array) },
  });
  // User-facing messages are French sentences, never English or a stack trace.
  expect(response.body.error.message).toMatch(/^[A-ZÀ-Ý].*\.$/);
  expect(response.body.error.message).not.toMatch(/\b(the|is|not|invalid|error|required|expected)\b|at .*\.ts/i);
}

describe('bad input on every route', () => {
  it('malformed JSON gets 400 malformed_json and changes nothing', async () => {
    const before = await snapshot();
    for (const route of routes.filter((r) => r.method !== 'get')) {
      const response = await api.call(route.method.toUpperCase(), pathWith(route.path, randomUUID()), {
        token: admin,
        rawBody: '{"nom": "incomplet",',
      });
      expectErrorShape(response, 400, 'malformed_json');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a body of the wrong shape gets 400 with one detail per problem, and changes nothing', async () => {
    const before = await snapshot();
    for (const route of routes.filter((r) => r.body)) {
      // (A bare string or number is not accepted as a JSON body at all: malformed_json, tested above.)
      for (const body of [{ champInconnu: true }, [], [1, 2]]) {
        const response = await api.call(route.method.toUpperCase(), pathWith(route.path, randomUUID()), {
          token: admin,
          body,
        });
        expectErrorShape(response, 400, 'invalid_request');
        expect(response.body.error.details.length, `${route.method} ${route.path}`).toBeGreaterThan(0);
        for (const detail of response.body.error.details)
          expect(detail).toEqual({ path: expect.stringMatching(/^body/), message: expect.any(String) });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed identifier in the path gets 400', async () => {
    for (const route of routes.filter((r) => r.params)) {
      const response = await api.call(
        route.method.toUpperCase(),
        pathWith(route.path, 'pas-un-uuid', '12345', 'pas-un-code'),
        {
          token: admin,
          body: {},
        },
      );
      expectErrorShape(response, 400, 'invalid_request');
      expect(response.body.error.details[0].path).toMatch(/^params\.(id|number|code)$/);
    }
  });

  it('an unknown or ill-typed query parameter gets 400', async () => {
    for (const route of routes.filter((r) => r.query)) {
      const unknown = await api.call('GET', `${route.path}?inconnu=1`, { token: admin });
      expectErrorShape(unknown, 400, 'invalid_request');
    }
    const badState = await api.get('/accreditation-requests?state=PEUT_ETRE', admin);
    expectErrorShape(badState, 400, 'invalid_request');
  });

  it('field rules: invalid SIRET, unknown département, short password, bad e-mail, bad date', async () => {
    const before = await snapshot();
    const cases: [string, unknown, string][] = [
      [
        '/organizations',
        { type: 'EMPLOYER', name: 'X', departement: '93', employerKind: 'EI', siret: '73282932000075' },
        'body.siret',
      ],
      ['/organizations', { type: 'PREFECTURE', name: 'X', departement: '00' }, 'body.departement'],
      ['/organizations', { type: 'PRESCRIBER', name: '   ', departement: '93', prescriberKind: 'CAF' }, 'body.name'],
      [
        '/users',
        { email: 'a@b.fr', password: 'court', firstName: 'A', lastName: 'B', organizationId: randomUUID() },
        'body.password',
      ],
      [
        '/users',
        {
          email: 'pas-un-email',
          password: 'assez-long-1234',
          firstName: 'A',
          lastName: 'B',
          organizationId: randomUUID(),
        },
        'body.email',
      ],
      [`/accreditation-requests/${randomUUID()}/approve`, { endDate: '2027-02-30' }, 'body.endDate'],
    ];
    for (const [path, body, field] of cases) {
      const response = await api.post(path, body, admin);
      expectErrorShape(response, 400, 'invalid_request');
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('business rules get 422 with a French message and change nothing', async () => {
    const franceTravail = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'France Travail Montreuil',
      departement: '93',
      prescriberKind: 'FRANCE_TRAVAIL',
    });
    expect(franceTravail.authorizationStatus).toBe('VALIDATED');
    const before = await snapshot();
    const alreadyAuthorized = await api.post(
      '/accreditation-requests',
      { organizationId: franceTravail.id, justification: 'x', reference: 'y' },
      admin,
    );
    expectErrorShape(alreadyAuthorized, 422, 'already_authorized');
    const wrongRole = await api.post(
      '/users',
      {
        email: 'x@y.fr',
        password: 'assez-long-1234',
        firstName: 'A',
        lastName: 'B',
        organizationId: franceTravail.id,
        role: 'LABOUR_INSPECTOR',
      },
      admin,
    );
    expectErrorShape(wrongRole, 422, 'role_not_allowed');
    expect(await snapshot()).toEqual(before);
  });

  it('a duplicate gets 409 with the existing id', async () => {
    const first = await api.post(
      '/organizations',
      { type: 'EMPLOYER', name: 'EI Doublon', departement: '67', employerKind: 'EI', siret: '73282932000074' },
      admin,
    );
    expect(first.status).toBe(201);
    const before = await snapshot();
    const second = await api.post(
      '/organizations',
      { type: 'EMPLOYER', name: 'EI Doublon bis', departement: '67', employerKind: 'EI', siret: '73282932000074' },
      admin,
    );
    expectErrorShape(second, 409, 'conflict');
    expect(second.body.error.details[0].existingId).toBe(first.body.id);
    expect(await snapshot()).toEqual(before);
  });
});

describe('access control on every route', () => {
  it('every non-public route answers 401 without a valid token', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      for (const token of [undefined, 'jeton-inventé']) {
        const response = await api.call(route.method.toUpperCase(), pathWith(route.path, randomUUID()), {
          token,
          body: {},
        });
        expectErrorShape(response, 401, 'unauthorized');
      }
    }
  });

  it('every role-restricted route answers 403 to a user without the role, and changes nothing', async () => {
    const before = await snapshot();
    let checked = 0;
    for (const route of routes.filter((r) => Array.isArray(r.access))) {
      const allowed = route.access as readonly Role[];
      for (const [role, token] of Object.entries(tokens)) {
        if (allowed.includes(role as Role)) continue;
        const response = await api.call(route.method.toUpperCase(), pathWith(route.path, randomUUID()), {
          token,
          body: {},
        });
        expectErrorShape(response, 403, 'forbidden');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(before);
  });

  it('a labour inspector of the département may read an organization; an employer of another organization may not', async () => {
    const organization = await createOrganization(api, admin, {
      type: 'PRESCRIBER',
      name: 'CHRS 93',
      departement: '93',
      prescriberKind: 'CHRS',
    });
    expect((await api.get(`/organizations/${organization.id}`, tokens.LABOUR_INSPECTOR)).status).toBe(200);
    expectErrorShape(await api.get(`/organizations/${organization.id}`, tokens.EMPLOYER_STAFF), 403, 'forbidden');
    expectErrorShape(await api.get(`/organizations/${randomUUID()}`, admin), 404, 'not_found');
  });
});

describe('documentation and health', () => {
  it('the OpenAPI document lists every route with its methods, and the docs page renders in French', async () => {
    const document = (await api.get('/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes)
      expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    expect(document.paths['/organizations'].post.requestBody.content['application/json'].schema).toBeDefined();
    const docs = await fetch(`${platform.baseUrl}/api/v1/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<html lang="fr"');
  });

  it('/healthz reports the database and Temporal reachable', async () => {
    const response = await fetch(`${platform.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
  });

  it('an unknown API route gets 404 in the error shape', async () => {
    expectErrorShape(await api.get('/nulle-part', admin), 404, 'not_found');
  });
});
