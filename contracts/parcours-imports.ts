// Take-over imports of running PASS IAE as the API answers them (docs/decisions/025-take-over-import.md):
// progress, what was started and what was already running, and the line-by-line report.
import { z } from 'zod';
import { PARCOURS_IMPORT_STATES } from '../domain/parcours-import.ts';

export const parcoursImportReportSchema = z.array(
  z.object({ line: z.number(), errors: z.array(z.object({ column: z.string(), message: z.string() })) }),
);
export type ParcoursImportReport = z.output<typeof parcoursImportReportSchema>;

/** POST /parcours-imports, GET /parcours-imports/{id}. */
export const parcoursImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: z.enum(PARCOURS_IMPORT_STATES),
  totalRows: z.number().meta({ description: 'Lignes valides à reprendre' }),
  processedRows: z.number(),
  startedCount: z.number().meta({ description: 'Parcours démarrés par cet import' }),
  alreadyCount: z.number().meta({ description: 'Parcours déjà repris (déjà en cours sur la plateforme)' }),
  errorCount: z.number().meta({ description: 'Lignes refusées (voir report)' }),
  report: parcoursImportReportSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ParcoursImport = z.output<typeof parcoursImportSchema>;

/** GET /parcours-imports: the latest imports, without their report. */
export const parcoursImportListSchema = z.object({ items: z.array(parcoursImportSchema) });
