import { PERSON_SORTS } from '$contracts/worklists.ts';
import { choiceParam, pageParam, searchParam } from '$lib/list-params';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { workspaceApi } from '$lib/server/workspace-api';
import type { PageServerLoad } from './$types';

const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs suivent des personnes.';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['PRESCRIBER', 'EMPLOYER_STAFF'], ONLY_PRESCRIBERS_AND_EMPLOYERS);
  const q = searchParam(event.url);
  const sort = choiceParam(event.url, 'tri', PERSON_SORTS, 'name');
  const page = pageParam(event.url);
  try {
    return { ...(await workspaceApi.persons(callerOf(event), { q, sort, page })), q, sort };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
