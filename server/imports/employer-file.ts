// Reads an employer import file (docs/rules.md §3): CSV read as every import reads it (csv-file.ts),
// each line checked by the domain rules against the reference communes. Used by the API (to
// validate before storing) and by the import activities (to upsert the valid lines), so both see
// the same lines.
import {
  checkEmployerLines,
  EMPLOYER_IMPORT_COLUMNS,
  EMPLOYER_IMPORT_DELIMITER,
  headerErrors,
  type ImportedEmployer,
  type LineReport,
} from '../../domain/employer-import.ts';
import { findCommune } from '../territories.ts';
import { readCsvLines } from './csv-file.ts';

export type EmployerFile =
  { ok: true; employers: ImportedEmployer[]; report: LineReport[]; lineCount: number } | { ok: false; message: string };

export function readEmployerFile(content: string): EmployerFile {
  const file = readCsvLines(content, {
    delimiter: EMPLOYER_IMPORT_DELIMITER,
    columns: EMPLOYER_IMPORT_COLUMNS,
    headerErrors,
  });
  if (!file.ok) return file;
  const checked = checkEmployerLines(file.lines, findCommune);
  const report = [...file.wrongWidth, ...checked.report].sort((a, b) => a.line - b.line);
  return { ok: true, employers: checked.employers, report, lineCount: file.lineCount };
}
