import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY, adminApi } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return { employerImport: await adminApi.employerImport(callerOf(event), event.params.id) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
