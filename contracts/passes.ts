// A PASS IAE as the API answers it (docs/rules.md §5, §13): the parcours workflow's live view
// (workflows/parcours/contract.ts ParcoursView), and the prolongation requests.
import { z } from 'zod';
import { pageOf } from './worklists.ts';
import { EMPLOYER_KINDS } from '../domain/organizations.ts';
import { PROLONGATION_REASONS } from '../domain/pass/prolongations.ts';
import { PASS_STATUSES } from '../domain/pass/status.ts';
import { SUSPENSION_REASONS } from '../domain/pass/suspensions.ts';

const PARCOURS_EVENT_KINDS = [
  'issued',
  'hired',
  'suspended',
  'suspensionEnded',
  'prolonged',
  'prolongationRequested',
  'prolongationGranted',
  'prolongationDenied',
  'prolongationRequestReminder',
  'endReminder',
  'expired',
  'cancelled',
  'hireCancelled',
  'hirePostponed',
  'waitingPeriodEnded',
  'anonymized',
] as const;

export const passViewSchema = z.object({
  passNumber: z.string(),
  personId: z.string(),
  status: z.enum(PASS_STATUSES),
  start: z.string(),
  end: z.string().meta({ description: 'Date de fin, suspensions et prolongations comprises' }),
  remainingDays: z.number().int(),
  holdingEmployerId: z.string().meta({ description: "L'employeur de la dernière embauche" }),
  today: z.string().meta({ description: 'Le jour pour lequel la vue est calculée' }),
  cancelled: z.boolean(),
  expired: z.boolean(),
  waitingPeriodEnded: z.boolean(),
  anonymized: z.boolean(),
  remindedThresholds: z.array(z.number().int()),
  version: z.number().int(),
  hires: z.array(z.object({ employerId: z.string(), employerKind: z.enum(EMPLOYER_KINDS), start: z.string() })),
  suspensions: z.array(
    z.object({
      id: z.string(),
      employerId: z.string(),
      start: z.string(),
      end: z.string(),
      reason: z.enum(SUSPENSION_REASONS),
    }),
  ),
  prolongations: z.array(
    z.object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      reason: z.enum(PROLONGATION_REASONS),
      validatedBy: z.enum(['EMPLOYER', 'AUTHORIZED_PRESCRIBER']),
    }),
  ),
  pendingRequest: z
    .object({
      id: z.string(),
      reason: z.enum(PROLONGATION_REASONS),
      endDate: z.string(),
      requestedOn: z.string(),
      employerId: z.string(),
      prescriberOrganizationId: z.string(),
      remindersSent: z.number().int(),
    })
    .nullable(),
  events: z.array(z.object({ on: z.string(), kind: z.enum(PARCOURS_EVENT_KINDS), detail: z.string().optional() })),
});
export type PassView = z.output<typeof passViewSchema>;

/** An organization a PASS names: each employer of its hires and suspensions, a prescriber asked to prolong it. */
export const passOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable().meta({ description: "Type d'employeur (ACI, AI…) ou de prescripteur" }),
});
export type PassOrganization = z.output<typeof passOrganizationSchema>;

/**
 * GET /passes/{number}: the live view with its holder and the organizations it names by id. Only
 * those on the holder's case read it (docs/rules.md §2, §11), so the holder is named to them.
 */
export const passDetailSchema = passViewSchema.extend({
  holder: z
    .object({ personId: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() })
    .nullable()
    .meta({ description: 'Le titulaire ; null une fois ses données anonymisées' }),
  organizations: z.array(passOrganizationSchema),
});
export type PassDetail = z.output<typeof passDetailSchema>;

/** GET /prescriber-organizations: the authorized prescribers an employer may ask to prolong a PASS. */
export const prescriberChoiceListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string().nullable(), departement: z.string() })),
});
export type PrescriberChoice = z.output<typeof prescriberChoiceListSchema>['items'][number];

export const prolongationRequestSchema = z.object({
  id: z.string(),
  passNumber: z.string(),
  reason: z.string(),
  endDate: z.string(),
  requestedOn: z.string(),
  state: z.enum(['PENDING', 'GRANTED', 'DENIED']),
  /** The PASS holder; null once their data is anonymized. */
  person: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
  employer: z.object({ id: z.string(), name: z.string() }),
  prescriberOrganization: z.object({ id: z.string(), name: z.string() }),
});
export type ProlongationRequestItem = z.output<typeof prolongationRequestSchema>;
/** GET /prolongation-requests: one page of them. */
export const prolongationRequestListSchema = pageOf(prolongationRequestSchema);
