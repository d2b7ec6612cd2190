// Employer imports as the API answers them (docs/rules.md §3, §13): progress and the line-by-line
// report of refused lines.
import { z } from 'zod';
import { EMPLOYER_IMPORT_STATES } from '../domain/employer-import.ts';

export const employerImportReportSchema = z.array(
  z.object({ line: z.number(), errors: z.array(z.object({ column: z.string(), message: z.string() })) }),
);
export type EmployerImportReport = z.output<typeof employerImportReportSchema>;

/** POST /employer-imports, GET /employer-imports/{id}. */
export const employerImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: z.enum(EMPLOYER_IMPORT_STATES),
  totalRows: z.number().meta({ description: 'Lignes valides à importer' }),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  errorCount: z.number().meta({ description: 'Lignes refusées (voir report)' }),
  report: employerImportReportSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type EmployerImport = z.output<typeof employerImportSchema>;

/** GET /employer-imports: the latest imports, without their report. */
export const employerImportListSchema = z.object({ items: z.array(employerImportSchema) });
