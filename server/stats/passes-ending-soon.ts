// PASS IAE valid today that end within 90 days (docs/rules.md §9).
import { Prisma } from '../../generated/prisma/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { endingWithinWindow } from '../../domain/pass/status.ts';
import type { Db } from '../db/client.ts';
import { employerInScope } from './scope.ts';

export const ENDING_SOON_DAYS = 90;

export async function passesEndingSoon(db: Db, departements: string[] | null, today: IsoDate): Promise<number> {
  const { from, to } = endingWithinWindow(today, ENDING_SOON_DAYS);
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count
    FROM "Pass" p
    WHERE NOT p.cancelled AND p."endDate" >= ${from} AND p."endDate" <= ${to}
      AND p."startDate" <= ${today}
    ${employerInScope(Prisma.sql`p."employerId"`, departements)}`;
  return Number(row?.count ?? 0);
}
