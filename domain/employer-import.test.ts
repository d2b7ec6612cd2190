import { describe, expect, it } from 'vitest';
import {
  checkEmployerLine,
  checkEmployerLines,
  EMPLOYER_IMPORT_COLUMNS,
  headerErrors,
  importOutcome,
} from './employer-import.ts';
import { luhnValid } from './siret.ts';

const communes: Record<string, { departement: string }> = {
  '93008': { departement: '93' },
  '2A004': { departement: '2A' },
};
const findCommune = (code: string) => communes[code];
const SIRET = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
  .map((d) => `1234567890123${d}`)
  .find((candidate) => luhnValid(candidate))!;

const line = (overrides: Record<string, string> = {}) =>
  ({
    siret: SIRET,
    kind: 'aci',
    name: 'Jardins de Bobigny',
    address: '',
    communeCode: '93008',
    departement: '93',
    latitude: '48,9077',
    longitude: '2.4397',
    email: 'Contact@Jardins.example',
    certified: 'OUI',
    ...overrides,
  }) as Record<(typeof EMPLOYER_IMPORT_COLUMNS)[number], string>;

describe('employer import lines', () => {
  it('a valid line gives the employer: kind upper-cased, French decimals, e-mail lower-cased, certified oui', () => {
    expect(checkEmployerLine(line(), findCommune)).toEqual({
      employer: {
        siret: SIRET,
        kind: 'ACI',
        name: 'Jardins de Bobigny',
        address: null,
        communeCode: '93008',
        departement: '93',
        latitude: 48.9077,
        longitude: 2.4397,
        email: 'contact@jardins.example',
        certified: true,
      },
    });
  });

  it('every faulty column gets its own French message', () => {
    const result = checkEmployerLine(
      line({
        siret: SIRET.slice(0, 13) + ((Number(SIRET[13]) + 1) % 10),
        kind: 'SCOP',
        latitude: '91',
        email: 'x@',
        certified: 'peut-être',
      }),
      findCommune,
    );
    expect('errors' in result && result.errors.map((e) => e.column)).toEqual([
      'siret',
      'kind',
      'latitude',
      'email',
      'certified',
    ]);
  });

  it('the commune must exist and belong to the département given (Corsica included)', () => {
    expect(checkEmployerLine(line({ communeCode: '2A004', departement: '2A' }), findCommune)).toHaveProperty(
      'employer',
    );
    expect(checkEmployerLine(line({ departement: '75' }), findCommune)).toEqual({
      errors: [{ column: 'departement', message: 'la commune 93008 est dans le département 93, pas « 75 »' }],
    });
    expect(checkEmployerLine(line({ communeCode: '99999' }), findCommune)).toHaveProperty(
      ['errors', 0, 'column'],
      'communeCode',
    );
  });

  it('a second line with the same SIRET and kind is refused, naming the first', () => {
    const { employers, report } = checkEmployerLines(
      [
        { line: 2, cells: line() },
        { line: 3, cells: line({ kind: 'EI' }) },
        { line: 4, cells: line({ name: 'Autre nom' }) },
      ],
      findCommune,
    );
    expect(employers.map((e) => e.kind)).toEqual(['ACI', 'EI']);
    expect(report).toEqual([
      { line: 4, errors: [{ column: 'siret', message: 'même SIRET et même type qu’à la ligne 2' }] },
    ]);
  });

  it('the header must name every column, and only those', () => {
    expect(headerErrors([...EMPLOYER_IMPORT_COLUMNS])).toEqual([]);
    expect(headerErrors(['siret', 'kind', 'nom'])).toEqual([
      'colonnes manquantes : name, address, communeCode, departement, latitude, longitude, email, certified',
      'colonnes inconnues : nom',
    ]);
  });
});

describe('importOutcome (docs/rules.md §3)', () => {
  const done = { state: 'DONE' as const, processedRows: 0, totalRows: 0, errorCount: 0 };

  it('an import whose every line was refused says so, in an error badge, with no percentage of success', () => {
    expect(importOutcome({ ...done, errorCount: 3 })).toEqual({
      label: 'Aucune ligne importée',
      tone: 'error',
      summary: 'Aucune ligne importée : les 3 lignes du fichier ont été refusées.',
      percent: 100,
    });
    expect(importOutcome({ ...done, errorCount: 1 }).summary).toBe(
      'Aucune ligne importée : la ligne du fichier a été refusée.',
    );
  });

  it('an import with some lines refused finishes with a warning that counts them', () => {
    const outcome = importOutcome({ ...done, totalRows: 8, processedRows: 8, errorCount: 2 });
    expect(outcome.tone).toBe('warning');
    expect(outcome.label).toBe('Terminé avec des refus');
    expect(outcome.summary).toBe('8 lignes importées sur 8 lignes valides ; 2 lignes sur 10 refusées.');
  });

  it('an import with no refusal is a success', () => {
    expect(importOutcome({ ...done, totalRows: 1, processedRows: 1 })).toMatchObject({
      label: 'Terminé',
      tone: 'success',
      summary: '1 ligne importée sur 1 ligne valide.',
    });
  });

  it('an empty file is not a success either', () => {
    expect(importOutcome(done)).toMatchObject({ label: 'Fichier vide', tone: 'warning' });
  });

  it('a running import gives its progress and its refusals so far', () => {
    expect(importOutcome({ state: 'RUNNING', totalRows: 200, processedRows: 50, errorCount: 1 })).toEqual({
      label: 'En cours',
      tone: 'new',
      summary: '50 lignes importées sur 200 lignes valides (25 %), 1 ligne refusée.',
      percent: 25,
    });
  });
});
