// The self-prescription rollout by département as the API answers it (docs/rules.md §10, §13).
import { z } from 'zod';

/** GET /departements/settings (items), PUT /departements/{code}/self-prescription. */
export const departementSettingSchema = z.object({
  code: z.string(),
  name: z.string(),
  selfPrescriptionEnabled: z.boolean(),
  lastChange: z
    .object({
      at: z.string(),
      enabled: z.boolean(),
      previous: z.boolean(),
      by: z.string().meta({ description: 'Prénom et nom de l’administrateur' }),
    })
    .nullable(),
});
export type DepartementSetting = z.output<typeof departementSettingSchema>;
export const departementSettingListSchema = z.object({ items: z.array(departementSettingSchema) });
