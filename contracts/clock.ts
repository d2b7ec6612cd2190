// The platform's clock as the API gives it (docs/rules.md §6, §12): the web shows and compares
// this day, never a machine clock, so in the sandbox every page follows the simulated date.
import { z } from 'zod';

const clockFields = {
  today: z.string().describe('Le jour de la plateforme (Europe/Paris), AAAA-MM-JJ'),
  now: z.string().describe("L'instant de la plateforme, ISO 8601"),
  canAdvance: z.boolean().describe('Vrai pour un formateur ou un administrateur, dans le bac à sable'),
};

/** GET /clock (public). */
export const platformClockSchema = z.object({ ...clockFields, sandbox: z.boolean() });
export type PlatformClock = z.output<typeof platformClockSchema>;

/** GET /sandbox/clock. */
export const sandboxClockSchema = z.object(clockFields);

/** POST /sandbox/advance. */
export const sandboxAdvanceSchema = sandboxClockSchema.extend({ from: z.string(), elapsedMs: z.number() });
