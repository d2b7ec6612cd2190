// The generated hostile-input sweep (docs/rules.md §11, §13): for every write route of the
// OpenAPI document and every field of its body, hostile values one at a time, plus broken
// bodies and undecodable paths. No answer is a 5xx; every refusal is a 4xx in the error shape
// and writes no row. A new route is swept without a new test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../api/app.ts';
import type { AnyRoute } from '../../api/route.ts';
import { createOrganization, newSiret } from '../support/factories.ts';
import {
  ALWAYS_REFUSED,
  baselines,
  HOSTILE_VALUES,
  inParallel,
  mutate,
  rowCounts,
  type JsonSchema,
  type SweepFixtures,
} from '../support/hostile-input.ts';
import { apiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

interface Case {
  route: AnyRoute;
  label: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** The route's own schema would accept it: any non-5xx answer will do. */
  acceptable: boolean;
}
interface Operation {
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

let platform: TestPlatform;
let admin: string;
let fixtures: SweepFixtures;
let pathIds: Record<string, string>;
const failures: string[] = [];
let serverErrors = 0;

beforeAll(async () => {
  platform = await startTestPlatform();
  const api = apiClient(platform.baseUrl);
  admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const employer = await createOrganization(api, admin, {
    type: 'EMPLOYER',
    name: 'ACI Balayage',
    departement: '93',
    employerKind: 'ACI',
    siret: newSiret(),
    communeCode: '93008',
  });
  const prescriber = await createOrganization(api, admin, {
    type: 'PRESCRIBER',
    name: 'CAF Balayage',
    departement: '93',
    prescriberKind: 'CAF',
  });
  const person = await api.post(
    '/persons',
    { firstName: 'Alex', lastName: 'Balayage', birthDate: '1990-01-01' },
    admin,
  );
  const job = await api.post(
    `/employers/${employer.id}/job-descriptions`,
    { romeCode: 'A1203', title: 'Jardinier', contractType: 'CDDI', openPositions: 1, hoursPerWeek: 20 },
    admin,
  );
  expect([person.status, job.status]).toEqual([201, 201]);
  fixtures = { personId: person.body.id, employerId: employer.id, organizationId: prescriber.id };
  pathIds = { employers: employer.id, persons: person.body.id, 'job-descriptions': job.body.id };
});
afterAll(() => platform?.stop());

function concretePath(path: string, broken = false): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string, offset: number) => {
    if (broken) return '%E0%A4%A';
    if (name === 'number') return '999990000001';
    if (name === 'code') return '93';
    const resource =
      path
        .slice(1, offset - 1)
        .split('/')
        .at(-1) ?? '';
    return pathIds[resource] ?? randomUUID();
  });
}

function casesFor(route: AnyRoute, operation: Operation): Case[] {
  const path = concretePath(route.path);
  const json = { 'content-type': 'application/json' };
  const cases: Case[] = [
    { route, label: 'broken JSON', path, body: '{"a": ', headers: json, acceptable: false },
    { route, label: 'text/plain body', path, body: '{}', headers: { 'content-type': 'text/plain' }, acceptable: false },
    {
      route,
      label: 'gzip that is not gzip',
      path,
      body: '{}',
      headers: { ...json, 'content-encoding': 'gzip' },
      acceptable: false,
    },
  ];
  if (route.params) {
    cases.push({
      route,
      label: 'undecodable path',
      path: concretePath(route.path, true),
      body: '{}',
      headers: json,
      acceptable: false,
    });
  }
  const schema = operation.requestBody?.content['application/json'].schema;
  if (!schema || !route.body) return cases;
  for (const baseline of baselines(schema, fixtures).map((body) => validBaseline(route, body))) {
    for (const field of Object.keys(baseline)) {
      for (const [name, value] of HOSTILE_VALUES) {
        const body = mutate(baseline, field, value);
        cases.push({
          route,
          label: `${field} = ${name}`,
          path,
          body: JSON.stringify(body),
          headers: json,
          acceptable: !ALWAYS_REFUSED.has(name) && route.body.safeParse(body).success,
        });
      }
    }
  }
  return cases;
}

/** Drops the optional fields the generator could not fill validly; a required one is a failure. */
function validBaseline(route: AnyRoute, body: Record<string, unknown>): Record<string, unknown> {
  const pruned = { ...body };
  for (const issue of route.body.safeParse(body).error?.issues ?? []) delete pruned[String(issue.path[0])];
  const result = route.body.safeParse(pruned);
  if (!result.success) failures.push(`${route.method} ${route.path}: no valid baseline (${result.error.message})`);
  return pruned;
}

async function send(sweepCase: Case): Promise<void> {
  const response = await fetch(`${platform.baseUrl}/api/v1${sweepCase.path}`, {
    method: sweepCase.route.method.toUpperCase(),
    headers: { authorization: `Bearer ${admin}`, ...sweepCase.headers },
    body: sweepCase.body,
  });
  const text = await response.text();
  const where = `${sweepCase.route.method.toUpperCase()} ${sweepCase.route.path} [${sweepCase.label}] → ${response.status}`;
  if (response.status >= 500) serverErrors += 1;
  const refusalExpected = !sweepCase.acceptable;
  if (response.status >= 500 || (refusalExpected && response.status < 400)) {
    failures.push(`${where} ${text.slice(0, 160)}`);
    return;
  }
  if (response.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
      failures.push(`${where} without the error shape: ${text.slice(0, 160)}`);
    }
  }
}

describe('hostile input on every write route', () => {
  it('gets a 4xx in the error shape, never a 5xx, and refusals write no row', async () => {
    const document = (await (await fetch(`${platform.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const writeRoutes = routes.filter((route) => route.method !== 'get');
    const acceptable: Case[] = [];
    for (const route of writeRoutes) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path} in the OpenAPI document`).toBeDefined();
      const cases = casesFor(route, operation!);
      const before = await rowCounts(platform.db);
      await inParallel(
        cases.filter((c) => !c.acceptable),
        4,
        send,
      );
      const after = await rowCounts(platform.db);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        failures.push(`${route.method.toUpperCase()} ${route.path}: a refused request wrote rows`);
      }
      acceptable.push(...cases.filter((c) => c.acceptable));
    }
    await inParallel(acceptable, 4, send);
    console.info(`hostile-input sweep: ${serverErrors} answers 5xx`);
    expect(failures).toEqual([]);
  });
});
