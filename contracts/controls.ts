// Controls a posteriori as the API answers them (docs/rules.md §8, §13): a campaign with its
// recorded draw, a control with its sampled hires and criteria (proof ids, never contents).
import { z } from 'zod';
import { CRITERION_STATES, REFUSAL_REASON_LABELS } from '../domain/controls/states.ts';

const drawSchema = z.object({
  algorithm: z.string(),
  version: z.number(),
  seed: z.number().meta({ description: 'Graine (entier non signé 32 bits) : le tirage se rejoue avec elle' }),
  selectedIds: z.array(z.string()),
});

export const campaignControlSchema = z.object({
  controlId: z.string(),
  employerId: z.string(),
  employerName: z.string().optional(),
  stage: z.string().optional(),
  state: z.string().optional(),
  phaseDeadline: z.string().optional(),
  outcome: z.enum(['accepted', 'refused']).nullable(),
});

export const campaignViewSchema = z.object({
  campaignId: z.string(),
  departement: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  state: z.enum(['open', 'selecting', 'running', 'closed']),
  openedOn: z.string(),
  ratio: z.number().nullable(),
  ratioChosen: z.boolean().nullable(),
  eligibleCount: z.number().nullable(),
  draw: drawSchema.nullable(),
  controls: z.array(campaignControlSchema),
  closedOn: z.string().nullable(),
  version: z.number(),
});
export type CampaignViewResponse = z.output<typeof campaignViewSchema>;

export const campaignListSchema = z.array(
  z.object({
    id: z.string(),
    departement: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    openedOn: z.string(),
    state: z.enum(['OPEN', 'SELECTING', 'RUNNING', 'CLOSED']),
    ratio: z.number().nullable(),
    selectedCount: z.number(),
  }),
);

const criterionSchema = z.object({
  criterion: z.string(),
  state: z.enum(CRITERION_STATES),
  proofId: z.string().nullable(),
  comment: z.string().nullable(),
});

export const controlViewSchema = z.object({
  controlId: z.string(),
  kind: z.enum(['CAMPAIGN', 'SPOT_CHECK']),
  campaignId: z.string().nullable(),
  employerId: z.string(),
  departement: z.string(),
  stage: z.enum(['proofs', 'adversarial', 'awaiting_decision', 'decided']),
  phase: z.enum(['proofs', 'adversarial']),
  phaseStartedOn: z.string(),
  phaseDeadline: z.string(),
  submittedInPhase: z.boolean(),
  state: z.enum(CRITERION_STATES),
  forcedReason: z.string().nullable(),
  hires: z.array(
    z.object({
      applicationId: z.string(),
      passNumber: z.string().nullable().optional(),
      criteria: z.array(criterionSchema),
      failedWithoutCriteria: z.boolean(),
    }),
  ),
  sample: drawSchema.nullable(),
  decision: z
    .object({
      outcome: z.enum(['accepted', 'refused']),
      reason: z.enum(Object.keys(REFUSAL_REASON_LABELS) as [string, ...string[]]).nullable(),
      decidedOn: z.string(),
      sanctions: z.array(z.record(z.string(), z.unknown())),
    })
    .nullable(),
  version: z.number(),
});
export type ControlViewResponse = z.output<typeof controlViewSchema>;

export const proofReceiptSchema = z.object({
  proofId: z.string(),
  sha256: z.string(),
  mimeType: z.string(),
  size: z.number(),
  control: controlViewSchema,
});

export const controlListSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(['CAMPAIGN', 'SPOT_CHECK']),
    campaignId: z.string().nullable(),
    employerId: z.string(),
    stage: z.string(),
    state: z.string(),
    phaseDeadline: z.string(),
    decision: z.string().nullable(),
  }),
);
