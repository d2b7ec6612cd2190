// Share of self-prescribed hires (the SIAE's own diagnosis, docs/rules.md §4, §8, §9) over the last 12 months.
import { Prisma } from '../../generated/prisma/client.ts';
import { addMonths, type IsoDate } from '../../domain/dates.ts';
import { lastMonths, percentage } from '../../domain/stats/figures.ts';
import type { Db } from '../db/client.ts';
import { employerInScope } from './scope.ts';

export async function selfPrescription(db: Db, departements: string[] | null, today: IsoDate) {
  const months = lastMonths(today);
  const [row] = await db.$queryRaw<{ hires: bigint; self: bigint }[]>`
    SELECT count(*) AS hires, count(*) FILTER (WHERE a."senderKind" = 'EMPLOYER') AS self
    FROM "Application" a
    WHERE a.state = 'accepted' AND a."hiringStartDate" >= ${`${months[0]}-01`}
      AND a."hiringStartDate" < ${addMonths(`${months.at(-1)}-01`, 1)}
    ${employerInScope(Prisma.sql`a."employerId"`, departements)}`;
  const hires = Number(row?.hires ?? 0);
  const selfPrescribed = Number(row?.self ?? 0);
  return { hires, selfPrescribed, sharePercent: percentage(selfPrescribed, hires) };
}
