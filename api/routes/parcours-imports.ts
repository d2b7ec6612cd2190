// Take-over import of running PASS IAE by administrators (docs/decisions/025-take-over-import.md): the
// whole file is checked first and stored with its line-by-line report; a workflow then starts one
// parcours per valid line, in chunks, idempotent by PASS number. The command line
// (`npm run import:parcours`) stores and follows imports the same way (server/imports/parcours-import.ts).
import {
  parcoursImportListSchema,
  parcoursImportSchema,
  type ParcoursImport,
  type ParcoursImportReport,
} from '../../contracts/parcours-imports.ts';
import { today } from '../../domain/clock.ts';
import { PARCOURS_IMPORT_COLUMNS } from '../../domain/parcours-import.ts';
import type { ParcoursImport as ParcoursImportRow } from '../../generated/prisma/client.ts';
import { storeParcoursImport } from '../../server/imports/parcours-import.ts';
import { csvImportRoutes } from '../imports/routes.ts';

/** The web's upload bounds the file (BODY_SIZE_LIMIT); the API takes up to 64 MB (≈ 300,000 lines). */
export const PARCOURS_IMPORT_MAX_CHARS = 64_000_000;

export function parcoursImportView(row: ParcoursImportRow, withReport = true): ParcoursImport {
  return {
    id: row.id,
    fileName: row.fileName,
    state: row.state,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    startedCount: row.startedCount,
    alreadyCount: row.alreadyCount,
    errorCount: row.errorCount,
    report: withReport ? (row.report as ParcoursImportReport) : [],
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Everything but the stored file, which can weigh tens of megabytes. */
const WITHOUT_CONTENT = {
  id: true,
  createdByUserId: true,
  fileName: true,
  checksum: true,
  state: true,
  totalRows: true,
  processedRows: true,
  startedCount: true,
  alreadyCount: true,
  errorCount: true,
  report: true,
  concurrency: true,
  ratePerSecond: true,
  checkedOn: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export const parcoursImportRoutes = csvImportRoutes<ParcoursImport>({
  path: '/parcours-imports',
  schema: parcoursImportSchema,
  listSchema: parcoursImportListSchema,
  maxChars: PARCOURS_IMPORT_MAX_CHARS,
  upload: {
    summary: `Reprendre les PASS IAE en cours d’un fichier CSV (administrateurs ; colonnes ${PARCOURS_IMPORT_COLUMNS.join(';')}, séparateur point-virgule)`,
    description: 'Fichier vérifié, reprise lancée (les lignes refusées sont dans report)',
    store: async ({ deps, actor, body }) => {
      const stored = await storeParcoursImport(
        { db: deps.db, temporal: deps.temporal, taskQueue: deps.config.TEMPORAL_TASK_QUEUE },
        {
          fileName: body.fileName,
          content: body.content,
          today: today(deps.clock),
          now: deps.clock.now(),
          createdByUserId: actor.userId,
          actorOrganizationId: actor.organization.id,
        },
      );
      return stored.ok ? { ok: true, view: parcoursImportView(stored.row) } : stored;
    },
  },
  list: {
    summary: 'Les dernières reprises de PASS IAE (administrateurs)',
    description: 'Reprises, les plus récentes d’abord (sans rapport)',
    latest: async (deps) => {
      const rows = await deps.db.parcoursImport.findMany({
        orderBy: { createdAt: 'desc' },
        take: 20,
        select: { ...WITHOUT_CONTENT, report: false },
      });
      return rows.map((row) => parcoursImportView({ ...row, report: [], content: '' }, false));
    },
  },
  one: {
    summary: 'Progression et rapport ligne par ligne d’une reprise de PASS IAE (administrateurs)',
    description: 'Reprise',
    notFound: 'Reprise introuvable.',
    find: async (deps, id) => {
      const row = await deps.db.parcoursImport.findUnique({ where: { id }, select: WITHOUT_CONTENT });
      return row && parcoursImportView({ ...row, content: '' });
    },
  },
});
