// Reads an employer import file (docs/rules.md §3): CSV parsed by csv-parse, each line checked by the
// domain rules against the reference communes. Used by the API (to validate before storing)
// and by the import activities (to upsert the valid lines), so both see the same lines.
import { CsvError, parse } from 'csv-parse/sync';
import {
  checkEmployerLines,
  EMPLOYER_IMPORT_COLUMNS,
  EMPLOYER_IMPORT_DELIMITER,
  headerErrors,
  type EmployerImportColumn,
  type ImportedEmployer,
  type LineReport,
} from '../../domain/employer-import.ts';
import { findCommune } from '../territories.ts';

export type EmployerFile =
  { ok: true; employers: ImportedEmployer[]; report: LineReport[]; lineCount: number } | { ok: false; message: string };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function readEmployerFile(content: string): EmployerFile {
  let records: ParsedRecord[];
  try {
    records = parse(content, {
      delimiter: EMPLOYER_IMPORT_DELIMITER,
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
  const problems = headerErrors(header.record);
  if (problems.length > 0) {
    return {
      ok: false,
      message: `La première ligne doit nommer les colonnes ${EMPLOYER_IMPORT_COLUMNS.join(EMPLOYER_IMPORT_DELIMITER)} (${problems.join(' ; ')}).`,
    };
  }
  const columns = header.record.map((cell) => cell.trim() as EmployerImportColumn);
  const wrongWidth: LineReport[] = [];
  const lines = [];
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      wrongWidth.push({
        line: info.lines,
        errors: [{ column: 'ligne', message: `${record.length} colonnes au lieu de ${columns.length}` }],
      });
      continue;
    }
    const cells = Object.fromEntries(columns.map((column, i) => [column, record[i]])) as Record<
      EmployerImportColumn,
      string
    >;
    lines.push({ line: info.lines, cells });
  }
  const checked = checkEmployerLines(lines, findCommune);
  const report = [...wrongWidth, ...checked.report].sort((a, b) => a.line - b.line);
  return { ok: true, employers: checked.employers, report, lineCount: rows.length };
}
