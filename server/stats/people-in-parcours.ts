// People in a parcours: PASS IAE not cancelled whose dates hold today (suspended ones included), by the
// holder employer's département (docs/rules.md §9). A person holds at most one valid PASS (docs/rules.md §5):
// counting PASS counts persons.
import { Prisma } from '../../generated/prisma/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { employerInScope } from './scope.ts';

export async function peopleInParcours(db: Db, departements: string[] | null, today: IsoDate): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count
    FROM "Pass" p
    WHERE NOT p.cancelled AND p."endDate" >= ${today} AND p."startDate" <= ${today}
    ${employerInScope(Prisma.sql`p."employerId"`, departements)}`;
  return Number(row?.count ?? 0);
}
