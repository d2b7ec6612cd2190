// Accreditation requests as the API answers them (docs/rules.md §7, §13): one request with its
// history (the workflow's view), and the lists. The states are the domain's.
import { z } from 'zod';
import { ACCREDITATION_STATES } from '../domain/accreditation.ts';

export { ACCREDITATION_STATES };
export const accreditationStateSchema = z.enum(ACCREDITATION_STATES);

export const accreditationEventSchema = z.object({
  on: z.string(),
  action: z.string(),
  state: z.string(),
  message: z.string().optional(),
});
export type AccreditationEvent = z.output<typeof accreditationEventSchema>;

export const accreditationViewSchema = z.object({
  requestId: z.string(),
  organizationName: z.string().optional(),
  organizationId: z.string(),
  departement: z.string(),
  justification: z.string(),
  reference: z.string(),
  state: accreditationStateSchema,
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
  endDate: z.string().nullable(),
  informationRequestedOn: z.string().nullable(),
  /** The day the organization answered the latest request for information, null when none or unanswered. */
  answeredOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  events: z.array(accreditationEventSchema),
});
export type AccreditationView = z.output<typeof accreditationViewSchema>;

export const accreditationListItemSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  departement: z.string(),
  state: accreditationStateSchema,
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
  /** As in the view: a SUBMITTED request with this date was completed and waits to be examined again. */
  answeredOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type AccreditationListItem = z.output<typeof accreditationListItemSchema>;
export const accreditationListSchema = z.object({ items: z.array(accreditationListItemSchema) });
