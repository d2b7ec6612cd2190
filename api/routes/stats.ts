// Dashboards per scope (docs/rules.md §9): the scope is locked by role, the way les-emplois locks
// its Metabase filters — département for a prefecture or DDETS, région for a DREETS, any for an
// administrator; a scope outside the caller's is refused.
import { z } from 'zod';
import { statsSchema, type Stats } from '../../contracts/stats.ts';
import { today } from '../../domain/clock.ts';
import {
  defaultStatsScope,
  formatStatsScope,
  mayViewStatsScope,
  parseStatsScope,
  STATS_ROLES,
  type StatsScope,
} from '../../domain/stats/scope.ts';
import { statsCsv } from '../../server/stats/csv.ts';
import { computeStats } from '../../server/stats/index.ts';
import { isKnownScope } from '../../server/stats/scope.ts';
import { regionOfDepartement } from '../../server/territories.ts';
import type { Actor } from '../auth/actor.ts';
import { forbidden } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';

const statsQuery = z.strictObject({
  scope: z
    .string()
    .refine(
      (text) => {
        const scope = parseStatsScope(text);
        return scope !== null && isKnownScope(scope);
      },
      { message: 'périmètre invalide (national, region:<code> ou departement:<code>)' },
    )
    .optional()
    .meta({ description: 'Par défaut, le périmètre de votre organisation', example: 'departement:93' }),
});

function viewerOf(actor: Actor) {
  return { role: actor.role, departement: actor.organization.departement, region: actor.organization.region };
}

/** The scope asked for (or the caller's own), refused when outside what the caller may see. */
export function scopeFor(actor: Actor, asked: string | undefined): StatsScope {
  const viewer = viewerOf(actor);
  const scope = asked ? parseStatsScope(asked)! : defaultStatsScope(viewer);
  if (!scope || !mayViewStatsScope(viewer, scope, (code) => regionOfDepartement(code)?.code)) {
    throw forbidden('Ce périmètre ne relève pas de votre organisation.');
  }
  return scope;
}

async function statsOf(deps: Deps, actor: Actor, asked: string | undefined): Promise<Stats> {
  return computeStats(deps.db, scopeFor(actor, asked), today(deps.clock));
}

export const statsRoutes = [
  defineRoute({
    method: 'get',
    path: '/stats',
    tag: 'Tableaux de bord',
    summary: 'Les indicateurs d’un périmètre (département, région ou national), limité à celui de votre organisation',
    access: STATS_ROLES,
    query: statsQuery,
    responses: {
      200: { description: 'Indicateurs', schema: statsSchema },
      403: { description: 'Périmètre hors de votre organisation' },
    },
    handle: async ({ deps, actor, query }) => ({ status: 200, body: await statsOf(deps, actor, query.scope) }),
  }),
  defineRoute({
    method: 'get',
    path: '/stats.csv',
    tag: 'Tableaux de bord',
    summary: 'Les mêmes indicateurs en CSV (UTF-8, séparateur virgule, en-têtes en français)',
    access: STATS_ROLES,
    query: statsQuery,
    responses: { 200: { description: 'Fichier CSV' }, 403: { description: 'Périmètre hors de votre organisation' } },
    handle: async ({ deps, actor, query }) => {
      const stats = await statsOf(deps, actor, query.scope);
      return {
        status: 200,
        file: {
          contentType: 'text/csv; charset=utf-8',
          filename: `indicateurs-${formatStatsScope(parseStatsScope(stats.scope)!).replace(':', '-')}-${stats.computedOn}.csv`,
          content: statsCsv(stats),
        },
      };
    },
  }),
];
