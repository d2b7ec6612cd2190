// The administrators' part of the JSON API client: employer imports (docs/rules.md §3) and the
// self-prescription rollout by département (docs/rules.md §10). Same conventions as api.ts.
import { z } from 'zod';
import { outboxPageSchema } from '$contracts/mails.ts';
import { requestJson, type Caller } from './api';

const importStateSchema = z.enum(['PENDING', 'RUNNING', 'DONE', 'FAILED']);
export type ImportState = z.infer<typeof importStateSchema>;

const employerImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: importStateSchema,
  totalRows: z.number(),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  errorCount: z.number(),
  report: z.array(
    z.object({ line: z.number(), errors: z.array(z.object({ column: z.string(), message: z.string() })) }),
  ),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type EmployerImport = z.infer<typeof employerImportSchema>;

const departementSettingSchema = z.object({
  code: z.string(),
  name: z.string(),
  selfPrescriptionEnabled: z.boolean(),
  lastChange: z.object({ at: z.string(), enabled: z.boolean(), previous: z.boolean(), by: z.string() }).nullable(),
});
export type DepartementSetting = z.infer<typeof departementSettingSchema>;

export const adminApi = {
  /** GET /admin/mails: the e-mail outbox, newest first (« Courriels envoyés »). */
  mails: (caller: Caller, page: number) => requestJson('GET', `/admin/mails?page=${page}`, caller, outboxPageSchema),
  /** POST /employer-imports: the file is checked, stored and its import started. */
  createEmployerImport: (caller: Caller, body: { fileName: string; content: string }) =>
    requestJson('POST', '/employer-imports', caller, employerImportSchema, body),
  employerImports: async (caller: Caller) =>
    (await requestJson('GET', '/employer-imports', caller, z.object({ items: z.array(employerImportSchema) }))).items,
  employerImport: (caller: Caller, id: string) =>
    requestJson('GET', `/employer-imports/${encodeURIComponent(id)}`, caller, employerImportSchema),
  departementSettings: async (caller: Caller) =>
    (await requestJson('GET', '/departements/settings', caller, z.object({ items: z.array(departementSettingSchema) })))
      .items,
  setSelfPrescription: (caller: Caller, code: string, enabled: boolean) =>
    requestJson(
      'PUT',
      `/departements/${encodeURIComponent(code)}/self-prescription`,
      caller,
      departementSettingSchema,
      {
        enabled,
      },
    ),
};

export const ADMIN_ONLY = 'Cette page est réservée aux administrateurs de la plateforme.';
