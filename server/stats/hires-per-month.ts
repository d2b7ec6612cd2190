// Hires per month over the last 12 months, by hiring start date and the employer's département (docs/rules.md §9).
import { Prisma } from '../../generated/prisma/client.ts';
import { addMonths, type IsoDate } from '../../domain/dates.ts';
import { fillMonths, lastMonths } from '../../domain/stats/figures.ts';
import type { Db } from '../db/client.ts';
import { employerInScope } from './scope.ts';

export async function hiresPerMonth(
  db: Db,
  departements: string[] | null,
  today: IsoDate,
): Promise<{ month: string; count: number }[]> {
  const months = lastMonths(today);
  const from = `${months[0]}-01`;
  const until = addMonths(`${months.at(-1)}-01`, 1);
  const rows = await db.$queryRaw<{ month: string; count: bigint }[]>`
    SELECT substr(a."hiringStartDate", 1, 7) AS month, count(*) AS count
    FROM "Application" a
    WHERE a.state = 'accepted' AND a."hiringStartDate" >= ${from} AND a."hiringStartDate" < ${until}
    ${employerInScope(Prisma.sql`a."employerId"`, departements)}
    GROUP BY 1`;
  return fillMonths(
    months,
    rows.map((row) => ({ month: row.month, count: Number(row.count) })),
  );
}
