// The administrators' part of the JSON API client: employer imports (docs/rules.md §3) and the
// self-prescription rollout by département (docs/rules.md §10). Same conventions as api.ts.
import { outboxPageSchema } from '$contracts/mails.ts';
import { departementSettingListSchema, departementSettingSchema } from '$contracts/departements.ts';
import { employerImportListSchema, employerImportSchema } from '$contracts/employer-imports.ts';
import { requestJson, type Caller } from './api';

export type { DepartementSetting } from '$contracts/departements.ts';
export type { EmployerImport } from '$contracts/employer-imports.ts';
export type { EmployerImportState as ImportState } from '$domain/employer-import.ts';

export const adminApi = {
  /** GET /admin/mails: the e-mail outbox, newest first (« Courriels envoyés »). */
  mails: (caller: Caller, page: number) => requestJson('GET', `/admin/mails?page=${page}`, caller, outboxPageSchema),
  /** POST /employer-imports: the file is checked, stored and its import started. */
  createEmployerImport: (caller: Caller, body: { fileName: string; content: string }) =>
    requestJson('POST', '/employer-imports', caller, employerImportSchema, body),
  employerImports: async (caller: Caller) =>
    (await requestJson('GET', '/employer-imports', caller, employerImportListSchema)).items,
  employerImport: (caller: Caller, id: string) =>
    requestJson('GET', `/employer-imports/${encodeURIComponent(id)}`, caller, employerImportSchema),
  departementSettings: async (caller: Caller) =>
    (await requestJson('GET', '/departements/settings', caller, departementSettingListSchema)).items,
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
