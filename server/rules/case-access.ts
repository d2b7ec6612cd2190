// Who works on a person's case (docs/rules.md §2, §11), in one read: every way an
// organization comes to the case is listed once, in CASE_LINKS. The decision itself is the
// pure `worksOnCase` of domain/persons.ts; the person lists and the workspace counts use the
// same links, read from the organization's side (`personsOfOrganization`).
import { Prisma } from '../../generated/prisma/client.ts';
import { worksOnCase } from '../../domain/persons.ts';
import type { Db } from '../db/client.ts';

/** Who asks: an administrator sees every case; anyone else through their organization. */
export interface CaseReader {
  role: string;
  organization: { id: string };
}

interface CaseLink {
  /** `SELECT <person>, <organization> FROM …`: the link as (person, organization) pairs. */
  pairs: Prisma.Sql;
  /** The persons the organization is linked to this way, read through an index on the organization. */
  personsOf: (organizationId: string) => Prisma.Sql;
}

/**
 * (person, organization) pairs: the organization registered the person, made one of their
 * diagnoses, sent or received one of their applications, hired them on a PASS IAE, or was
 * asked to decide a prolongation of one. Each link is written once, in both directions.
 */
const LINKS: CaseLink[] = [
  {
    pairs: Prisma.sql`SELECT id AS "personId", "createdByOrganizationId" AS "organizationId" FROM "Person"`,
    personsOf: (o) => Prisma.sql`SELECT id FROM "Person" WHERE "createdByOrganizationId" = ${o}::uuid`,
  },
  {
    pairs: Prisma.sql`SELECT "personId", "authorOrganizationId" FROM "Diagnosis"`,
    personsOf: (o) => Prisma.sql`SELECT "personId" FROM "Diagnosis" WHERE "authorOrganizationId" = ${o}::uuid`,
  },
  {
    pairs: Prisma.sql`SELECT "personId", "senderOrganizationId" FROM "Application"`,
    personsOf: (o) => Prisma.sql`SELECT "personId" FROM "Application" WHERE "senderOrganizationId" = ${o}::uuid`,
  },
  {
    pairs: Prisma.sql`SELECT "personId", "employerId" FROM "Application"`,
    personsOf: (o) => Prisma.sql`SELECT "personId" FROM "Application" WHERE "employerId" = ${o}::uuid`,
  },
  {
    pairs: Prisma.sql`SELECT "personId", "employerId" FROM "Pass"`,
    personsOf: (o) => Prisma.sql`SELECT "personId" FROM "Pass" WHERE "employerId" = ${o}::uuid`,
  },
  {
    // Every employer that hired the person on the PASS, not only the latest (the snapshot's hires).
    pairs: Prisma.sql`SELECT p."personId", (hire->>'employerId')::uuid
      FROM "Pass" p, jsonb_array_elements(COALESCE(p.snapshot->'hires', '[]'::jsonb)) AS hire`,
    personsOf: (o) =>
      Prisma.sql`SELECT "personId" FROM "Pass"
        WHERE snapshot @> jsonb_build_object('hires', jsonb_build_array(jsonb_build_object('employerId', ${o}::text)))`,
  },
  {
    pairs: Prisma.sql`SELECT p."personId", r."prescriberOrganizationId"
      FROM "ProlongationRequest" r JOIN "Pass" p ON p.number = r."passNumber"`,
    personsOf: (o) => Prisma.sql`SELECT p."personId" FROM "ProlongationRequest" r
      JOIN "Pass" p ON p.number = r."passNumber" WHERE r."prescriberOrganizationId" = ${o}::uuid`,
  },
];

const CASE_LINKS = Prisma.join(
  LINKS.map((link) => link.pairs),
  ' UNION ',
);

/**
 * The ids of the persons whose case the organization works on (a `SELECT` of one uuid column
 * named "personId"), to use as a sub-query: `WHERE p.id IN (${personsOfOrganization(id)})`.
 */
export function personsOfOrganization(organizationId: string): Prisma.Sql {
  return Prisma.sql`SELECT "personId" FROM (${Prisma.join(
    LINKS.map((link) => link.personsOf(organizationId)),
    // IN needs no distinct rows: UNION ALL spares the de-duplication of every link.
    ' UNION ALL ',
  )}) AS on_case ("personId")`;
}

/** The organizations that work on the person's case. */
export async function organizationsOnCase(db: Db, personId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ organizationId: string }[]>`
    SELECT DISTINCT "organizationId"::text AS "organizationId" FROM (${CASE_LINKS}) links
    WHERE "personId" = ${personId}::uuid`;
  return rows.map((row) => row.organizationId);
}

/** Whether the reader works on the person's case. */
export async function readerWorksOnCase(db: Db, reader: CaseReader, personId: string): Promise<boolean> {
  if (reader.role === 'ADMIN') return true;
  return worksOnCase({
    actorRole: reader.role,
    actorOrganizationId: reader.organization.id,
    organizationsOnCase: await organizationsOnCase(db, personId),
  });
}

/**
 * A SQL condition on a person id column: the persons whose case the reader works on (always
 * true for an administrator). `column` is trusted SQL, e.g. Prisma.sql`p.id`.
 */
export function personOnCaseCondition(reader: CaseReader, column: Prisma.Sql): Prisma.Sql {
  if (reader.role === 'ADMIN') return Prisma.sql`TRUE`;
  return Prisma.sql`${column} IN (${personsOfOrganization(reader.organization.id)})`;
}
