// GET /healthz (served at the API server root): is the database reachable, is Temporal reachable.
import { z } from 'zod';

const probeSchema = z.object({ ok: z.boolean(), error: z.string().optional() });

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: probeSchema,
  temporal: probeSchema,
});
export type Health = z.output<typeof healthSchema>;
