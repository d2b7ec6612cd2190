// The take-over import of running PASS IAE in the JSON API client (docs/decisions/025-take-over-import.md).
// Same conventions as api.ts; a file of its own beside admin-api.ts.
import { parcoursImportListSchema, parcoursImportSchema } from '$contracts/parcours-imports.ts';
import { requestJson, type Caller } from './api';

export type { ParcoursImport } from '$contracts/parcours-imports.ts';

export const parcoursImportApi = {
  /** POST /parcours-imports: the file is checked, stored and its take-over started. */
  create: (caller: Caller, body: { fileName: string; content: string }) =>
    requestJson('POST', '/parcours-imports', caller, parcoursImportSchema, body),
  list: async (caller: Caller) =>
    (await requestJson('GET', '/parcours-imports', caller, parcoursImportListSchema)).items,
  get: (caller: Caller, id: string) =>
    requestJson('GET', `/parcours-imports/${encodeURIComponent(id)}`, caller, parcoursImportSchema),
};
