// The PASS IAE of an organization (docs/rules.md §2, §5): an employer's are those it holds (its
// latest hire); a prescriber's are those of the persons whose case it works on. Filtered by
// « se termine dans N jours », found by holder name or number, one page at a time.
import type { PassListItem, PassListScope, PassSort } from '../../contracts/worklists.ts';
import { compareDates, daysBetween, type IsoDate } from '../../domain/dates.ts';
import { endingWithinWindow, passStatus, remainingDays } from '../../domain/pass/status.ts';
import type { Suspension } from '../../domain/pass/suspensions.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import { personOnCaseCondition, type CaseReader } from '../rules/case-access.ts';
import { personNameCondition, searchWords } from './name-search.ts';
import { offsetOf, pageAnswer, type Page, type PageRequest } from './paging.ts';

export interface PassListQuery extends PageRequest {
  scope: PassListScope;
  /** Only the PASS whose end date is within this many days from today (today included). */
  endingWithin?: number;
  /** The holder's name, or the beginning of the PASS number. */
  q?: string;
  sort: PassSort;
  /**
   * One person's PASS, all of them: the caller has checked that the reader works on the
   * person's case (readerWorksOnCase), which lets it see every PASS of that person.
   */
  personId?: string;
}

/** The PASS the reader sees: held by its organization (employer), or on its cases (others). */
export function passReaderCondition(reader: CaseReader & { role: string }): Prisma.Sql {
  if (reader.role === 'ADMIN') return Prisma.sql`TRUE`;
  if (reader.role === 'EMPLOYER_STAFF') return Prisma.sql`pa."employerId" = ${reader.organization.id}::uuid`;
  return personOnCaseCondition(reader, Prisma.sql`pa."personId"`);
}

/** PASS running today that end within `days` days (domain/pass/status.ts endingWithinWindow). */
export function endingWithinCondition(today: IsoDate, days: number): Prisma.Sql {
  const { from, to } = endingWithinWindow(today, days);
  return Prisma.sql`NOT pa.cancelled AND pa."startDate" <= ${today} AND pa."endDate" >= ${from} AND pa."endDate" <= ${to}`;
}

function scopeCondition(scope: PassListScope, today: IsoDate): Prisma.Sql {
  if (scope === 'current') return Prisma.sql`NOT pa.cancelled AND pa."endDate" >= ${today}`;
  if (scope === 'ended') return Prisma.sql`(pa.cancelled OR pa."endDate" < ${today})`;
  return Prisma.sql`TRUE`;
}

function searchCondition(q: string | undefined): Prisma.Sql {
  const digits = q?.replace(/\s+/g, '') ?? '';
  if (/^\d{3,12}$/.test(digits)) return Prisma.sql`pa.number LIKE ${`${digits}%`}`;
  const words = searchWords(q);
  if (words.length === 0) return Prisma.sql`TRUE`;
  return Prisma.sql`${personNameCondition(words)}`;
}

const ORDER: Record<PassSort, Prisma.Sql> = {
  end: Prisma.sql`pa."endDate" ASC, pa.number`,
  start: Prisma.sql`pa."startDate" DESC, pa.number`,
};

interface Row {
  number: string;
  personId: string;
  firstName: string;
  lastName: string;
  employerId: string;
  employerName: string | null;
  startDate: string;
  endDate: string;
  cancelled: boolean;
  suspensions: Suspension[] | null;
}

export async function listPasses(
  db: Db,
  reader: CaseReader,
  query: PassListQuery,
  today: IsoDate,
): Promise<Page<PassListItem>> {
  const readable = query.personId ? Prisma.sql`pa."personId" = ${query.personId}::uuid` : passReaderCondition(reader);
  const where = Prisma.sql`${readable}
    AND ${scopeCondition(query.scope, today)}
    AND ${query.endingWithin ? endingWithinCondition(today, query.endingWithin) : Prisma.sql`TRUE`}
    AND ${searchCondition(query.q)}`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT pa.number, pa."personId"::text AS "personId", p."firstName", p."lastName",
        pa."employerId"::text AS "employerId", o.name AS "employerName", pa."startDate", pa."endDate",
        pa.cancelled, pa.snapshot->'suspensions' AS suspensions
      FROM "Pass" pa JOIN "Person" p ON p.id = pa."personId"
      LEFT JOIN "Organization" o ON o.id = pa."employerId"
      WHERE ${where}
      ORDER BY ${ORDER[query.sort]} LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Pass" pa JOIN "Person" p ON p.id = pa."personId" WHERE ${where}`,
  ]);
  const items = rows.map((row): PassListItem => {
    const dates = {
      start: row.startDate,
      end: row.endDate,
      suspensions: Array.isArray(row.suspensions) ? row.suspensions : [],
      cancelled: row.cancelled,
    };
    const ended = row.cancelled || compareDates(today, row.endDate) > 0;
    return {
      number: row.number,
      person: { id: row.personId, firstName: row.firstName, lastName: row.lastName },
      employer: { id: row.employerId, name: row.employerName ?? '' },
      startDate: row.startDate,
      endDate: row.endDate,
      status: passStatus(dates, today),
      remainingDays: remainingDays(dates, today),
      endsInDays: ended ? null : daysBetween(today, row.endDate),
    };
  });
  return pageAnswer(items, count?.total ?? 0, query);
}
