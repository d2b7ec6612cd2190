// Persons and eligibility diagnoses through the JSON API (docs/rules.md §4): same client rules as
// $lib/server/api (bearer token and IP forwarded, French ApiError on refusals).
import { z } from 'zod';
import { requestJson, type ApiError, type Caller } from './api';

const idSchema = z.union([z.string(), z.number()]).transform(String);

const diagnosisSchema = z.object({
  id: idSchema,
  author: z.enum(['PRESCRIBER', 'EMPLOYER']),
  criteria: z.array(z.string()),
  madeOn: z.string(),
  expiresOn: z.string(),
});
export type PersonDiagnosis = z.output<typeof diagnosisSchema>;

const personSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  nir: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  franceTravailId: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  email: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  phone: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  communeCode: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  diagnoses: z.array(diagnosisSchema),
});
export type Person = z.output<typeof personSchema>;

/** The part of GET /organizations/{id} the diagnosis form needs. */
const employerSchema = z.object({
  id: idSchema,
  type: z.string(),
  employerKind: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

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
      employerSchema,
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

/** Field messages of a 400 answer (details with path `body.<field>`), first one per field. */
export function bodyFieldErrors(err: ApiError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const detail of err.details) {
    if (!detail || typeof detail !== 'object') continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string' || !path.startsWith('body.')) continue;
    const field = path.slice('body.'.length).split('.')[0]!;
    // The API's schema messages are fragments ("adresse e-mail invalide"): written as sentences here.
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    result[field] ??= /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return result;
}
