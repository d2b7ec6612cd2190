// The public registry search in one SQL statement (docs/rules.md §3): filters, exact distance after a
// bounding-box prefilter, the fair order of domain/registry-search.ts, count and page.
import { Prisma } from '../../generated/prisma/client.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import { boundingBox, RECENT_APPLICATIONS_DAYS, type Point } from '../../domain/registry-search.ts';
import type { Db } from '../db/client.ts';

export interface EmployerSearch {
  /** Search centre and radius: only employers with coordinates within the radius. */
  near?: { centre: Point; radiusKm: number };
  departement?: string;
  kinds?: readonly EmployerKind[];
  rome?: string;
  openOnly?: boolean;
  page: number;
  pageSize: number;
  /** Applications created since this instant count as recent. */
  now: Date;
}

export interface EmployerSearchRow {
  id: string;
  name: string;
  kind: EmployerKind;
  siret: string | null;
  communeCode: string | null;
  departement: string;
  certified: boolean;
  applicationsOpen: boolean;
  distanceKm: number | null;
  openPositions: number;
  recentApplications: number;
}

/** A job description counts as open when recruiting, not deactivated, with positions left. */
const OPEN_JOB = Prisma.sql`j."recruitmentOpen" AND j."deactivatedOn" IS NULL AND j."openPositions" > 0`;

function distanceSql(centre: Point): Prisma.Sql {
  // Haversine, as domain/registry-search.ts haversineKm (Earth radius 6371 km).
  return Prisma.sql`(2 * 6371 * asin(least(1, sqrt(
    power(sin(radians(o.latitude - ${centre.latitude}::float8) / 2), 2)
    + cos(radians(${centre.latitude}::float8)) * cos(radians(o.latitude))
      * power(sin(radians(o.longitude - ${centre.longitude}::float8) / 2), 2)))))`;
}

function whereSql(search: EmployerSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`o.type = 'EMPLOYER'`];
  if (search.departement) conditions.push(Prisma.sql`o.departement = ${search.departement}`);
  if (search.kinds?.length) {
    conditions.push(Prisma.sql`o."employerKind"::text IN (${Prisma.join([...search.kinds])})`);
  }
  if (search.near) {
    const box = boundingBox(search.near.centre, search.near.radiusKm);
    conditions.push(
      Prisma.sql`o.latitude BETWEEN ${box.minLatitude} AND ${box.maxLatitude}`,
      Prisma.sql`o.longitude BETWEEN ${box.minLongitude} AND ${box.maxLongitude}`,
    );
  }
  if (search.rome) {
    const openJob = search.openOnly ? Prisma.sql`AND ${OPEN_JOB}` : Prisma.empty;
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "JobDescription" j WHERE j."employerId" = o.id AND j."romeCode" = ${search.rome} ${openJob})`,
    );
  }
  // openOnly's "an open job description" is checked on the summed open positions (rankedWhere).
  if (search.openOnly) conditions.push(Prisma.sql`o."applicationsOpen"`);
  return Prisma.join(conditions, ' AND ');
}

interface RawRow extends Omit<EmployerSearchRow, 'openPositions' | 'recentApplications'> {
  openPositions: number | bigint;
  recentApplications: number | bigint;
  total: bigint;
}

/** Candidates with their distance, open positions and recent applications, filtered. */
function rankedSql(search: EmployerSearch): Prisma.Sql {
  const since = new Date(search.now.getTime() - RECENT_APPLICATIONS_DAYS * 86_400_000);
  const distance = search.near ? distanceSql(search.near.centre) : Prisma.sql`NULL::float8`;
  const after: Prisma.Sql[] = [];
  if (search.near) after.push(Prisma.sql`c."distanceKm" <= ${search.near.radiusKm}`);
  if (search.openOnly) after.push(Prisma.sql`jobs."openPositions" > 0`);
  const rankedWhere = after.length > 0 ? Prisma.sql`WHERE ${Prisma.join(after, ' AND ')}` : Prisma.empty;
  // Counts come from lateral subqueries on (employerId, …) indexes, for the candidates only.
  return Prisma.sql`
    WITH candidates AS (
      SELECT o.id, o.name, o."employerKind"::text AS kind, o.siret, o."communeCode", o.departement,
             o.certified, o."applicationsOpen", ${distance} AS "distanceKm"
      FROM "Organization" o
      WHERE ${whereSql(search)}
    ), ranked AS (
      SELECT c.*, jobs."openPositions", apps."recentApplications"
      FROM candidates c
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(j."openPositions"), 0)::int AS "openPositions"
        FROM "JobDescription" j WHERE j."employerId" = c.id AND ${OPEN_JOB}
      ) jobs
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "recentApplications"
        FROM "Application" a WHERE a."employerId" = c.id AND a."createdAt" >= ${since}
      ) apps
      ${rankedWhere}
    )`;
}

export async function searchEmployers(
  db: Db,
  search: EmployerSearch,
): Promise<{ rows: EmployerSearchRow[]; total: number }> {
  const offset = (search.page - 1) * search.pageSize;
  const raw = await db.$queryRaw<RawRow[]>`
    ${rankedSql(search)}
    SELECT r.*, count(*) OVER () AS total
    FROM ranked r
    ORDER BY
      CASE WHEN r."openPositions" > 0 THEN r."recentApplications"::float8 / r."openPositions" END ASC NULLS LAST,
      r."distanceKm" ASC NULLS LAST,
      r.name COLLATE "C" ASC,
      r.id::text COLLATE "C" ASC
    LIMIT ${search.pageSize} OFFSET ${offset}`;
  // Past the last page the window count has no row to ride on: count apart.
  const total = raw[0] || search.page === 1 ? Number(raw[0]?.total ?? 0) : await countEmployers(db, search);
  return {
    rows: raw.map(({ total: _total, openPositions, recentApplications, ...row }) => ({
      ...row,
      openPositions: Number(openPositions),
      recentApplications: Number(recentApplications),
    })),
    total,
  };
}

async function countEmployers(db: Db, search: EmployerSearch): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`${rankedSql(search)} SELECT count(*) AS total FROM ranked`;
  return Number(row?.total ?? 0);
}
