// Persons and eligibility diagnoses through the JSON API (docs/rules.md §4): same client rules as
// $lib/server/api (bearer token and IP forwarded, French ApiError on refusals).
import { organizationSchema } from '$contracts/organizations.ts';
import { diagnosisSchema, personSchema, type Person, type PersonDiagnosis } from '$contracts/persons.ts';
import { requestJson, type ApiError, type Caller } from './api';

export type { Person, PersonDiagnosis } from '$contracts/persons.ts';

export interface NewPerson {
  firstName: string;
  lastName: string;
  birthDate: string;
  nir?: string;
  franceTravailId?: string;
  email?: string;
  phone?: string;
}

export const personApi = {
  /** POST /persons: registers a person; 409 with details[0].existingId for a duplicate. */
  async createPerson(caller: Caller, person: NewPerson): Promise<Person> {
    return requestJson('POST', '/persons', caller, personSchema, person);
  },

  /** GET /persons/{id}: the person and the diagnoses the caller may see (403 off the case). */
  async person(caller: Caller, id: string): Promise<Person> {
    return requestJson('GET', `/persons/${encodeURIComponent(id)}`, caller, personSchema);
  },

  /** PATCH /persons/{id}: changes the identity or contact details (null clears an optional field). */
  async updatePerson(
    caller: Caller,
    id: string,
    changes: Partial<Record<keyof NewPerson, string | null>>,
  ): Promise<Person> {
    return requestJson('PATCH', `/persons/${encodeURIComponent(id)}`, caller, personSchema, changes);
  },

  /** POST /persons/{id}/diagnoses: a prescriber's diagnosis, or an SIAE's own (employerId). */
  async recordDiagnosis(
    caller: Caller,
    personId: string,
    body: { criteria: string[]; employerId?: string },
  ): Promise<PersonDiagnosis> {
    return requestJson('POST', `/persons/${encodeURIComponent(personId)}/diagnoses`, caller, diagnosisSchema, body);
  },

  /** GET /organizations/{id}: the employer's kind (ACI, AI…), which sets the self-prescription rule. */
  async employerKind(caller: Caller, organizationId: string): Promise<string | null> {
    const organization = await requestJson(
      'GET',
      `/organizations/${encodeURIComponent(organizationId)}`,
      caller,
      organizationSchema,
    );
    return organization.type === 'EMPLOYER' ? organization.employerKind : null;
  },
};

/** The id of the person already registered, from a 409 answer of POST /persons. */
export function existingPersonId(err: ApiError): string | null {
  for (const detail of err.details) {
    if (detail && typeof detail === 'object' && 'existingId' in detail) {
      const id = (detail as { existingId: unknown }).existingId;
      if (typeof id === 'string' || typeof id === 'number') return String(id);
    }
  }
  return null;
}
