// « Mon espace »: what each role has to do, counted live (docs/rules.md §2, §4, §5, §7, §8, §9).
// Each count is the total of the list it links to, with the same conditions (the lists'
// modules), so a figure and its list never disagree.
import {
  APPLICATIONS_AWAITING_ANSWER,
  APPLICATIONS_TO_PROCESS,
  WORKSPACE_PASS_ENDING_DAYS,
  type WorkspaceCountKey,
} from '../../contracts/worklists.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Role } from '../../domain/organizations.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import { personsOfOrganization } from '../rules/case-access.ts';
import { endingWithinCondition, passReaderCondition } from './passes.ts';
import { prolongationBoxCondition } from './prolongations.ts';

export interface WorkspaceReader {
  role: Role;
  organization: { id: string; departement: string; authorizationStatus: string | null };
}

type Counter = (db: Db, reader: WorkspaceReader, today: IsoDate) => Promise<number>;

const one = async (db: Db, query: Prisma.Sql) => {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT (${query})::int AS n`;
  return row?.n ?? 0;
};

const applicationsIn = (states: readonly string[]) =>
  Prisma.join(states.map((state) => Prisma.sql`${state}::"ApplicationState"`));

const COUNTERS: Record<WorkspaceCountKey, Counter> = {
  applicationsToProcess: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "Application" a WHERE a."employerId" = ${r.organization.id}::uuid
        AND a.state IN (${applicationsIn(APPLICATIONS_TO_PROCESS)})`,
    ),
  applicationsAwaitingAnswer: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "Application" a WHERE a."senderOrganizationId" = ${r.organization.id}::uuid
        AND a.state IN (${applicationsIn(APPLICATIONS_AWAITING_ANSWER)})`,
    ),
  passesEndingSoon: (db, r, today) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "Pass" pa WHERE ${passReaderCondition(r)}
        AND ${endingWithinCondition(today, WORKSPACE_PASS_ENDING_DAYS)}`,
    ),
  prolongationRequestsToDecide: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "ProlongationRequest" r WHERE ${prolongationBoxCondition(r, 'received')}
        AND r.state = 'PENDING'`,
    ),
  prolongationRequestsAwaiting: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "ProlongationRequest" r WHERE ${prolongationBoxCondition(r, 'sent')}
        AND r.state = 'PENDING'`,
    ),
  personsFollowed: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "Person" p WHERE p.id IN (${personsOfOrganization(r.organization.id)})
        AND p."identityKey" NOT LIKE 'anonymized:%'`,
    ),
  accreditationRequestsToDecide: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "AccreditationRequest" WHERE departement = ${r.organization.departement}
        AND state = 'SUBMITTED'`,
    ),
  controlsToDecide: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "SiaeControl" WHERE departement = ${r.organization.departement}
        AND stage = 'awaiting_decision'`,
    ),
  unreadNotifications: (db, r) =>
    one(
      db,
      Prisma.sql`SELECT count(*) FROM "Notification" WHERE "recipientOrganizationId" = ${r.organization.id}::uuid
        AND "readAt" IS NULL`,
    ),
};

/** The counts « Mon espace » shows to a role, in the order shown. */
export function workspaceCountKeys(reader: WorkspaceReader): WorkspaceCountKey[] {
  switch (reader.role) {
    case 'PRESCRIBER':
      return [
        'applicationsAwaitingAnswer',
        'passesEndingSoon',
        ...(reader.organization.authorizationStatus === 'VALIDATED' ? (['prolongationRequestsToDecide'] as const) : []),
        'personsFollowed',
        'unreadNotifications',
      ];
    case 'EMPLOYER_STAFF':
      return [
        'applicationsToProcess',
        'passesEndingSoon',
        'prolongationRequestsAwaiting',
        'personsFollowed',
        'unreadNotifications',
      ];
    case 'PREFECTURE_AGENT':
      return ['accreditationRequestsToDecide', 'unreadNotifications'];
    case 'LABOUR_INSPECTOR':
      return ['controlsToDecide', 'unreadNotifications'];
    default:
      return ['unreadNotifications'];
  }
}

export async function workspaceCounts(
  db: Db,
  reader: WorkspaceReader,
  today: IsoDate,
): Promise<{ key: WorkspaceCountKey; count: number }[]> {
  const keys = workspaceCountKeys(reader);
  const counts = await Promise.all(keys.map((key) => COUNTERS[key](db, reader, today)));
  return keys.map((key, i) => ({ key, count: counts[i]! }));
}
