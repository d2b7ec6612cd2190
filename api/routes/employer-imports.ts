// CSV import of employers by administrators (docs/rules.md §3): the whole file is checked first and
// stored with its line-by-line report; a workflow then upserts the valid lines in batches.
import { randomUUID } from 'node:crypto';
import {
  employerImportListSchema,
  employerImportSchema,
  type EmployerImport,
  type EmployerImportReport,
} from '../../contracts/employer-imports.ts';
import { EMPLOYER_IMPORT_COLUMNS } from '../../domain/employer-import.ts';
import type { EmployerImport as EmployerImportRow } from '../../generated/prisma/client.ts';
import { writeAudit } from '../../server/audit.ts';
import { readEmployerFile } from '../../server/imports/employer-file.ts';
import {
  EMPLOYER_IMPORT_WORKFLOW_TYPE,
  employerImportWorkflowId,
  type EmployerImportInput,
} from '../../workflows/employer-import/contract.ts';
import { csvImportRoutes } from '../imports/routes.ts';

/** 5 MB of CSV text; the JSON body limit of this route is raised accordingly in api/app.ts. */
export const EMPLOYER_IMPORT_MAX_CHARS = 5_000_000;

function importView(row: EmployerImportRow, withReport = true): EmployerImport {
  return {
    id: row.id,
    fileName: row.fileName,
    state: row.state,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    errorCount: row.errorCount,
    report: withReport ? (row.report as EmployerImportReport) : [],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export const employerImportRoutes = csvImportRoutes<EmployerImport>({
  path: '/employer-imports',
  schema: employerImportSchema,
  listSchema: employerImportListSchema,
  maxChars: EMPLOYER_IMPORT_MAX_CHARS,
  upload: {
    summary: `Importer des employeurs depuis un fichier CSV (administrateurs ; colonnes ${EMPLOYER_IMPORT_COLUMNS.join(';')}, séparateur point-virgule)`,
    description: 'Fichier vérifié, import lancé (les lignes refusées sont dans report)',
    store: async ({ deps, actor, body }) => {
      const file = readEmployerFile(body.content);
      if (!file.ok) return file;
      const id = randomUUID();
      // One transaction with the workflow's start: an import is never stored without the
      // workflow that runs it (the workflow's first read waits for the commit by retrying).
      const row = await deps.db.$transaction(async (tx) => {
        const created = await tx.employerImport.create({
          data: {
            id,
            createdByUserId: actor.userId,
            fileName: body.fileName,
            content: body.content,
            totalRows: file.employers.length,
            errorCount: file.report.length,
            report: file.report as unknown as object[],
            createdAt: deps.clock.now(),
          },
        });
        await writeAudit(tx, {
          key: `employerImport.create:${id}`,
          action: 'employerImport.create',
          entityType: 'EmployerImport',
          entityId: id,
          actorUserId: actor.userId,
          actorOrganizationId: actor.organization.id,
          occurredAt: deps.clock.now(),
          details: { fileName: body.fileName, validRows: file.employers.length, rejectedRows: file.report.length },
        });
        const input: EmployerImportInput = { importId: id };
        await deps.temporal.workflow.start(EMPLOYER_IMPORT_WORKFLOW_TYPE, {
          workflowId: employerImportWorkflowId(id),
          taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
          args: [input],
        });
        return created;
      });
      return { ok: true, view: importView(row) };
    },
  },
  list: {
    summary: 'Les derniers imports d’employeurs (administrateurs)',
    description: 'Imports, les plus récents d’abord (sans rapport)',
    latest: async (deps) => {
      const rows = await deps.db.employerImport.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });
      return rows.map((row) => importView(row, false));
    },
  },
  one: {
    summary: 'Progression et rapport ligne par ligne d’un import d’employeurs (administrateurs)',
    description: 'Import',
    notFound: 'Import introuvable.',
    find: async (deps, id) => {
      const row = await deps.db.employerImport.findUnique({ where: { id } });
      return row && importView(row);
    },
  },
});
