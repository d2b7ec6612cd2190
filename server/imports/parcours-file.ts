// Reads a take-over file of running PASS IAE (docs/decisions/025-take-over-import.md): CSV read as
// every import reads it (csv-file.ts), each line checked by the domain rules
// (domain/parcours-import.ts) against the registry's employers, read once for the whole file. Used
// when the file is stored (API, command line) and by the import's activities (the same lines, in
// the same order).
import { createHash } from 'node:crypto';
import type { IsoDate } from '../../domain/dates.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import {
  checkParcoursLines,
  PARCOURS_IMPORT_COLUMNS,
  PARCOURS_IMPORT_DELIMITER,
  parcoursHeaderErrors,
  type ImportedParcours,
  type ParcoursLineReport,
} from '../../domain/parcours-import.ts';
import type { Db } from '../db/client.ts';
import { readCsvLines } from './csv-file.ts';

export type ParcoursFile =
  | { ok: true; parcours: ImportedParcours[]; report: ParcoursLineReport[]; lineCount: number }
  | { ok: false; message: string };

export function fileChecksum(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The registry's employers named by the file, as a lookup: one query for the whole file. */
async function employerLookup(db: Db, sirets: string[]) {
  const found = new Map<string, string>();
  for (let from = 0; from < sirets.length; from += 5000) {
    const rows = await db.organization.findMany({
      where: { type: 'EMPLOYER', siret: { in: sirets.slice(from, from + 5000) } },
      select: { id: true, siret: true, employerKind: true },
    });
    for (const row of rows) found.set(`${row.siret}:${row.employerKind}`, row.id);
  }
  return (siret: string, kind: EmployerKind) => found.get(`${siret}:${kind}`);
}

export async function readParcoursFile(db: Db, content: string, today: IsoDate): Promise<ParcoursFile> {
  const file = readCsvLines(content, {
    delimiter: PARCOURS_IMPORT_DELIMITER,
    columns: PARCOURS_IMPORT_COLUMNS,
    headerErrors: parcoursHeaderErrors,
  });
  if (!file.ok) return file;
  const sirets = new Set(file.lines.map(({ cells }) => cells.employerSiret.replace(/\s/g, '')));
  const findEmployer = await employerLookup(
    db,
    [...sirets].filter((s) => /^\d{14}$/.test(s)),
  );
  const checked = checkParcoursLines(file.lines, { today, findEmployer });
  const report = [...file.wrongWidth, ...checked.report].sort((a, b) => a.line - b.line);
  return { ok: true, parcours: checked.parcours, report, lineCount: file.lineCount };
}
