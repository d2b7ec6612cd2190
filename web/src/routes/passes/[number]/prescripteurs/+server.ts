// Suggestions of the prolongation form's prescriber field (docs/rules.md §5): the authorized
// prescribers of the employer's département whose name contains `q`, read through the API (which
// the browser cannot call with the session cookie).
import { json } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { passApi } from '$lib/server/pass-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  requireRole(event, ['EMPLOYER_STAFF'], 'Seul un employeur demande une prolongation.');
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  if (q.length < 2) return json({ items: [] }, { headers: { 'cache-control': 'no-store' } });
  try {
    const items = await passApi.prescribers(callerOf(event), q, 8);
    return json({ items }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
