// An SIAE's self-prescription right as the API answers it (docs/rules.md §8, §13): its state on
// the platform's today, a revocation notified but not started yet, and its history.
import { z } from 'zod';

export const RIGHT_STATUSES = ['ACTIVE', 'REVOKED_UNTIL', 'REVOKED_PERMANENTLY'] as const;
export const rightStatusSchema = z.enum(RIGHT_STATUSES);

export const rightChangeSchema = z.object({
  version: z.number(),
  action: z.enum(['schedule', 'start', 'restore', 'lift']),
  on: z.string(),
  status: rightStatusSchema,
  revokedFrom: z.string().nullable(),
  revokedUntil: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RightChange = z.output<typeof rightChangeSchema>;

export const selfPrescriptionRightSchema = z.object({
  employerId: z.string(),
  employerName: z.string(),
  departement: z.string(),
  status: rightStatusSchema,
  /** First revoked day of the current revocation. */
  revokedFrom: z.string().nullable(),
  /** Last revoked day (inclusive) of a temporary revocation. */
  revokedUntil: z.string().nullable(),
  /** A revocation notified, not started yet (while ACTIVE). */
  scheduled: z.object({ from: z.string(), until: z.string().nullable() }).nullable(),
  history: z.array(rightChangeSchema),
});
export type SelfPrescriptionRight = z.output<typeof selfPrescriptionRightSchema>;

export const revokedEmployerSchema = selfPrescriptionRightSchema.omit({ history: true });
export const revokedEmployerListSchema = z.object({ items: z.array(revokedEmployerSchema) });
export type RevokedEmployer = z.output<typeof revokedEmployerSchema>;
