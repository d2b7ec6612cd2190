// The PASS IAE attestation as a PDF (docs/rules.md §5): the API draws it, checks who may read it
// and audits the read; this route passes the file on.
import { error } from '@sveltejs/kit';
import { PASS_NUMBER } from '$lib/pass-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { passApi } from '$lib/server/pass-api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  requireRole(
    event,
    ['EMPLOYER_STAFF', 'PRESCRIBER', 'ADMIN'],
    "L'attestation ne peut être téléchargée que par les employeurs et les prescripteurs qui suivent la personne.",
  );
  if (!PASS_NUMBER.test(event.params.number)) error(404, 'Page non trouvée');
  let response: Response;
  try {
    response = await passApi.attestationPdf(callerOf(event), event.params.number);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'application/pdf',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
    },
  });
};
