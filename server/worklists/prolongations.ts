// Prolongation requests (docs/rules.md §5): those an authorized prescriber is asked to decide
// (received) and those an employer sent (sent), with the PASS holder's name, one page at a time,
// the oldest first: the longest waiting comes first.
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import type { CaseReader } from '../rules/case-access.ts';
import { offsetOf, pageAnswer, type Page, type PageRequest } from './paging.ts';

export const PROLONGATION_REQUEST_STATES = ['PENDING', 'GRANTED', 'DENIED'] as const;
export type ProlongationRequestState = (typeof PROLONGATION_REQUEST_STATES)[number];

export interface ProlongationListQuery extends PageRequest {
  box: 'received' | 'sent';
  state?: ProlongationRequestState;
}

export interface ProlongationListRow {
  id: string;
  passNumber: string;
  reason: string;
  endDate: string;
  requestedOn: string;
  state: ProlongationRequestState;
  person: { id: string; firstName: string; lastName: string } | null;
  employer: { id: string; name: string };
  prescriberOrganization: { id: string; name: string };
}

export function prolongationBoxCondition(reader: CaseReader, box: 'received' | 'sent'): Prisma.Sql {
  if (reader.role === 'ADMIN') return Prisma.sql`TRUE`;
  return box === 'received'
    ? Prisma.sql`r."prescriberOrganizationId" = ${reader.organization.id}::uuid`
    : Prisma.sql`r."employerId" = ${reader.organization.id}::uuid`;
}

interface Row {
  id: string;
  passNumber: string;
  reason: string;
  endDate: string;
  requestedOn: string;
  state: ProlongationRequestState;
  personId: string | null;
  firstName: string | null;
  lastName: string | null;
  employerId: string;
  employerName: string | null;
  prescriberId: string;
  prescriberName: string | null;
}

export async function listProlongationRequests(
  db: Db,
  reader: CaseReader,
  query: ProlongationListQuery,
): Promise<Page<ProlongationListRow>> {
  const where = Prisma.sql`${prolongationBoxCondition(reader, query.box)}
    AND ${query.state ? Prisma.sql`r.state = ${query.state}::"ProlongationRequestState"` : Prisma.sql`TRUE`}`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT r.id::text AS id, r."passNumber", r.reason, r."endDate", r."requestedOn", r.state::text AS state,
        p.id::text AS "personId", p."firstName", p."lastName",
        r."employerId"::text AS "employerId", e.name AS "employerName",
        r."prescriberOrganizationId"::text AS "prescriberId", o.name AS "prescriberName"
      FROM "ProlongationRequest" r
      LEFT JOIN "Pass" pa ON pa.number = r."passNumber"
      LEFT JOIN "Person" p ON p.id = pa."personId"
      LEFT JOIN "Organization" e ON e.id = r."employerId"
      LEFT JOIN "Organization" o ON o.id = r."prescriberOrganizationId"
      WHERE ${where}
      ORDER BY r."requestedOn" ASC, r.id ASC LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "ProlongationRequest" r WHERE ${where}`,
  ]);
  return pageAnswer(
    rows.map((row) => ({
      id: row.id,
      passNumber: row.passNumber,
      reason: row.reason,
      endDate: row.endDate,
      requestedOn: row.requestedOn,
      state: row.state,
      person:
        row.personId && row.firstName !== null && row.lastName !== null
          ? { id: row.personId, firstName: row.firstName, lastName: row.lastName }
          : null,
      employer: { id: row.employerId, name: row.employerName ?? '' },
      prescriberOrganization: { id: row.prescriberId, name: row.prescriberName ?? '' },
    })),
    count?.total ?? 0,
    query,
  );
}
