// Reads a take-over file of running PASS IAE (docs/decisions/025-take-over-import.md): CSV parsed by
// csv-parse, each line checked by the domain rules (domain/parcours-import.ts) against the
// registry's employers, read once for the whole file. Used when the file is stored (API, command
// line) and by the import's activities (the same lines, in the same order).
import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import type { IsoDate } from '../../domain/dates.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import {
  checkParcoursLines,
  PARCOURS_IMPORT_COLUMNS,
  PARCOURS_IMPORT_DELIMITER,
  parcoursHeaderErrors,
  type ImportedParcours,
  type ParcoursImportColumn,
  type ParcoursLineReport,
} from '../../domain/parcours-import.ts';
import type { Db } from '../db/client.ts';

export type ParcoursFile =
  | { ok: true; parcours: ImportedParcours[]; report: ParcoursLineReport[]; lineCount: number }
  | { ok: false; message: string };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

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
  let records: ParsedRecord[];
  try {
    records = parse(content, {
      delimiter: PARCOURS_IMPORT_DELIMITER,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return {
        ok: false,
        message: `Fichier CSV illisible${line ? ` à la ligne ${line}` : ''} : vérifiez les guillemets.`,
      };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, message: 'Le fichier est vide.' };
  const problems = parcoursHeaderErrors(header.record);
  if (problems.length > 0) {
    return {
      ok: false,
      message: `La première ligne doit nommer les colonnes ${PARCOURS_IMPORT_COLUMNS.join(PARCOURS_IMPORT_DELIMITER)} (${problems.join(' ; ')}).`,
    };
  }
  const columns = header.record.map((cell) => cell.trim() as ParcoursImportColumn);
  const siretColumn = columns.indexOf('employerSiret');
  const wrongWidth: ParcoursLineReport[] = [];
  const lines = [];
  const sirets = new Set<string>();
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      wrongWidth.push({
        line: info.lines,
        errors: [{ column: 'ligne', message: `${record.length} colonnes au lieu de ${columns.length}` }],
      });
      continue;
    }
    sirets.add((record[siretColumn] ?? '').replace(/\s/g, ''));
    const cells = Object.fromEntries(columns.map((column, i) => [column, record[i]])) as Record<
      ParcoursImportColumn,
      string
    >;
    lines.push({ line: info.lines, cells });
  }
  const findEmployer = await employerLookup(
    db,
    [...sirets].filter((s) => /^\d{14}$/.test(s)),
  );
  const checked = checkParcoursLines(lines, { today, findEmployer });
  const report = [...wrongWidth, ...checked.report].sort((a, b) => a.line - b.line);
  return { ok: true, parcours: checked.parcours, report, lineCount: rows.length };
}
