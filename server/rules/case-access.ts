// Who works on a person's case (docs/rules.md §2, §11), in one read: every way an
// organization comes to the case is listed once, in CASE_LINKS. The decision itself is the
// pure `worksOnCase` of domain/persons.ts; the person list uses the same links.
import { Prisma } from '../../generated/prisma/client.ts';
import { worksOnCase } from '../../domain/persons.ts';
import type { Db } from '../db/client.ts';

/** Who asks: an administrator sees every case; anyone else through their organization. */
export interface CaseReader {
  role: string;
  organization: { id: string };
}

/**
 * (person, organization) pairs: the organization registered the person, made one of their
 * diagnoses, sent or received one of their applications, hired them on a PASS IAE, or was
 * asked to decide a prolongation of one.
 */
const CASE_LINKS = Prisma.sql`
  SELECT id AS "personId", "createdByOrganizationId" AS "organizationId" FROM "Person"
  UNION SELECT "personId", "authorOrganizationId" FROM "Diagnosis"
  UNION SELECT "personId", "senderOrganizationId" FROM "Application"
  UNION SELECT "personId", "employerId" FROM "Application"
  UNION SELECT "personId", "employerId" FROM "Pass"
  UNION SELECT p."personId", (hire->>'employerId')::uuid
    FROM "Pass" p, jsonb_array_elements(COALESCE(p.snapshot->'hires', '[]'::jsonb)) AS hire
  UNION SELECT p."personId", r."prescriberOrganizationId"
    FROM "ProlongationRequest" r JOIN "Pass" p ON p.number = r."passNumber"`;

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

/** A Prisma filter on Person: the persons whose case the reader works on (everyone for an administrator). */
export async function personsOnCaseFilter(db: Db, reader: CaseReader): Promise<Prisma.PersonWhereInput> {
  if (reader.role === 'ADMIN') return {};
  const rows = await db.$queryRaw<{ personId: string }[]>`
    SELECT DISTINCT "personId"::text AS "personId" FROM (${CASE_LINKS}) links
    WHERE "organizationId" = ${reader.organization.id}::uuid`;
  return { id: { in: rows.map((row) => row.personId) } };
}
