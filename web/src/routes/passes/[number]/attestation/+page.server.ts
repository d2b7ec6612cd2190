// The printable attestation of a PASS IAE (docs/rules.md §5): the same wording as the PDF
// (domain/pass/attestation.ts), from the audited read of the PASS (GET /passes/{number}).
import { error } from '@sveltejs/kit';
import { attestationOfPass } from '$domain/pass/attestation.ts';
import { PASS_NUMBER } from '$lib/pass-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { passApi, type PassDetail } from '$lib/server/pass-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(
    event,
    ['EMPLOYER_STAFF', 'PRESCRIBER', 'ADMIN'],
    "L'attestation ne peut être consultée que par les employeurs et les prescripteurs qui suivent la personne.",
  );
  if (!PASS_NUMBER.test(event.params.number)) error(404, 'Page non trouvée');
  let pass: PassDetail;
  try {
    pass = await passApi.pass(callerOf(event), event.params.number);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  if (!pass.holder) {
    error(410, "Les données du titulaire de ce PASS IAE sont anonymisées : aucune attestation n'est possible.");
  }
  return { number: pass.passNumber, attestation: attestationOfPass(pass, pass.holder) };
};
