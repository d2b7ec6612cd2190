// Dashboards (docs/rules.md §9): the figures of a scope and their CSV, from GET /stats(.csv).
import { statsSchema, type Stats } from '$contracts/stats.ts';
import { requestFile, requestJson, type Caller } from './api';

export const STATS_PAGE_ROLES = ['PREFECTURE_AGENT', 'LABOUR_INSPECTOR', 'REGIONAL_OFFICER', 'ADMIN'] as const;
export const STATS_ONLY = 'Les tableaux de bord sont réservés aux services de l’État (préfecture, DDETS, DREETS).';

const query = (scope: string | null) => (scope ? `?${new URLSearchParams({ scope })}` : '');

export const statsApi = {
  stats: (caller: Caller, scope: string | null): Promise<Stats> =>
    requestJson('GET', `/stats${query(scope)}`, caller, statsSchema),
  csv: (caller: Caller, scope: string | null): Promise<Response> => requestFile(`/stats.csv${query(scope)}`, caller),
};
