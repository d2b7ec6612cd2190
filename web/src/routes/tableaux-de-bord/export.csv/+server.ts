// The dashboard's figures as CSV (docs/rules.md §9), with the user's session.
import { requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { passFileOn } from '$lib/server/file-download';
import { STATS_ONLY, STATS_PAGE_ROLES, statsApi } from '$lib/server/stats-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  requireRole(event, STATS_PAGE_ROLES, STATS_ONLY);
  const scope = event.url.searchParams.get('perimetre')?.trim() || null;
  return passFileOn(event, () => statsApi.csv(callerOf(event), scope));
};
