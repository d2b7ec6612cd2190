// The audit log (docs/rules.md §9), read through GET /audit: the API decides which entries.
import { requireRole } from '$lib/server/access';
import { loadAuditPage } from '$lib/server/audit-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], 'Cette page est réservée aux administrateurs.');
  return loadAuditPage(event, '/admin/journal');
};
