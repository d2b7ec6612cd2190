// A realistic take-over file of running PASS IAE (docs/decisions/025-take-over-import.md), seeded so
// the same arguments give the same file: remaining days spread over the two years of a PASS,
// ~15 % with a suspension so far, ~5 % prolonged, ~60 % with a NIR consistent with the birth
// date, ~50 % with an e-mail; employers generated alongside (employer-import format) or given.
// Optionally `deadlineCount` PASS reach a reminder (90, 30 or 7 days) or their expiry on
// `deadlineDay`, a day after today: the "day of deadlines" of scripts/bench/national.ts.
import { addDays, daysBetween, type IsoDate } from '../../domain/dates.ts';
import { EMPLOYER_IMPORT_COLUMNS } from '../../domain/employer-import.ts';
import { nirKey } from '../../domain/nir.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import { PARCOURS_IMPORT_COLUMNS } from '../../domain/parcours-import.ts';
import { formatPassNumber } from '../../domain/pass/number.ts';
import { PROLONGATION_RULES } from '../../domain/pass/prolongations.ts';
import { luhnValid } from '../../domain/siret.ts';

export interface GeneratedEmployer {
  siret: string;
  kind: EmployerKind;
  name: string;
  communeCode: string;
  departement: string;
  latitude: number;
  longitude: number;
}

export interface GenerateOptions {
  count: number;
  today: IsoDate;
  seed?: number;
  /** The sequence of the first PASS number (numbers follow). */
  firstSequence?: number;
  /** Employers to spread the PASS over; generated (count / 40, at least 5) when absent. */
  employers?: GeneratedEmployer[];
  /** A Paris day after today on which `deadlineCount` PASS reach a reminder or their expiry. */
  deadlineDay?: IsoDate;
  deadlineCount?: number;
}

export interface GeneratedFile {
  csv: string;
  employers: GeneratedEmployer[];
  /** The lines whose deadline falls on deadlineDay, by kind. */
  deadlines: { expiry: number; reminder90: number; reminder30: number; reminder7: number };
}

/** mulberry32: small, fast, seeded. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefèvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Diallo',
  'Traoré',
  'Benali',
  'Nguyen',
  'Haddad',
  'Da Silva',
  'Kaya',
  'Camara',
  'Mendy',
  'Rousseau',
];
const FIRST_NAMES = [
  'Aïcha',
  'Mohamed',
  'Marie',
  'Jean',
  'Fatou',
  'Nathalie',
  'Karim',
  'Sophie',
  'Mamadou',
  'Isabelle',
  'Julien',
  'Samira',
  'Thierry',
  'Léa',
  'Youssef',
  'Sandrine',
  'Hugo',
  'Chloé',
  'Ibrahim',
  'Valérie',
  'Kevin',
  'Amina',
  'Olivier',
  'Émilie',
  'Moussa',
  'Céline',
  'Nicolas',
  'Inès',
  'Pascal',
  'Zoé',
];
/** Real communes (INSEE code, département, centre) so the employers file passes the employer import. */
const COMMUNES: [string, string, number, number][] = [
  ['93066', '93', 48.9362, 2.3574],
  ['93031', '93', 48.9553, 2.3092],
  ['67482', '67', 48.5734, 7.7521],
  ['13055', '13', 43.2965, 5.3698],
  ['69123', '69', 45.764, 4.8357],
  ['59350', '59', 50.6292, 3.0573],
  ['33063', '33', 44.8378, -0.5792],
  ['31555', '31', 43.6047, 1.4442],
  ['44109', '44', 47.2184, -1.5536],
  ['35238', '35', 48.1173, -1.6778],
];
const SIAE: EmployerKind[] = ['ACI', 'ACI', 'ACI', 'EI', 'EI', 'AI', 'ETTI', 'EITI'];

function siretFrom(n: number): string {
  const base = `8${String(n).padStart(12, '0')}`;
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(base + digit)) return base + digit;
  throw new Error('unreachable');
}

export function generateEmployers(count: number, seed = 1): GeneratedEmployer[] {
  const rand = random(seed * 7919);
  return Array.from({ length: count }, (_, i) => {
    const [communeCode, departement, latitude, longitude] = COMMUNES[i % COMMUNES.length]!;
    const kind = SIAE[Math.floor(rand() * SIAE.length)]!;
    return {
      siret: siretFrom(seed * 1_000_000 + i),
      kind,
      name: `${kind} de reprise n° ${i + 1}`,
      communeCode,
      departement,
      latitude: Number((latitude + (rand() - 0.5) / 50).toFixed(5)),
      longitude: Number((longitude + (rand() - 0.5) / 50).toFixed(5)),
    };
  });
}

/** The employers in the employer import's format (`/admin/imports`). */
export function employersCsv(employers: GeneratedEmployer[]): string {
  const lines = employers.map((e) =>
    [e.siret, e.kind, e.name, '', e.communeCode, e.departement, e.latitude, e.longitude, '', 'oui'].join(';'),
  );
  return [EMPLOYER_IMPORT_COLUMNS.join(';'), ...lines, ''].join('\n');
}

export function generateParcoursFile(options: GenerateOptions): GeneratedFile {
  const seed = options.seed ?? 1;
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const employers = options.employers ?? generateEmployers(Math.max(5, Math.ceil(options.count / 40)), seed);
  const firstSequence = options.firstSequence ?? 5_000_001;
  const deadlineCount = options.deadlineDay ? Math.min(options.deadlineCount ?? 0, options.count) : 0;
  const deadlines = { expiry: 0, reminder90: 0, reminder30: 0, reminder7: 0 };
  const identities = new Set<string>();
  const lines: string[] = [PARCOURS_IMPORT_COLUMNS.join(';')];

  for (let i = 0; i < options.count; i++) {
    const employer = pick(employers);
    let remaining: number;
    if (i < deadlineCount) {
      // Round robin over the four deadlines of the day: expiry (end = day − 1), reminders 90/30/7.
      const day = options.deadlineDay!;
      const offset = [-1, 90, 30, 7][i % 4]!;
      deadlines[(['expiry', 'reminder90', 'reminder30', 'reminder7'] as const)[i % 4]!] += 1;
      remaining = daysBetween(options.today, addDays(day, offset));
    } else {
      remaining = between(1, 729);
    }
    const end = addDays(options.today, remaining);
    const suspended = rand() < 0.15;
    const prolonged = rand() < 0.05 && PROLONGATION_RULES.FIN_FORMATION.employerKinds.includes(employer.kind);
    let suspensionDays = suspended ? between(16, 120) : 0;
    const prolongationDays = prolonged ? between(30, 200) : 0;
    let start = addDays(end, -729 - suspensionDays - prolongationDays);
    let suspensions = '';
    if (suspensionDays > 0) {
      // Within the PASS, after its first month, over before today.
      const room = daysBetween(addDays(start, 30), addDays(options.today, -suspensionDays - 1));
      if (room >= 0) {
        const from = addDays(start, 30 + between(0, room));
        suspensions = `${from}/${addDays(from, suspensionDays - 1)}`;
      } else {
        suspensionDays = 0;
        start = addDays(end, -729 - prolongationDays);
      }
    }
    // The one prolongation gave today's end date.
    const prolongations = prolonged ? `${end}:FIN_FORMATION` : '';

    let lastName = pick(LAST_NAMES);
    const firstName = pick(FIRST_NAMES);
    let birthDate = addDays('1960-01-01', between(0, 16000));
    while (identities.has(`${lastName}|${firstName}|${birthDate}`)) {
      birthDate = addDays(birthDate, 1);
      if (birthDate > '2005-12-31') lastName = `${lastName}-${pick(LAST_NAMES)}`;
    }
    identities.add(`${lastName}|${firstName}|${birthDate}`);
    let nir = '';
    if (rand() < 0.6) {
      const number = `${pick(['1', '2'])}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${String(between(1, 95)).padStart(2, '0')}${String(between(1, 999)).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`;
      // Unique by construction is not guaranteed; a repeated one is dropped rather than refused.
      if (!identities.has(`nir:${number}`)) {
        identities.add(`nir:${number}`);
        nir = `${number}${nirKey(number)}`;
      }
    }
    const email = rand() < 0.5 ? `personne.${i + 1}@exemple.fr` : '';
    lines.push(
      [
        formatPassNumber(firstSequence + i),
        lastName,
        firstName,
        birthDate,
        nir,
        email,
        start,
        end,
        suspensions,
        prolongations,
        employer.siret,
        employer.kind,
      ].join(';'),
    );
  }
  lines.push('');
  return { csv: lines.join('\n'), employers, deadlines };
}
