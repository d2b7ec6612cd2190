// Rules of the take-over import of running PASS IAE (docs/rules.md §5, docs/decisions/025-take-over-import.md):
// the expected columns and the check of each line, with one French message per faulty column,
// in the style of the employer import (domain/employer-import.ts). Pure: employers are looked
// up through the function passed in, "today" is passed in.
import { addDays, compareDates, frenchDate, isIsoDate, type IsoDate } from './dates.ts';
import { EMPLOYER_KINDS, type EmployerKind } from './organizations.ts';
import { nirProblem, normalizeNir } from './nir.ts';
import { personIdentityKey } from './persons.ts';
import { isPassNumber } from './pass/number.ts';
import {
  availableDays,
  PROLONGATION_REASONS,
  PROLONGATION_RULES,
  prolongationLengthDays,
  type ProlongationReason,
} from './pass/prolongations.ts';
import {
  SUSPENSION_REASON_EMPLOYER_KINDS,
  SUSPENSION_REASONS,
  suspensionMaxEnd,
  type SuspensionReason,
} from './pass/suspensions.ts';
import { takenOverEnd, takenOverProlongations, type TakenOverPass } from './pass/take-over.ts';
import { isValidSiret } from './siret.ts';

/** Columns of the file, in this order, separated by semicolons (like the employer import). */
export const PARCOURS_IMPORT_COLUMNS = [
  'passNumber',
  'lastName',
  'firstName',
  'birthDate',
  'nir',
  'email',
  'start',
  'end',
  'suspensions',
  'prolongations',
  'employerSiret',
  'employerKind',
] as const;
export type ParcoursImportColumn = (typeof PARCOURS_IMPORT_COLUMNS)[number];
export const PARCOURS_IMPORT_DELIMITER = ';';
/** Between the entries of the suspensions and prolongations cells. */
export const PARCOURS_IMPORT_LIST_SEPARATOR = ',';

/** Checked and stored (PENDING), run by its workflow (RUNNING) to DONE or FAILED. */
export const PARCOURS_IMPORT_STATES = ['PENDING', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ParcoursImportState = (typeof PARCOURS_IMPORT_STATES)[number];

/** A suspension without a reason in the file: the contract was suspended (the former service's most common). */
export const DEFAULT_TAKEN_OVER_SUSPENSION_REASON: SuspensionReason = 'CONTRAT_SUSPENDU';

export interface ImportedParcours extends TakenOverPass {
  /** Line in the file (header = 1). */
  line: number;
  lastName: string;
  firstName: string;
  birthDate: IsoDate;
  nir: string | null;
  email: string | null;
  end: IsoDate;
  employerSiret: string;
  employerKind: EmployerKind;
  employerId: string;
}

export interface ParcoursColumnError {
  column: ParcoursImportColumn | 'ligne';
  message: string;
}

export interface ParcoursLineReport {
  line: number;
  errors: ParcoursColumnError[];
}

/** The registry's employer with this SIRET and kind, if any. */
export type EmployerLookup = (siret: string, kind: EmployerKind) => string | undefined;

export function parcoursHeaderErrors(header: readonly string[]): string[] {
  const normalized = header.map((cell) => cell.trim());
  const missing = PARCOURS_IMPORT_COLUMNS.filter((column) => !normalized.includes(column));
  const unknown = normalized.filter((cell) => !(PARCOURS_IMPORT_COLUMNS as readonly string[]).includes(cell));
  const errors: string[] = [];
  if (missing.length > 0) errors.push(`colonnes manquantes : ${missing.join(', ')}`);
  if (unknown.length > 0) errors.push(`colonnes inconnues : ${unknown.join(', ')}`);
  return errors;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const entries = (cell: string) =>
  cell
    .split(/[,;|]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** `2025-03-01/2025-05-31` or `2025-03-01/2025-05-31:CONTRAT_ROMPU`. */
function parseSuspensions(
  cell: string,
  fail: (message: string) => void,
): { start: IsoDate; end: IsoDate; reason: SuspensionReason }[] {
  const result: { start: IsoDate; end: IsoDate; reason: SuspensionReason }[] = [];
  for (const entry of entries(cell)) {
    const match = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})(?::([A-Z_]+))?$/.exec(entry);
    if (!match || !isIsoDate(match[1]!) || !isIsoDate(match[2]!)) {
      fail(`suspension « ${entry} » illisible : écrivez début/fin, par exemple 2025-03-01/2025-05-31`);
      continue;
    }
    const reason = (match[3] ?? DEFAULT_TAKEN_OVER_SUSPENSION_REASON) as SuspensionReason;
    if (!(SUSPENSION_REASONS as readonly string[]).includes(reason)) {
      fail(`motif de suspension inconnu : « ${match[3]} » (${SUSPENSION_REASONS.join(', ')})`);
      continue;
    }
    result.push({ start: match[1]!, end: match[2]!, reason });
  }
  return result;
}

/** `2027-09-30:FIN_FORMATION`: the end date each prolongation gave, and its reason. */
function parseProlongations(
  cell: string,
  fail: (message: string) => void,
): { end: IsoDate; reason: ProlongationReason }[] {
  const result: { end: IsoDate; reason: ProlongationReason }[] = [];
  for (const entry of entries(cell)) {
    const match = /^(\d{4}-\d{2}-\d{2}):([A-Z_]+)$/.exec(entry);
    if (!match || !isIsoDate(match[1]!)) {
      fail(`prolongation « ${entry} » illisible : écrivez fin:MOTIF, par exemple 2027-09-30:FIN_FORMATION`);
      continue;
    }
    if (!(PROLONGATION_REASONS as readonly string[]).includes(match[2]!)) {
      fail(`motif de prolongation inconnu : « ${match[2]} » (${PROLONGATION_REASONS.join(', ')})`);
      continue;
    }
    result.push({ end: match[1]!, reason: match[2] as ProlongationReason });
  }
  return result;
}

/** Year and month of birth written in the NIR (3 first digits after the sex), when it gives a real month. */
export function nirMatchesBirthDate(nir: string, birthDate: IsoDate): boolean {
  const year = nir.slice(1, 3);
  const month = Number(nir.slice(3, 5));
  if (birthDate.slice(2, 4) !== year) return false;
  return month < 1 || month > 12 || month === Number(birthDate.slice(5, 7));
}

/** Checks one line; returns the parcours to take over, or every faulty column. */
export function checkParcoursLine(
  line: number,
  cells: Readonly<Record<ParcoursImportColumn, string | undefined>>,
  context: { today: IsoDate; findEmployer: EmployerLookup },
): { parcours: ImportedParcours } | { errors: ParcoursColumnError[] } {
  const value = (column: ParcoursImportColumn) => (cells[column] ?? '').trim();
  const errors: ParcoursColumnError[] = [];
  const fail = (column: ParcoursImportColumn, message: string) => errors.push({ column, message });
  const date = (column: ParcoursImportColumn, label: string): IsoDate | null => {
    const text = value(column);
    if (!text) fail(column, `${label} est obligatoire (AAAA-MM-JJ)`);
    else if (!isIsoDate(text)) fail(column, `${label} invalide : « ${text} » (AAAA-MM-JJ attendu)`);
    else return text;
    return null;
  };

  const passNumber = value('passNumber').replace(/\s/g, '');
  if (!isPassNumber(passNumber)) {
    fail('passNumber', 'numéro de PASS IAE invalide : 12 chiffres commençant par 99999');
  }
  const lastName = value('lastName');
  const firstName = value('firstName');
  if (!lastName) fail('lastName', 'le nom est obligatoire');
  else if (lastName.length > 100) fail('lastName', 'le nom ne doit pas dépasser 100 caractères');
  if (!firstName) fail('firstName', 'le prénom est obligatoire');
  else if (firstName.length > 100) fail('firstName', 'le prénom ne doit pas dépasser 100 caractères');

  const birthDate = date('birthDate', 'la date de naissance');
  const start = date('start', 'la date de début');
  const end = date('end', 'la date de fin');
  if (birthDate && start && compareDates(birthDate, start) >= 0) {
    fail('birthDate', 'la date de naissance doit précéder le début du PASS IAE');
  }

  const nirText = value('nir');
  let nir: string | null = null;
  if (nirText) {
    const problem = nirProblem(nirText);
    if (problem) fail('nir', problem.message);
    else {
      nir = normalizeNir(nirText);
      if (nir && birthDate && !nirMatchesBirthDate(nir, birthDate)) {
        fail('nir', 'le numéro de sécurité sociale ne correspond pas à l’année ou au mois de naissance');
      }
    }
  }
  const email = value('email').toLowerCase();
  if (email && (!EMAIL.test(email) || email.length > 254)) fail('email', 'adresse e-mail invalide');

  const employerSiret = value('employerSiret').replace(/\s/g, '');
  const kindText = value('employerKind').toUpperCase();
  const employerKind = (EMPLOYER_KINDS as readonly string[]).includes(kindText) ? (kindText as EmployerKind) : null;
  if (!/^\d{14}$/.test(employerSiret)) fail('employerSiret', 'le SIRET doit comporter 14 chiffres');
  else if (!isValidSiret(employerSiret)) fail('employerSiret', 'SIRET invalide (clé de contrôle incorrecte)');
  if (!employerKind) {
    fail('employerKind', `type d’employeur inconnu : choisissez parmi ${EMPLOYER_KINDS.join(', ')}`);
  }
  const employerId =
    employerKind && isValidSiret(employerSiret) ? context.findEmployer(employerSiret, employerKind) : undefined;
  if (employerKind && isValidSiret(employerSiret) && !employerId) {
    fail(
      'employerSiret',
      `employeur inconnu du registre (SIRET ${employerSiret}, ${employerKind}) : importez-le d’abord (import d’employeurs)`,
    );
  }

  const suspensions = parseSuspensions(value('suspensions'), (message) => fail('suspensions', message));
  const prolongations = parseProlongations(value('prolongations'), (message) => fail('prolongations', message));

  if (start) {
    const sorted = [...suspensions].sort((a, b) => compareDates(a.start, b.start));
    sorted.forEach((s, index) => {
      const shown = `du ${frenchDate(s.start)} au ${frenchDate(s.end)}`;
      if (compareDates(s.end, s.start) < 0) fail('suspensions', `la suspension ${shown} finit avant de commencer`);
      if (compareDates(s.start, start) < 0) fail('suspensions', `la suspension ${shown} commence avant le PASS IAE`);
      if (compareDates(s.end, suspensionMaxEnd(s.start)) > 0) {
        fail('suspensions', `la suspension ${shown} dépasse 36 mois`);
      }
      const previous = sorted[index - 1];
      if (previous && compareDates(s.start, previous.end) <= 0) {
        fail('suspensions', `la suspension ${shown} chevauche la précédente`);
      }
      const kinds = SUSPENSION_REASON_EMPLOYER_KINDS[s.reason];
      if (employerKind && kinds && !kinds.includes(employerKind)) {
        fail('suspensions', `le motif ${s.reason} est réservé aux structures de type ${kinds.join(' ou ')}`);
      }
    });
  }

  if (start && errors.length === 0) {
    const pass: TakenOverPass = { passNumber, start, suspensions, prolongations };
    const withStarts = takenOverProlongations(pass);
    withStarts.forEach((p, index) => {
      if (compareDates(p.end, p.start) < 0) {
        fail(
          'prolongations',
          `la prolongation jusqu’au ${frenchDate(p.end)} ne prolonge pas : le PASS IAE finissait alors le ${frenchDate(addDays(p.start, -1))}`,
        );
        return;
      }
      const rule = PROLONGATION_RULES[p.reason];
      if (employerKind && !rule.employerKinds.includes(employerKind)) {
        fail('prolongations', `le motif ${p.reason} n’est pas ouvert aux structures de type ${employerKind}`);
      }
      if (prolongationLengthDays(p) > availableDays(p.reason, withStarts.slice(0, index))) {
        fail(
          'prolongations',
          `la prolongation jusqu’au ${frenchDate(p.end)} dépasse la durée permise pour ${p.reason}`,
        );
      }
    });
    if (end && errors.length === 0) {
      const expected = takenOverEnd(pass);
      if (expected !== end) {
        fail(
          'end',
          `la date de fin ${frenchDate(end)} ne correspond pas au début, aux suspensions et aux prolongations : on attend le ${frenchDate(expected)}`,
        );
      } else if (compareDates(end, context.today) < 0) {
        fail('end', `PASS IAE expiré le ${frenchDate(end)} : seuls les PASS en cours sont repris`);
      }
    }
  }

  if (errors.length > 0) return { errors };
  return {
    parcours: {
      line,
      passNumber,
      lastName,
      firstName,
      birthDate: birthDate!,
      nir,
      email: email || null,
      start: start!,
      end: end!,
      suspensions,
      prolongations,
      employerSiret,
      employerKind: employerKind!,
      employerId: employerId!,
    },
  };
}

/**
 * Checks every line. A PASS number or a person (same NIR, or same name and birth date) seen
 * on an earlier line is refused: one running PASS per person, one line per PASS.
 */
export function checkParcoursLines(
  lines: readonly { line: number; cells: Readonly<Record<ParcoursImportColumn, string | undefined>> }[],
  context: { today: IsoDate; findEmployer: EmployerLookup },
): { parcours: ImportedParcours[]; report: ParcoursLineReport[] } {
  const parcours: ImportedParcours[] = [];
  const report: ParcoursLineReport[] = [];
  const numbers = new Map<string, number>();
  const persons = new Map<string, number>();
  for (const { line, cells } of lines) {
    const result = checkParcoursLine(line, cells, context);
    if ('errors' in result) {
      report.push({ line, errors: result.errors });
      continue;
    }
    const p = result.parcours;
    const errors: ParcoursColumnError[] = [];
    const sameNumber = numbers.get(p.passNumber);
    if (sameNumber !== undefined) {
      errors.push({ column: 'passNumber', message: `même numéro de PASS IAE qu’à la ligne ${sameNumber}` });
    }
    const identity = personIdentityKey(p);
    const samePerson = persons.get(identity) ?? (p.nir ? persons.get(`nir:${p.nir}`) : undefined);
    if (samePerson !== undefined) {
      errors.push({
        column: 'lastName',
        message: `même personne qu’à la ligne ${samePerson} : un seul PASS en cours par personne`,
      });
    }
    if (errors.length > 0) {
      report.push({ line, errors });
      continue;
    }
    numbers.set(p.passNumber, line);
    persons.set(identity, line);
    if (p.nir) persons.set(`nir:${p.nir}`, line);
    parcours.push(p);
  }
  return { parcours, report };
}
