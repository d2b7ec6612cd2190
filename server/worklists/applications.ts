// The applications an organization sent (prescriber, orienteur) or received (employer)
// (docs/rules.md §2, §4): by state, by person name or job title, one page at a time, newest first
// unless asked otherwise. An organization sees only its own box; an administrator sees all.
import type { ApplicationSort } from '../../contracts/worklists.ts';
import type { ApplicationState } from '../../domain/applications.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import type { CaseReader } from '../rules/case-access.ts';
import { personNameCondition, searchWords } from './name-search.ts';
import { offsetOf, pageAnswer, type Page, type PageRequest } from './paging.ts';

export type ApplicationBox = 'received' | 'sent';

export interface ApplicationListQuery extends PageRequest {
  box: ApplicationBox;
  states?: readonly ApplicationState[];
  personId?: string;
  /** Words of the person's name, or part of the job description's title. */
  q?: string;
  sort: ApplicationSort;
}

const ORDER: Record<ApplicationSort, Prisma.Sql> = {
  recent: Prisma.sql`a."createdAt" DESC, a.id DESC`,
  oldest: Prisma.sql`a."createdAt" ASC, a.id ASC`,
  updated: Prisma.sql`a."lastUpdatedOn" DESC, a."createdAt" DESC, a.id DESC`,
};

/** The reader's box: received by its organization (employer) or sent by it. */
function boxCondition(reader: CaseReader, box: ApplicationBox): Prisma.Sql {
  if (reader.role === 'ADMIN') return Prisma.sql`TRUE`;
  return box === 'received'
    ? Prisma.sql`a."employerId" = ${reader.organization.id}::uuid`
    : Prisma.sql`a."senderOrganizationId" = ${reader.organization.id}::uuid`;
}

function searchCondition(q: string | undefined): Prisma.Sql {
  const words = searchWords(q);
  const text = q?.trim() ?? '';
  if (!text) return Prisma.sql`TRUE`;
  // The job title is matched as typed (LIKE's wildcards escaped), the name word by word.
  const title = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byTitle = Prisma.sql`EXISTS (SELECT 1 FROM "JobDescription" j WHERE j.id = a."jobDescriptionId" AND j.title ILIKE ${title})`;
  if (words.length === 0) return byTitle;
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Person" p WHERE p.id = a."personId" AND ${personNameCondition(words)}) OR ${byTitle})`;
}

/** The ids of one page of applications, in order, and how many match. */
export async function listApplicationIds(
  db: Db,
  reader: CaseReader,
  query: ApplicationListQuery,
): Promise<Page<string>> {
  const where = Prisma.sql`${boxCondition(reader, query.box)}
    AND ${query.states && query.states.length > 0 ? Prisma.sql`a.state IN (${Prisma.join(query.states.map((state) => Prisma.sql`${state}::"ApplicationState"`))})` : Prisma.sql`TRUE`}
    AND ${query.personId ? Prisma.sql`a."personId" = ${query.personId}::uuid` : Prisma.sql`TRUE`}
    AND ${searchCondition(query.q)}`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT a.id::text AS id FROM "Application" a WHERE ${where}
      ORDER BY ${ORDER[query.sort]} LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Application" a WHERE ${where}`,
  ]);
  return pageAnswer(
    rows.map((row) => row.id),
    count?.total ?? 0,
    query,
  );
}
