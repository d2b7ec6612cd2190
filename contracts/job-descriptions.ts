// An employer's job descriptions as the API answers them to that employer (docs/rules.md §3, §13):
// the public fields (contracts/registry.ts) and what only the employer sees.
import { z } from 'zod';
import { publicJobDescriptionSchema } from './registry.ts';

/** POST /employers/{id}/job-descriptions, PATCH /job-descriptions/{id}. */
export const jobDescriptionSchema = publicJobDescriptionSchema.extend({
  employerId: z.string(),
  communeCode: z.string().nullable(),
  location: z.string().nullable(),
  lastUpdatedOn: z.string().nullable(),
  deactivatedOn: z.string().nullable(),
});
export type EmployerJobDescription = z.output<typeof jobDescriptionSchema>;

/** GET /employers/{id}/job-descriptions. */
export const jobDescriptionListSchema = z.object({ items: z.array(jobDescriptionSchema) });
