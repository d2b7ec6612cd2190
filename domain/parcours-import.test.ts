import { describe, expect, it } from 'vitest';
import { nirKey } from './nir.ts';
import {
  checkParcoursLine,
  checkParcoursLines,
  parcoursHeaderErrors,
  PARCOURS_IMPORT_COLUMNS,
  type ParcoursImportColumn,
} from './parcours-import.ts';
import { takeOverParcours } from './pass/take-over.ts';
import { nextParcoursDeadline, parcoursEnd } from './pass/parcours.ts';
import { luhnValid } from './siret.ts';

const TODAY = '2026-06-15';
/** A SIRET whose Luhn key is right, from 13 digits. */
function siret(prefix: string): string {
  for (let key = 0; key < 10; key++) if (luhnValid(`${prefix}${key}`)) return `${prefix}${key}`;
  throw new Error('no key');
}
const ACI = siret('1234567890123');
const UNKNOWN = siret('9876543210987');
const findEmployer = (s: string, kind: string) => (s === ACI && kind === 'ACI' ? 'employer-aci' : undefined);
const context = { today: TODAY, findEmployer };
const nir = (first13: string) => `${first13}${nirKey(first13)}`;

type Cells = Record<ParcoursImportColumn, string>;
const base: Cells = {
  passNumber: '999990000123',
  lastName: 'Martin',
  firstName: 'Aïcha',
  birthDate: '1985-04-12',
  nir: '',
  email: 'aicha.martin@example.org',
  start: '2025-01-10',
  end: '2027-01-09',
  suspensions: '',
  prolongations: '',
  employerSiret: ACI,
  employerKind: 'ACI',
};
const check = (cells: Partial<Cells>) => checkParcoursLine(2, { ...base, ...cells }, context);
const errorsOf = (cells: Partial<Cells>) => {
  const result = check(cells);
  return 'errors' in result ? result.errors : [];
};

describe('take-over import: header', () => {
  it('accepts the documented columns in any order and names missing or unknown ones', () => {
    expect(parcoursHeaderErrors([...PARCOURS_IMPORT_COLUMNS].reverse())).toEqual([]);
    expect(parcoursHeaderErrors(['passNumber', 'nom'])).toEqual([
      expect.stringContaining('colonnes manquantes : lastName'),
      'colonnes inconnues : nom',
    ]);
  });
});

describe('take-over import: one line', () => {
  it('accepts a PASS of 730 days whose end is still ahead', () => {
    const result = check({});
    expect(result).toEqual({
      parcours: expect.objectContaining({
        line: 2,
        passNumber: '999990000123',
        start: '2025-01-10',
        end: '2027-01-09',
        employerId: 'employer-aci',
        employerKind: 'ACI',
        suspensions: [],
        prolongations: [],
      }),
    });
  });

  it('refuses a PASS number outside the 99999 + 7 digits format', () => {
    expect(errorsOf({ passNumber: '12345' })).toEqual([
      { column: 'passNumber', message: 'numéro de PASS IAE invalide : 12 chiffres commençant par 99999' },
    ]);
    expect(errorsOf({ passNumber: '999990000000' })[0]?.column).toBe('passNumber');
  });

  it('pushes the end by each suspension, both ends included (2025-03-01/2025-05-31 = 92 days)', () => {
    expect(errorsOf({ suspensions: '2025-03-01/2025-05-31', end: '2027-04-11' })).toEqual([]);
    expect(errorsOf({ suspensions: '2025-03-01/2025-05-31', end: '2027-01-09' })).toEqual([
      {
        column: 'end',
        message:
          'la date de fin 09/01/2027 ne correspond pas au début, aux suspensions et aux prolongations : on attend le 11/04/2027',
      },
    ]);
  });

  it('takes the suspension reason after a colon, and refuses an unknown one or one reserved to other kinds', () => {
    expect(errorsOf({ suspensions: '2025-03-01/2025-05-31:CONTRAT_ROMPU', end: '2027-04-11' })).toEqual([]);
    expect(errorsOf({ suspensions: '2025-03-01/2025-05-31:VACANCES' })[0]?.message).toContain(
      'motif de suspension inconnu',
    );
    const passerelle = errorsOf({ suspensions: '2025-03-01/2025-05-31:CONTRAT_PASSERELLE', employerKind: 'AI' });
    expect(passerelle.map((e) => e.message)).toContain(
      'le motif CONTRAT_PASSERELLE est réservé aux structures de type ACI ou EI',
    );
  });

  it('refuses overlapping suspensions, one before the PASS and one ending before it starts', () => {
    const messages = errorsOf({
      suspensions: '2024-12-01/2024-12-31,2025-03-01/2025-05-31;2025-05-01/2025-06-30,2025-09-10/2025-09-01',
    }).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'la suspension du 01/12/2024 au 31/12/2024 commence avant le PASS IAE',
        'la suspension du 01/05/2025 au 30/06/2025 chevauche la précédente',
        'la suspension du 10/09/2025 au 01/09/2025 finit avant de commencer',
      ]),
    );
  });

  it('adds each prolongation from the day after the end of its time, and checks its reason', () => {
    // 2027-01-09 + FIN_FORMATION to 2027-06-30 (172 days), then SENIOR to 2027-12-31.
    expect(errorsOf({ prolongations: '2027-06-30:FIN_FORMATION,2027-12-31:SENIOR', end: '2027-12-31' })).toEqual([]);
    // With a 92-day suspension, the same prolongation end dates mean shorter prolongations: same final end.
    expect(
      errorsOf({ suspensions: '2025-03-01/2025-05-31', prolongations: '2027-06-30:FIN_FORMATION', end: '2027-06-30' }),
    ).toEqual([]);
    expect(errorsOf({ prolongations: '2026-12-01:FIN_FORMATION', end: '2026-12-01' })).toEqual([
      {
        column: 'prolongations',
        message: 'la prolongation jusqu’au 01/12/2026 ne prolonge pas : le PASS IAE finissait alors le 09/01/2027',
      },
    ]);
    expect(errorsOf({ prolongations: '2028-12-31:FIN_FORMATION', end: '2028-12-31' })[0]?.message).toBe(
      'la prolongation jusqu’au 31/12/2028 dépasse la durée permise pour FIN_FORMATION',
    );
    expect(errorsOf({ prolongations: '2027-06-30:DIFFICULTES_PARTICULIERES', employerKind: 'EI' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'employerSiret' })]),
    );
    expect(errorsOf({ prolongations: '2027-06-30' })[0]?.message).toContain('prolongation « 2027-06-30 » illisible');
  });

  it('refuses a PASS already over: only running PASS are taken over', () => {
    expect(errorsOf({ start: '2024-01-01', end: '2025-12-30' })).toEqual([
      { column: 'end', message: 'PASS IAE expiré le 30/12/2025 : seuls les PASS en cours sont repris' },
    ]);
  });

  it('checks the NIR key and that it matches the year and month of birth', () => {
    expect(errorsOf({ nir: nir('2850475112003') })).toEqual([]);
    expect(errorsOf({ nir: nir('2850575112003') })).toEqual([
      {
        column: 'nir',
        message: 'le numéro de sécurité sociale ne correspond pas à l’année ou au mois de naissance',
      },
    ]);
    expect(errorsOf({ nir: '285047511200399' })[0]?.column).toBe('nir');
  });

  it('refuses an employer the registry does not know, a wrong SIRET key and an unknown kind', () => {
    expect(errorsOf({ employerSiret: UNKNOWN })[0]?.message).toContain('employeur inconnu du registre');
    expect(errorsOf({ employerSiret: `${ACI.slice(0, 13)}${(Number(ACI.at(-1)) + 1) % 10}` })[0]?.message).toBe(
      'SIRET invalide (clé de contrôle incorrecte)',
    );
    expect(errorsOf({ employerKind: 'SCOP' }).map((e) => e.column)).toEqual(['employerKind']);
  });

  it('lists every faulty column at once, with French messages', () => {
    const errors = errorsOf({ lastName: '', birthDate: '1985-02-30', email: 'nope' });
    expect(errors.map((e) => e.column)).toEqual(['lastName', 'birthDate', 'email']);
  });
});

describe('take-over import: the file', () => {
  it('refuses a second line for the same PASS number or the same person', () => {
    const lines = [
      { line: 2, cells: base },
      { line: 3, cells: { ...base, lastName: 'Durand' } },
      { line: 4, cells: { ...base, passNumber: '999990000124', firstName: 'aicha', lastName: 'MARTIN' } },
      { line: 5, cells: { ...base, passNumber: '999990000125', lastName: 'Durand' } },
    ];
    const { parcours, report } = checkParcoursLines(lines, context);
    expect(parcours.map((p) => p.line)).toEqual([2, 5]);
    expect(report).toEqual([
      { line: 3, errors: [{ column: 'passNumber', message: 'même numéro de PASS IAE qu’à la ligne 2' }] },
      {
        line: 4,
        errors: [{ column: 'lastName', message: 'même personne qu’à la ligne 2 : un seul PASS en cours par personne' }],
      },
    ]);
  });
});

describe('take-over state', () => {
  const taken = (over: Partial<Cells>, today = TODAY) => {
    const result = checkParcoursLine(2, { ...base, ...over }, { ...context, today });
    if (!('parcours' in result)) throw new Error(JSON.stringify(result.errors));
    return takeOverParcours(result.parcours, {
      personId: 'person-1',
      employerId: 'employer-aci',
      employerKind: 'ACI',
      today,
    });
  };

  it('has the end date of its history and counts passed reminder bands as sent', () => {
    const state = taken({
      suspensions: '2025-03-01/2025-05-31',
      prolongations: '2027-06-30:FIN_FORMATION',
      end: '2027-06-30',
    });
    expect(parcoursEnd(state)).toBe('2027-06-30');
    expect(state.remindedThresholds).toEqual([]);
    expect(nextParcoursDeadline(state, TODAY)).toEqual({ kind: 'endReminder', on: '2027-04-01', days: 90 });
    expect(state.events.map((e) => e.kind)).toEqual(['issued', 'suspended', 'prolonged']);
  });

  it('owes only the reminders still ahead: 20 days left → the 7-day reminder, then the expiry', () => {
    // start 2024-07-06 → end 2026-07-05; today 2026-06-15 = 20 days left.
    const state = taken({ start: '2024-07-06', end: '2026-07-05' });
    expect(state.remindedThresholds).toEqual([90, 30]);
    expect(nextParcoursDeadline(state, TODAY)).toEqual({ kind: 'endReminder', on: '2026-06-28', days: 7 });
  });

  it('sends the reminder of today when today is exactly its day', () => {
    // 30 days left on 2026-06-15: end 2026-07-15, start 2024-07-16.
    const state = taken({ start: '2024-07-16', end: '2026-07-15' });
    expect(state.remindedThresholds).toEqual([90]);
    expect(nextParcoursDeadline(state, TODAY)).toEqual({ kind: 'endReminder', on: TODAY, days: 30 });
  });
});
