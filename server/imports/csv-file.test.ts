import { describe, expect, it } from 'vitest';
import { headerErrors } from '../../domain/employer-import.ts';
import { readCsvLines } from './csv-file.ts';
import { readEmployerFile } from './employer-file.ts';

const FORMAT = {
  delimiter: ';',
  columns: ['a', 'b'] as const,
  headerErrors: (header: readonly string[]) =>
    header.map((cell) => cell.trim()).join(';') === 'a;b' ? [] : ['colonnes inattendues'],
};

describe('an import file read as CSV (docs/rules.md §3, docs/decisions/025)', () => {
  it('gives each line its cells by column, numbered in the file, after a byte order mark and empty lines', () => {
    expect(readCsvLines('\uFEFFa; b \n1;2\n\n3;4\n', FORMAT)).toEqual({
      ok: true,
      lines: [
        { line: 2, cells: { a: '1', b: '2' } },
        { line: 4, cells: { a: '3', b: '4' } },
      ],
      wrongWidth: [],
      lineCount: 2,
    });
  });

  it('reports a line of the wrong width instead of reading its cells', () => {
    const file = readCsvLines('a;b\n1\n2;3\n4;5;6\n', FORMAT);
    expect(file).toMatchObject({ ok: true, lineCount: 3, lines: [{ line: 3, cells: { a: '2', b: '3' } }] });
    expect(file.ok && file.wrongWidth).toEqual([
      { line: 2, errors: [{ column: 'ligne', message: '1 colonnes au lieu de 2' }] },
      { line: 4, errors: [{ column: 'ligne', message: '3 colonnes au lieu de 2' }] },
    ]);
  });

  it('refuses an unreadable, empty or wrongly headed file with a French message', () => {
    expect(readCsvLines('a;b\n"1;2\n', FORMAT)).toEqual({
      ok: false,
      message: 'Fichier CSV illisible à la ligne 2 : vérifiez les guillemets.',
    });
    expect(readCsvLines('\n\n', FORMAT)).toEqual({ ok: false, message: 'Le fichier est vide.' });
    expect(readCsvLines('a;c\n1;2\n', FORMAT)).toEqual({
      ok: false,
      message: 'La première ligne doit nommer les colonnes a;b (colonnes inattendues).',
    });
  });

  it('an employer file reports its wrong-width lines among the refused ones, in the order of the file', () => {
    const header = 'siret;kind;name;address;communeCode;departement;latitude;longitude;email;certified';
    expect(headerErrors(header.split(';'))).toEqual([]);
    const file = readEmployerFile(`${header}\n1;2\n`);
    expect(file).toMatchObject({ ok: true, employers: [], lineCount: 1 });
    expect(file.ok && file.report).toEqual([
      { line: 2, errors: [{ column: 'ligne', message: '2 colonnes au lieu de 10' }] },
    ]);
  });
});
