import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY, adminApi } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  const requested = Number(event.url.searchParams.get('page') ?? '1');
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  try {
    return { mails: await adminApi.mails(callerOf(event), page) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
