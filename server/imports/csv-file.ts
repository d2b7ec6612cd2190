// Reads the CSV files of the imports — employers (docs/rules.md §3) and running PASS IAE
// (docs/decisions/025-take-over-import.md) — the same way: parsed by csv-parse, the header checked
// against the format's columns, each line turned into its cells by column, a line of the wrong
// width reported rather than checked. What each line means stays with the format's domain rules.
import { CsvError, parse } from 'csv-parse/sync';

/** A file format: its separator, its columns, and the French messages for a wrong header. */
export interface CsvFormat<Column extends string> {
  delimiter: string;
  columns: readonly Column[];
  headerErrors: (header: readonly string[]) => string[];
}

/** One line of the file by column, numbered in the file (the header being line 1). */
export interface CsvLine<Column extends string> {
  line: number;
  cells: Record<Column, string>;
}

/** A line refused before its cells are read: it has more or fewer cells than the header. */
export interface WrongWidthLine {
  line: number;
  errors: { column: 'ligne'; message: string }[];
}

export type CsvLines<Column extends string> =
  | { ok: true; lines: CsvLine<Column>[]; wrongWidth: WrongWidthLine[]; lineCount: number }
  | { ok: false; message: string };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function readCsvLines<Column extends string>(content: string, format: CsvFormat<Column>): CsvLines<Column> {
  let records: ParsedRecord[];
  try {
    records = parse(content, {
      delimiter: format.delimiter,
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
  const problems = format.headerErrors(header.record);
  if (problems.length > 0) {
    return {
      ok: false,
      message: `La première ligne doit nommer les colonnes ${format.columns.join(format.delimiter)} (${problems.join(' ; ')}).`,
    };
  }
  const columns = header.record.map((cell) => cell.trim() as Column);
  const wrongWidth: WrongWidthLine[] = [];
  const lines: CsvLine<Column>[] = [];
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      wrongWidth.push({
        line: info.lines,
        errors: [{ column: 'ligne', message: `${record.length} colonnes au lieu de ${columns.length}` }],
      });
      continue;
    }
    const cells = Object.fromEntries(columns.map((column, i) => [column, record[i]])) as Record<Column, string>;
    lines.push({ line: info.lines, cells });
  }
  return { ok: true, lines, wrongWidth, lineCount: rows.length };
}
