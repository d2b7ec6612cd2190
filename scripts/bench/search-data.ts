// Synthetic registry for the search benchmark: employers scattered around the chefs-lieux of
// thirteen départements (denser near the centre, as in real life), job descriptions and
// applications, bulk-loaded with one INSERT … SELECT FROM unnest(…) per batch.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { EMPLOYER_KINDS } from '../../domain/organizations.ts';

export type Random = () => number;

/**
 * Chefs-lieux the data spreads around and the searches start from; weight ≈ share of employers
 * (roughly by population). Paris and Bobigny are 7 km apart: searches there meet the most.
 */
export const BENCH_CENTRES = [
  { departement: '93', commune: '93008', latitude: 48.9077, longitude: 2.4397, spreadKm: 6, weight: 8 },
  { departement: '75', commune: '75056', latitude: 48.8566, longitude: 2.3522, spreadKm: 4, weight: 8 },
  { departement: '13', commune: '13055', latitude: 43.2965, longitude: 5.3698, spreadKm: 18, weight: 10 },
  { departement: '59', commune: '59350', latitude: 50.6292, longitude: 3.0573, spreadKm: 20, weight: 12 },
  { departement: '62', commune: '62041', latitude: 50.291, longitude: 2.7775, spreadKm: 25, weight: 8 },
  { departement: '67', commune: '67482', latitude: 48.5734, longitude: 7.7521, spreadKm: 20, weight: 6 },
  { departement: '69', commune: '69123', latitude: 45.764, longitude: 4.8357, spreadKm: 15, weight: 9 },
  { departement: '33', commune: '33063', latitude: 44.8378, longitude: -0.5792, spreadKm: 25, weight: 8 },
  { departement: '31', commune: '31555', latitude: 43.6047, longitude: 1.4442, spreadKm: 25, weight: 7 },
  { departement: '44', commune: '44109', latitude: 47.2184, longitude: -1.5536, spreadKm: 25, weight: 7 },
  { departement: '34', commune: '34172', latitude: 43.6108, longitude: 3.8767, spreadKm: 25, weight: 7 },
  { departement: '06', commune: '06088', latitude: 43.7102, longitude: 7.262, spreadKm: 15, weight: 5 },
  { departement: '35', commune: '35238', latitude: 48.1173, longitude: -1.6778, spreadKm: 25, weight: 5 },
] as const;

export const ROME_CODES = [
  'A1201',
  'A1203',
  'A1414',
  'F1701',
  'F1703',
  'F1704',
  'G1602',
  'G1603',
  'H3302',
  'K2204',
  'K2304',
  'N1103',
  'N1105',
  'N4105',
  'K1302',
  'K1304',
  'D1106',
  'D1507',
  'H2102',
  'I1203',
  'J1301',
  'M1607',
  'N1101',
  'N4101',
  'A1202',
  'F1602',
  'F1606',
  'G1801',
  'H2909',
  'K2203',
] as const;

const TITLES = [
  'Agent polyvalent',
  'Ouvrier du bâtiment',
  'Agent de tri',
  'Employé de restauration',
  'Aide à domicile',
];
const BATCH = 5_000;

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

async function insert(client: pg.Client, sql: string, columns: unknown[][]): Promise<void> {
  const length = columns[0]!.length;
  for (let start = 0; start < length; start += BATCH) {
    await client.query(
      sql,
      columns.map((column) => column.slice(start, start + BATCH)),
    );
  }
}

export async function seedRegistry(client: pg.Client, count: number, random: Random, now: Date) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const totalWeight = BENCH_CENTRES.reduce((sum, centre) => sum + centre.weight, 0);
  const o = { id: [] as string[], name: [] as string[], siret: [] as string[], departement: [] as string[] };
  const more = { kind: [] as string[], commune: [] as string[], lat: [] as number[], lon: [] as number[] };
  const flags = { certified: [] as boolean[], open: [] as boolean[] };
  const j = { id: [] as string[], employer: [] as string[], rome: [] as string[], title: [] as string[] };
  const jMore = { positions: [] as number[], recruiting: [] as boolean[], deactivated: [] as (string | null)[] };
  const a = { id: [] as string[], employer: [] as string[], createdAt: [] as Date[] };

  for (let index = 0; index < count; index++) {
    let draw = random() * totalWeight;
    const centre = BENCH_CENTRES.find((c) => (draw -= c.weight) < 0) ?? BENCH_CENTRES[0];
    const id = randomUUID();
    o.id.push(id);
    o.name.push(`${pick(['Atelier', 'Chantier', 'Ressourcerie', 'Régie', 'Jardins', 'Services'])} ${index + 1}`);
    o.siret.push(String(10_000_000_000_000 + index));
    o.departement.push(centre.departement);
    more.kind.push(pick(EMPLOYER_KINDS));
    more.commune.push(centre.commune);
    more.lat.push(centre.latitude + (gaussian(random) * centre.spreadKm) / 111.2);
    more.lon.push(
      centre.longitude + (gaussian(random) * centre.spreadKm) / (111.2 * Math.cos((centre.latitude * Math.PI) / 180)),
    );
    flags.certified.push(random() < 0.2);
    flags.open.push(random() < 0.9);
    const jobs = 1 + Math.floor(random() * 9); // 1–9, 5 on average
    for (let job = 0; job < jobs; job++) {
      j.id.push(randomUUID());
      j.employer.push(id);
      j.rome.push(pick(ROME_CODES));
      j.title.push(pick(TITLES));
      jMore.positions.push(Math.floor(random() * 9));
      jMore.recruiting.push(random() < 0.85);
      jMore.deactivated.push(random() < 0.05 ? '2026-01-01' : null);
    }
    // Skewed: a few employers get most applications.
    const applications = Math.floor(random() ** 3 * 12);
    for (let application = 0; application < applications; application++) {
      a.id.push(randomUUID());
      a.employer.push(id);
      a.createdAt.push(new Date(now.getTime() - random() * 90 * 86_400_000));
    }
  }

  await insert(
    client,
    `INSERT INTO "Organization" (id, type, name, siret, departement, "employerKind", "communeCode", latitude, longitude,
       certified, "applicationsOpen", "createdAt", "updatedAt")
     SELECT id, 'EMPLOYER', name, siret, departement, kind::"EmployerKind", commune, lat, lon, certified, open, now(), now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[],
       $9::bool[], $10::bool[]) AS t(id, name, siret, departement, kind, commune, lat, lon, certified, open)`,
    [o.id, o.name, o.siret, o.departement, more.kind, more.commune, more.lat, more.lon, flags.certified, flags.open],
  );
  await insert(
    client,
    `INSERT INTO "JobDescription" (id, "employerId", "romeCode", title, "contractType", "openPositions", "hoursPerWeek",
       "recruitmentOpen", "deactivatedOn", "createdAt", "updatedAt")
     SELECT id, employer, rome, title, 'CDDI', positions, 26, recruiting, deactivated, now(), now()
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::bool[], $7::text[])
       AS t(id, employer, rome, title, positions, recruiting, deactivated)`,
    [j.id, j.employer, j.rome, j.title, jMore.positions, jMore.recruiting, jMore.deactivated],
  );
  await insert(
    client,
    `INSERT INTO "Application" (id, "personId", "employerId", "senderOrganizationId", "senderUserId", "senderKind",
       state, "lastUpdatedOn", "createdAt", "updatedAt")
     SELECT id, gen_random_uuid(), employer, gen_random_uuid(), gen_random_uuid(), 'AUTHORIZED_PRESCRIBER', 'new',
       to_char(created, 'YYYY-MM-DD'), created, created
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS t(id, employer, created)`,
    [a.id, a.employer, a.createdAt],
  );
  // VACUUM as autovacuum would: the visibility map lets counts use index-only scans.
  await client.query('VACUUM ANALYZE');
  const recentSince = now.getTime() - 30 * 86_400_000;
  const recentApplications = a.createdAt.filter((date) => date.getTime() >= recentSince).length;
  return {
    employers: count,
    jobDescriptions: j.id.length,
    recentApplications,
    olderApplications: a.id.length - recentApplications,
  };
}
