// Open data export of the registry (docs/rules.md §3): every employer's public fields, as CSV (French
// headers, RFC 4180 quoting, UTF-8) and JSON. No contact, no applicant, nothing personal.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/client.ts';
import { findCommune } from '../territories.ts';

export interface OpenDataEmployer {
  id: string;
  name: string;
  kind: string;
  siret: string | null;
  address: string | null;
  communeCode: string | null;
  communeName: string | null;
  departement: string;
  latitude: number | null;
  longitude: number | null;
  certified: boolean;
  applicationsOpen: boolean;
  openPositions: number;
  jobDescriptions: number;
}

/** CSV columns: the JSON key and the header people read. */
export const OPEN_DATA_COLUMNS: readonly (readonly [keyof OpenDataEmployer, string])[] = [
  ['id', 'identifiant'],
  ['name', 'nom'],
  ['kind', 'type'],
  ['siret', 'siret'],
  ['address', 'adresse'],
  ['communeCode', 'code_commune'],
  ['communeName', 'commune'],
  ['departement', 'departement'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['certified', 'certifie'],
  ['applicationsOpen', 'candidatures_ouvertes'],
  ['openPositions', 'postes_ouverts'],
  ['jobDescriptions', 'fiches_de_poste'],
];

interface Row extends Omit<OpenDataEmployer, 'communeName' | 'openPositions' | 'jobDescriptions'> {
  openPositions: number;
  jobDescriptions: number;
}

export async function openDataEmployers(db: Db): Promise<OpenDataEmployer[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id, o.name, o."employerKind"::text AS kind, o.siret, o.address, o."communeCode", o.departement,
           o.latitude, o.longitude, o.certified, o."applicationsOpen",
           coalesce(sum(j."openPositions") FILTER (
             WHERE j."recruitmentOpen" AND j."deactivatedOn" IS NULL AND j."openPositions" > 0), 0)::int AS "openPositions",
           count(j.id)::int AS "jobDescriptions"
    FROM "Organization" o
    LEFT JOIN "JobDescription" j ON j."employerId" = o.id
    WHERE o.type = 'EMPLOYER'
    GROUP BY o.id
    ORDER BY o.departement, o.name, o.id`;
  return rows.map((row) => ({
    ...row,
    communeName: row.communeCode ? (findCommune(row.communeCode)?.nom ?? null) : null,
  }));
}

export function openDataCsv(employers: readonly OpenDataEmployer[]): string {
  return stringify(
    employers.map((employer) => OPEN_DATA_COLUMNS.map(([key]) => employer[key])),
    {
      header: true,
      columns: OPEN_DATA_COLUMNS.map(([, header]) => header),
      cast: { boolean: (value) => (value ? 'true' : 'false') },
      record_delimiter: 'unix',
    },
  );
}
