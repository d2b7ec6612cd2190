// Dashboards of a scope (docs/rules.md §9). The scope comes from `?perimetre=`; the API locks it by
// role and answers 403 outside the user's own.
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { STATS_ONLY, STATS_PAGE_ROLES, statsApi } from '$lib/server/stats-api';
import { allScopeGroups, regionScopeGroups } from '$lib/server/territory-options';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, STATS_PAGE_ROLES, STATS_ONLY);
  const asked = event.url.searchParams.get('perimetre')?.trim() || null;
  let stats;
  try {
    stats = await statsApi.stats(callerOf(event), asked);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  const { role, organization } = user.membership;
  const scopeGroups =
    role === 'ADMIN'
      ? allScopeGroups()
      : role === 'REGIONAL_OFFICER' && organization.region
        ? regionScopeGroups(organization.region)
        : [];
  return { stats, scopeGroups };
};
