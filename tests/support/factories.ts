// Factories that go through the public API as an administrator, like a real set-up would.
import { expect } from 'vitest';
import { luhnValid } from '../../domain/siret.ts';
import type { ApiClient } from './http.ts';

let sequence = 0;

/** A fresh Luhn-valid SIRET for each call. */
export function newSiret(): string {
  sequence += 1;
  const base = `9${String(Date.now() % 1e6).padStart(6, '0')}${String(sequence).padStart(6, '0')}`;
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(base + digit)) return base + digit;
  throw new Error('unreachable');
}

export const PASSWORD = 'Mot-de-passe-solide-42';

export async function createOrganization(api: ApiClient, adminToken: string, body: Record<string, unknown>) {
  const response = await api.post('/organizations', body, adminToken);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; authorizationStatus: string | null; departement: string };
}

/** Creates a user in the organization and returns a bearer token for them. */
export async function createMember(api: ApiClient, adminToken: string, organizationId: string, label: string) {
  const email = `${label}-${Date.now()}-${++sequence}@test.inclusion.localhost`;
  const response = await api.post(
    '/users',
    { email, password: PASSWORD, firstName: 'Prénom', lastName: label, organizationId },
    adminToken,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as string, email, token: await api.token(email, PASSWORD) };
}
