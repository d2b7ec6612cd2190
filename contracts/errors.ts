// The error shape of every refusal (docs/rules.md §13): {"error": {"code", "message" (French), "details"}}.
import { z } from 'zod';

/** A detail names the field at fault (`path`) and may carry more (e.g. `existingId` of a duplicate). */
export const errorDetailSchema = z.looseObject({ path: z.string().optional(), message: z.string() });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().meta({ description: 'Message en français, affichable tel quel.' }),
    details: z.array(errorDetailSchema),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
export type ErrorDetail = z.output<typeof errorDetailSchema>;
