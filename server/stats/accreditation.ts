// Accreditation requests by state, median decision time and overdue count (docs/rules.md §7, §9).
import { Prisma } from '../../generated/prisma/client.ts';
import {
  ACCREDITATION_STATES,
  OPEN_ACCREDITATION_STATES,
  type AccreditationState,
} from '../../domain/accreditation.ts';
import { median } from '../../domain/stats/figures.ts';
import type { Db } from '../db/client.ts';
import { inScope } from './scope.ts';

/** A prefecture's decision: approval or rejection. */
const DECIDED: AccreditationState[] = ['APPROVED', 'REJECTED'];

export async function accreditationFigures(db: Db, departements: string[] | null) {
  const scope = inScope(Prisma.sql`r.departement`, departements);
  const counts = await db.$queryRaw<{ state: AccreditationState; count: bigint; overdue: bigint }[]>`
    SELECT r.state::text AS state, count(*) AS count,
      count(*) FILTER (WHERE r.overdue AND r.state::text = ANY(${[...OPEN_ACCREDITATION_STATES]})) AS overdue
    FROM "AccreditationRequest" r WHERE true ${scope} GROUP BY r.state`;
  const durations = await db.$queryRaw<{ days: number }[]>`
    SELECT (r."decidedOn"::date - r."submittedOn"::date) AS days
    FROM "AccreditationRequest" r
    WHERE r."decidedOn" IS NOT NULL AND r.state::text = ANY(${DECIDED}) ${scope}`;
  const byStateMap = new Map(counts.map((row) => [row.state, Number(row.count)]));
  return {
    byState: ACCREDITATION_STATES.map((state) => ({ state, count: byStateMap.get(state) ?? 0 })),
    medianDecisionDays: median(durations.map((row) => Number(row.days))),
    overdue: counts.reduce((sum, row) => sum + Number(row.overdue), 0),
  };
}
