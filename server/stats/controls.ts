// Controls a posteriori on a dashboard (docs/rules.md §8, §9): campaigns by state, SIAE controls
// by stage, and the sanctions decided, by kind.
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../db/client.ts';
import { inScope } from './scope.ts';

export async function controlFigures(db: Db, departements: string[] | null) {
  const [campaigns, controls, sanctions] = await Promise.all([
    db.$queryRaw<{ state: string; count: bigint }[]>`
      SELECT c.state::text AS state, count(*) AS count FROM "ControlCampaign" c
      WHERE true ${inScope(Prisma.sql`c.departement`, departements)} GROUP BY c.state`,
    db.$queryRaw<{ stage: string; count: bigint }[]>`
      SELECT s.stage, count(*) AS count FROM "SiaeControl" s
      WHERE true ${inScope(Prisma.sql`s.departement`, departements)} GROUP BY s.stage`,
    db.$queryRaw<{ kind: string; count: bigint }[]>`
      SELECT sanction->>'kind' AS kind, count(*) AS count
      FROM "SiaeControl" s, jsonb_array_elements(COALESCE(s.sanctions, '[]'::jsonb)) AS sanction
      WHERE s.decision IS NOT NULL ${inScope(Prisma.sql`s.departement`, departements)}
      GROUP BY 1`,
  ]);
  return {
    campaignsByState: byKey(
      campaigns.map((row) => ({ state: row.state, count: Number(row.count) })),
      'state',
    ),
    controlsByStage: byKey(
      controls.map((row) => ({ stage: row.stage, count: Number(row.count) })),
      'stage',
    ),
    sanctionsByKind: byKey(
      sanctions.map((row) => ({ kind: row.kind, count: Number(row.count) })),
      'kind',
    ),
  };
}

/** Rows in the code-point order of their key: the same on every server, whatever its collation. */
function byKey<K extends string, T extends Record<K, string>>(rows: T[], key: K): T[] {
  return rows.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}
