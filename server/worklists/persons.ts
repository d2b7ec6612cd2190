// The persons an organization follows (docs/rules.md §2, §4, §11): those whose case it works on
// (server/rules/case-access.ts), found by name, one page at a time.
import type { PersonSort } from '../../contracts/worklists.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import { personOnCaseCondition, type CaseReader } from '../rules/case-access.ts';
import { personNameCondition, searchWords } from './name-search.ts';
import { offsetOf, pageAnswer, type Page, type PageRequest } from './paging.ts';

export interface PersonListQuery extends PageRequest {
  q?: string;
  sort: PersonSort;
}

export interface PersonListRow {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

const ORDER: Record<PersonSort, Prisma.Sql> = {
  // The identity key begins with the normalized last name, then the first name.
  name: Prisma.sql`p."identityKey", p.id`,
  recent: Prisma.sql`p."createdAt" DESC, p.id`,
};

export async function listPersons(db: Db, reader: CaseReader, query: PersonListQuery): Promise<Page<PersonListRow>> {
  const where = Prisma.sql`${personOnCaseCondition(reader, Prisma.sql`p.id`)}
    AND p."identityKey" NOT LIKE 'anonymized:%'
    AND ${personNameCondition(searchWords(query.q))}`;
  const [items, [count]] = await Promise.all([
    db.$queryRaw<PersonListRow[]>`
      SELECT p.id::text AS id, p."firstName", p."lastName", p."birthDate"
      FROM "Person" p WHERE ${where}
      ORDER BY ${ORDER[query.sort]} LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Person" p WHERE ${where}`,
  ]);
  return pageAnswer(items, count?.total ?? 0, query);
}
