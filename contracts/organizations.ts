// An organization as the API answers it (docs/rules.md §2, §3, §13): its kind and its
// authorization status, on the domain's enums.
import { z } from 'zod';
import {
  AUTHORIZATION_STATUSES,
  EMPLOYER_KINDS,
  ORGANIZATION_TYPES,
  PRESCRIBER_KINDS,
} from '../domain/organizations.ts';

export const organizationTypeSchema = z.enum(ORGANIZATION_TYPES);
export const authorizationStatusSchema = z.enum(AUTHORIZATION_STATUSES).nullable();

/** POST /organizations, GET /organizations/{id}. */
export const organizationSchema = z.object({
  id: z.string(),
  type: organizationTypeSchema,
  name: z.string(),
  siret: z.string().nullable(),
  departement: z.string(),
  prescriberKind: z.enum(PRESCRIBER_KINDS).nullable(),
  employerKind: z.enum(EMPLOYER_KINDS).nullable(),
  authorizationStatus: authorizationStatusSchema,
  certified: z.boolean(),
  createdAt: z.string(),
});
export type Organization = z.output<typeof organizationSchema>;
