// A proof file, for the controlled SIAE's staff and its DDETS (the API checks and audits each read).
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi } from '$lib/server/control-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  requireRole(
    event,
    ['EMPLOYER_STAFF', 'LABOUR_INSPECTOR'],
    'Ce justificatif est réservé à la structure et à sa DDETS.',
  );
  let response: Response;
  try {
    response = await controlApi.proof(callerOf(event), event.params.id, event.params.proofId);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
    },
  });
};
