// Dashboard figures of one scope (docs/rules.md §9), as GET /stats returns them.
import { z } from 'zod';
import { ACCREDITATION_STATES } from '../domain/accreditation.ts';

export const statsSchema = z.object({
  scope: z.string().meta({ description: '`national`, `region:<code>` ou `departement:<code>`' }),
  scopeLabel: z.string(),
  computedOn: z.string().meta({ format: 'date' }),
  peopleInParcours: z.number().int().meta({ description: 'Personnes dont le PASS IAE est valide ce jour' }),
  hiresPerMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  passesEndingSoon: z.number().int().meta({ description: 'PASS IAE valides qui se terminent dans les 90 jours' }),
  accreditation: z.object({
    byState: z.array(z.object({ state: z.enum(ACCREDITATION_STATES), count: z.number().int() })),
    medianDecisionDays: z.number().nullable(),
    overdue: z.number().int(),
  }),
  selfPrescription: z.object({
    hires: z.number().int(),
    selfPrescribed: z.number().int(),
    sharePercent: z.number().nullable(),
  }),
  controls: z.object({
    campaignsByState: z.array(z.object({ state: z.string(), count: z.number().int() })),
    controlsByStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
    sanctionsByKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  }),
});

export type Stats = z.output<typeof statsSchema>;
