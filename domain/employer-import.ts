// Rules of the CSV import of employers (docs/rules.md §3): the expected columns and the check of each
// line, with one French message per faulty column. Pure: communes are looked up through the
// function passed in (reference data lives in server/territories.ts).
import { EMPLOYER_KINDS, type EmployerKind } from './organizations.ts';
import { isValidSiret } from './siret.ts';

/** Columns of the file, in this order, separated by semicolons (the French spreadsheet default). */
export const EMPLOYER_IMPORT_COLUMNS = [
  'siret',
  'kind',
  'name',
  'address',
  'communeCode',
  'departement',
  'latitude',
  'longitude',
  'email',
  'certified',
] as const;
export type EmployerImportColumn = (typeof EMPLOYER_IMPORT_COLUMNS)[number];
export const EMPLOYER_IMPORT_DELIMITER = ';';

/** An import is checked and stored (PENDING), then run by its workflow (RUNNING) to DONE or FAILED. */
export const EMPLOYER_IMPORT_STATES = ['PENDING', 'RUNNING', 'DONE', 'FAILED'] as const;
export type EmployerImportState = (typeof EMPLOYER_IMPORT_STATES)[number];

export interface ImportedEmployer {
  siret: string;
  kind: EmployerKind;
  name: string;
  address: string | null;
  communeCode: string;
  departement: string;
  latitude: number;
  longitude: number;
  email: string | null;
  certified: boolean;
}

export interface ColumnError {
  column: EmployerImportColumn | 'ligne';
  message: string;
}

export interface LineReport {
  /** Line number in the file, the header being line 1. */
  line: number;
  errors: ColumnError[];
}

export type CommuneLookup = (code: string) => { departement: string } | undefined;

/** French messages for a wrong header; empty when the header is the expected one. */
export function headerErrors(header: readonly string[]): string[] {
  const normalized = header.map((cell) => cell.trim());
  const missing = EMPLOYER_IMPORT_COLUMNS.filter((column) => !normalized.includes(column));
  const unknown = normalized.filter((cell) => !(EMPLOYER_IMPORT_COLUMNS as readonly string[]).includes(cell));
  const errors: string[] = [];
  if (missing.length > 0) errors.push(`colonnes manquantes : ${missing.join(', ')}`);
  if (unknown.length > 0) errors.push(`colonnes inconnues : ${unknown.join(', ')}`);
  return errors;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_VALUES = ['oui', 'true', '1', 'vrai'];
const FALSE_VALUES = ['non', 'false', '0', 'faux', ''];

/** A decimal written with a point or a French comma. */
function decimal(value: string): number | null {
  const text = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** Checks one line; returns the employer to import, or every faulty column. */
export function checkEmployerLine(
  cells: Readonly<Record<EmployerImportColumn, string | undefined>>,
  findCommune: CommuneLookup,
): { employer: ImportedEmployer } | { errors: ColumnError[] } {
  const value = (column: EmployerImportColumn) => (cells[column] ?? '').trim();
  const errors: ColumnError[] = [];
  const fail = (column: EmployerImportColumn, message: string) => errors.push({ column, message });

  const siret = value('siret').replace(/\s/g, '');
  if (!/^\d{14}$/.test(siret)) fail('siret', 'le SIRET doit comporter 14 chiffres');
  else if (!isValidSiret(siret)) fail('siret', 'SIRET invalide (clé de contrôle incorrecte)');

  const kind = value('kind').toUpperCase();
  if (!(EMPLOYER_KINDS as readonly string[]).includes(kind)) {
    fail('kind', `type d’employeur inconnu : choisissez parmi ${EMPLOYER_KINDS.join(', ')}`);
  }

  const name = value('name');
  if (!name) fail('name', 'le nom est obligatoire');
  else if (name.length > 200) fail('name', 'le nom ne doit pas dépasser 200 caractères');
  const address = value('address');
  if (address.length > 300) fail('address', 'l’adresse ne doit pas dépasser 300 caractères');

  const departement = value('departement');
  const communeCode = value('communeCode');
  const commune = /^\d[0-9AB]\d{3}$/.test(communeCode) ? findCommune(communeCode) : undefined;
  if (!commune) fail('communeCode', `commune inconnue : « ${communeCode} » n’est pas un code INSEE de commune`);
  else if (commune.departement !== departement) {
    fail(
      'departement',
      `la commune ${communeCode} est dans le département ${commune.departement}, pas « ${departement} »`,
    );
  }

  const latitude = decimal(value('latitude'));
  if (latitude === null || latitude < -90 || latitude > 90) fail('latitude', 'latitude invalide (entre -90 et 90)');
  const longitude = decimal(value('longitude'));
  if (longitude === null || longitude < -180 || longitude > 180) {
    fail('longitude', 'longitude invalide (entre -180 et 180)');
  }

  const email = value('email').toLowerCase();
  if (email && (!EMAIL.test(email) || email.length > 254)) fail('email', 'adresse e-mail invalide');

  const certifiedText = value('certified').toLowerCase();
  const certified = TRUE_VALUES.includes(certifiedText);
  if (!certified && !FALSE_VALUES.includes(certifiedText)) fail('certified', 'valeur attendue : oui ou non');

  if (errors.length > 0) return { errors };
  return {
    employer: {
      siret,
      kind: kind as EmployerKind,
      name,
      address: address || null,
      communeCode,
      departement,
      latitude: latitude!,
      longitude: longitude!,
      email: email || null,
      certified,
    },
  };
}

/**
 * Checks every line of the file (cells by column, with their line number in the file). A
 * second line for the same SIRET and kind is refused: it would silently overwrite the first.
 */
export function checkEmployerLines(
  lines: readonly { line: number; cells: Readonly<Record<EmployerImportColumn, string | undefined>> }[],
  findCommune: CommuneLookup,
): { employers: ImportedEmployer[]; report: LineReport[] } {
  const employers: ImportedEmployer[] = [];
  const report: LineReport[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of lines) {
    const result = checkEmployerLine(cells, findCommune);
    if ('errors' in result) {
      report.push({ line, errors: result.errors });
      continue;
    }
    const key = `${result.employer.siret}:${result.employer.kind}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.push({ line, errors: [{ column: 'siret', message: `même SIRET et même type qu’à la ligne ${first}` }] });
      continue;
    }
    seen.set(key, line);
    employers.push(result.employer);
  }
  return { employers, report };
}

export interface EmployerImportCounts {
  state: EmployerImportState;
  /** Valid lines, to import. */
  totalRows: number;
  processedRows: number;
  /** Refused lines. */
  errorCount: number;
}

export type ImportTone = 'info' | 'new' | 'success' | 'warning' | 'error';

/** How far an import went, in whole percent of its valid lines; an import with none is complete. */
export function importPercent(item: Pick<EmployerImportCounts, 'totalRows' | 'processedRows'>): number {
  return item.totalRows === 0 ? 100 : Math.floor((item.processedRows / item.totalRows) * 100);
}

/**
 * How an import reads (docs/rules.md §3): its badge, its sentence, its percentage. An import
 * that finished with every line refused did not succeed: it says so, in an error badge; one
 * with some lines refused finished with a warning.
 */
export function importOutcome(item: EmployerImportCounts): {
  label: string;
  tone: ImportTone;
  summary: string;
  percent: number;
} {
  const lines = (n: number) => `${n} ligne${n > 1 ? 's' : ''}`;
  const refused = item.errorCount;
  const inFile = item.totalRows + refused;
  const percent = importPercent(item);
  const imported = `${lines(item.processedRows)} importée${item.processedRows > 1 ? 's' : ''} sur ${lines(item.totalRows)} valide${item.totalRows > 1 ? 's' : ''}`;
  const refusedPart = refused > 0 ? `, ${lines(refused)} refusée${refused > 1 ? 's' : ''}` : '';
  const progress = `${imported} (${percent} %)${refusedPart}.`;
  switch (item.state) {
    case 'PENDING':
      return { label: 'En attente', tone: 'info', summary: progress, percent };
    case 'RUNNING':
      return { label: 'En cours', tone: 'new', summary: progress, percent };
    case 'FAILED':
      return { label: 'Échoué', tone: 'error', summary: progress, percent };
    case 'DONE':
      if (item.totalRows === 0 && refused > 0) {
        return {
          label: 'Aucune ligne importée',
          tone: 'error',
          summary: `Aucune ligne importée : ${refused > 1 ? `les ${lines(refused)}` : 'la ligne'} du fichier ${refused > 1 ? 'ont été refusées' : 'a été refusée'}.`,
          percent,
        };
      }
      if (item.totalRows === 0) {
        return { label: 'Fichier vide', tone: 'warning', summary: 'Le fichier ne contenait aucune ligne.', percent };
      }
      if (refused > 0) {
        return {
          label: 'Terminé avec des refus',
          tone: 'warning',
          summary: `${imported} ; ${lines(refused)} sur ${inFile} refusée${refused > 1 ? 's' : ''}.`,
          percent,
        };
      }
      return { label: 'Terminé', tone: 'success', summary: `${imported}.`, percent };
  }
}
