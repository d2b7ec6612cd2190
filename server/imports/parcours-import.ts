// Stores a take-over import (docs/decisions/025-take-over-import.md): the file checked line by line,
// the import row with its report, and the workflow that runs it, started in the same transaction
// (an import is never stored without its workflow). Used by the API and the command line.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { IsoDate } from '../../domain/dates.ts';
import type { ParcoursImport } from '../../generated/prisma/client.ts';
import {
  PARCOURS_IMPORT_WORKFLOW_TYPE,
  parcoursImportWorkflowId,
  type ParcoursImportInput,
} from '../../workflows/parcours-import/contract.ts';
import { writeAudit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { fileChecksum, readParcoursFile } from './parcours-file.ts';

/** Workflow starts in flight at most, unless told: enough to keep one Temporal server busy. */
export const DEFAULT_PARCOURS_IMPORT_CONCURRENCY = 32;

export type StoredParcoursImport = { ok: true; row: ParcoursImport } | { ok: false; message: string };

export async function storeParcoursImport(
  deps: { db: Db; temporal: Client; taskQueue: string },
  input: {
    fileName: string;
    content: string;
    today: IsoDate;
    now: Date;
    createdByUserId: string | null;
    actorOrganizationId: string | null;
    concurrency?: number;
    ratePerSecond?: number;
  },
): Promise<StoredParcoursImport> {
  const file = await readParcoursFile(deps.db, input.content, input.today);
  if (!file.ok) return file;
  const id = randomUUID();
  const row = await deps.db.$transaction(
    async (tx) => {
      const created = await tx.parcoursImport.create({
        data: {
          id,
          createdByUserId: input.createdByUserId,
          fileName: input.fileName,
          checksum: fileChecksum(input.content),
          content: input.content,
          totalRows: file.parcours.length,
          errorCount: file.report.length,
          report: file.report as unknown as object[],
          concurrency: input.concurrency ?? DEFAULT_PARCOURS_IMPORT_CONCURRENCY,
          ratePerSecond: input.ratePerSecond ?? null,
          checkedOn: input.today,
          createdAt: input.now,
        },
      });
      await writeAudit(tx, {
        key: `parcoursImport.create:${id}`,
        action: 'parcoursImport.create',
        entityType: 'ParcoursImport',
        entityId: id,
        actorUserId: input.createdByUserId,
        actorOrganizationId: input.actorOrganizationId,
        occurredAt: input.now,
        details: { fileName: input.fileName, validRows: file.parcours.length, rejectedRows: file.report.length },
      });
      const workflowInput: ParcoursImportInput = { importId: id };
      await deps.temporal.workflow.start(PARCOURS_IMPORT_WORKFLOW_TYPE, {
        workflowId: parcoursImportWorkflowId(id),
        taskQueue: deps.taskQueue,
        args: [workflowInput],
      });
      return created;
    },
    { timeout: 60_000 },
  );
  return { ok: true, row };
}

/** An unfinished import of the same file (same checksum), if any: the command line follows it instead of storing another. */
export async function unfinishedImportOf(db: Db, content: string): Promise<ParcoursImport | null> {
  return db.parcoursImport.findFirst({
    where: { checksum: fileChecksum(content), state: { in: ['PENDING', 'RUNNING'] } },
    orderBy: { createdAt: 'desc' },
  });
}
