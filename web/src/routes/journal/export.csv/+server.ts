// The filtered audit log as CSV (docs/rules.md §9), with the user's session.
import { requireRole } from '$lib/server/access';
import { auditCsv } from '$lib/server/audit-page';
import { passFileOn } from '$lib/server/file-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  requireRole(
    event,
    ['PREFECTURE_AGENT', 'LABOUR_INSPECTOR'],
    'Ce journal est réservé aux agents de préfecture et aux inspecteurs de la DDETS.',
  );
  return passFileOn(event, () => auditCsv(event));
};
