// An application as the API answers it (docs/rules.md §4, §13): GET/POST /applications….
import { z } from 'zod';
import { APPLICATION_STATES } from '../domain/applications.ts';
import { pageOf } from './worklists.ts';

export const applicationSchema = z.object({
  id: z.string(),
  state: z.enum(APPLICATION_STATES),
  person: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  employer: z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() }),
  sender: z.object({ organizationId: z.string(), organizationName: z.string(), kind: z.string() }),
  jobDescription: z.object({ id: z.string(), title: z.string(), romeCode: z.string() }).nullable(),
  message: z.string().nullable(),
  refusalReason: z.string().nullable(),
  refusalMessage: z.string().nullable(),
  hiringStartDate: z.string().nullable(),
  hiringEndDate: z.string().nullable(),
  pass: z.object({ number: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  createdAt: z.string(),
  lastUpdatedOn: z.string(),
  history: z.array(
    z.object({
      transition: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      reason: z.string().nullable(),
      actorOrganizationId: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
});
export type Application = z.output<typeof applicationSchema>;

/** GET /applications: one page of them. */
export const applicationListSchema = pageOf(applicationSchema);

/** GET /persons: its contract is in contracts/persons.ts (re-exported for older imports). */
export { personListSchema, personSummarySchema, type PersonSummary } from './persons.ts';
