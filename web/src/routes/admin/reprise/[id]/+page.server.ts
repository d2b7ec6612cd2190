import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import { parcoursImportApi } from '$lib/server/parcours-import-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return { parcoursImport: await parcoursImportApi.get(callerOf(event), event.params.id) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
