// Persons and eligibility diagnoses through the JSON API (SPEC §4): same client rules as
// $lib/server/api (bearer token and IP forwarded, French ApiError on refusals).
import { env } from '$env/dynamic/private';
import { z } from 'zod';
import { ApiError, type Caller } from './api';

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

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() }),
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

const UNAVAILABLE_MESSAGE = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.';
const REQUEST_TIMEOUT_MS = 10_000;

function baseUrl(): string {
  const value = env.INTERNAL_API_URL;
  if (!value) throw new Error('INTERNAL_API_URL is not set (e.g. http://127.0.0.1:3000/api/v1)');
  return value.replace(/\/+$/, '');
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  caller: Caller,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const url = `${baseUrl()}${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.clientIp) headers['x-forwarded-for'] = caller.clientIp;
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    console.error(JSON.stringify({ msg: 'API unreachable', method, path, cause: String(cause) }));
    throw new ApiError(503, 'API_UNAVAILABLE', UNAVAILABLE_MESSAGE);
  }

  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details ?? []);
    }
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', UNAVAILABLE_MESSAGE);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    // No payload in the log: it holds personal data (SPEC §11).
    console.error(JSON.stringify({ msg: 'Unexpected API payload', method, path, issues: parsed.error.issues.length }));
    throw new ApiError(502, 'UNEXPECTED_RESPONSE', UNAVAILABLE_MESSAGE);
  }
  return parsed.data;
}

export const personApi = {
  /** POST /persons: registers a person; 409 with details[0].existingId for a duplicate. */
  async createPerson(caller: Caller, person: NewPerson): Promise<Person> {
    return request('POST', '/persons', caller, personSchema, person);
  },

  /** GET /persons/{id}: the person and the diagnoses the caller may see (403 off the case). */
  async person(caller: Caller, id: string): Promise<Person> {
    return request('GET', `/persons/${encodeURIComponent(id)}`, caller, personSchema);
  },

  /** POST /persons/{id}/diagnoses: a prescriber's diagnosis, or an SIAE's own (employerId). */
  async recordDiagnosis(
    caller: Caller,
    personId: string,
    body: { criteria: string[]; employerId?: string },
  ): Promise<PersonDiagnosis> {
    return request('POST', `/persons/${encodeURIComponent(personId)}/diagnoses`, caller, diagnosisSchema, body);
  },

  /** GET /organizations/{id}: the employer's kind (ACI, AI…), which sets the self-prescription rule. */
  async employerKind(caller: Caller, organizationId: string): Promise<string | null> {
    const organization = await request(
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
