import { redirect } from '@sveltejs/kit';
import { PASS_NUMBER, normalizePassNumber } from '$lib/pass-labels';
import { requireRole } from '$lib/server/access';
import { ApiError, callerOf } from '$lib/server/api';
import { passApi } from '$lib/server/pass-api';
import { loginUrl } from '$lib/redirect';
import type { PageServerLoad } from './$types';

const VIEWERS_ONLY = 'La consultation des PASS IAE est réservée aux employeurs et aux prescripteurs.';

/** GET /passes?numero=…: opens the PASS IAE, or tells why it cannot be opened. */
export const load: PageServerLoad = async (event) => {
  requireRole(event, ['EMPLOYER_STAFF', 'PRESCRIBER', 'ADMIN'], VIEWERS_ONLY);
  const typed = event.url.searchParams.get('numero');
  if (typed === null) return { numero: '', error: null };

  const numero = normalizePassNumber(typed.trim());
  if (!numero) return { numero: typed, error: 'Saisissez le numéro du PASS IAE.' };
  if (!PASS_NUMBER.test(numero)) {
    return {
      numero: typed,
      error: 'Le numéro de PASS IAE est invalide : il comporte 12 chiffres et commence par 99999.',
    };
  }
  try {
    await passApi.pass(callerOf(event), numero);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) redirect(303, loginUrl(event.url.pathname + event.url.search));
    const error = err.status === 404 ? `Aucun PASS IAE ne porte le numéro ${numero}.` : err.message;
    return { numero: typed, error };
  }
  redirect(303, `/passes/${numero}`);
};
