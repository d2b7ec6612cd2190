// CSV import of employers by administrators (docs/rules.md §3): the whole file is checked first and
// stored with its line-by-line report; a workflow then upserts the valid lines in batches.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
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
import { ApiError, notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { idParams, nonEmptyText } from '../schemas.ts';

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

export const employerImportRoutes = [
  defineRoute({
    method: 'post',
    path: '/employer-imports',
    tag: 'Imports',
    summary: `Importer des employeurs depuis un fichier CSV (administrateurs ; colonnes ${EMPLOYER_IMPORT_COLUMNS.join(';')}, séparateur point-virgule)`,
    access: [],
    body: z.strictObject({
      fileName: nonEmptyText(255),
      content: z
        .string()
        .min(1, { message: 'le fichier est vide' })
        .max(EMPLOYER_IMPORT_MAX_CHARS, { message: 'le fichier dépasse 5 Mo' }),
    }),
    responses: {
      201: {
        description: 'Fichier vérifié, import lancé (les lignes refusées sont dans report)',
        schema: employerImportSchema,
      },
      400: { description: 'Fichier illisible ou colonnes incorrectes' },
    },
    handle: async ({ deps, actor, body }) => {
      const file = readEmployerFile(body.content);
      if (!file.ok)
        throw new ApiError(400, 'invalid_file', file.message, [{ path: 'body.content', message: file.message }]);
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
      return { status: 201, body: importView(row) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/employer-imports',
    tag: 'Imports',
    summary: 'Les derniers imports d’employeurs (administrateurs)',
    access: [],
    responses: {
      200: {
        description: 'Imports, les plus récents d’abord (sans rapport)',
        schema: employerImportListSchema,
      },
    },
    handle: async ({ deps }) => {
      const rows = await deps.db.employerImport.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });
      return { status: 200, body: { items: rows.map((row) => importView(row, false)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/employer-imports/{id}',
    tag: 'Imports',
    summary: 'Progression et rapport ligne par ligne d’un import d’employeurs (administrateurs)',
    access: [],
    params: idParams,
    responses: { 200: { description: 'Import', schema: employerImportSchema }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, params }) => {
      const row = await deps.db.employerImport.findUnique({ where: { id: params.id } });
      if (!row) throw notFound('Import introuvable.');
      return { status: 200, body: importView(row) };
    },
  }),
];
