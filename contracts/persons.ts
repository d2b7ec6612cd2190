// Persons and their eligibility diagnoses as the API answers them (docs/rules.md §4, §13). A
// person's answer lists only the diagnoses the caller may see (an employer's own, every prescriber's).
import { z } from 'zod';
import { DIAGNOSIS_AUTHORS } from '../domain/eligibility.ts';
import { pageOf } from './worklists.ts';

/** POST /persons/{id}/diagnoses, and each of a person's diagnoses. */
export const diagnosisSchema = z.object({
  id: z.string(),
  author: z.enum(DIAGNOSIS_AUTHORS),
  authorOrganizationId: z.string(),
  authorOrganizationName: z.string().meta({ description: "Le nom de l'organisation qui a fait le diagnostic" }),
  criteria: z.array(z.string()),
  madeOn: z.string(),
  expiresOn: z.string(),
});
export type PersonDiagnosis = z.output<typeof diagnosisSchema>;

/** GET /persons: the persons on the caller's case. */
export const personSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
});
export type PersonSummary = z.output<typeof personSummarySchema>;
/** GET /persons: one page of them. */
export const personListSchema = pageOf(personSummarySchema);

/** POST /persons, GET /persons/{id}: the summary, the contact details and the visible diagnoses. */
export const personSchema = personSummarySchema.extend({
  nir: z.string().nullable(),
  franceTravailId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  communeCode: z.string().nullable(),
  diagnoses: z.array(diagnosisSchema),
});
export type Person = z.output<typeof personSchema>;
