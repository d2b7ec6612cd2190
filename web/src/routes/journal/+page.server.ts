// The audit log (docs/rules.md §9), read through GET /audit: the API decides which entries.
import { requireRole } from '$lib/server/access';
import { loadAuditPage } from '$lib/server/audit-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(
    event,
    ['PREFECTURE_AGENT', 'LABOUR_INSPECTOR'],
    'Ce journal est réservé aux agents de préfecture et aux inspecteurs de la DDETS.',
  );
  return loadAuditPage(event, '/journal');
};
