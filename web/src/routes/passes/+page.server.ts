import { redirect } from '@sveltejs/kit';
import { PASS_NUMBER, normalizePassNumber } from '$lib/pass-labels';
import { PASS_LIST_SCOPES, PASS_SORTS } from '$contracts/worklists.ts';
import { choiceParam, pageParam, searchParam } from '$lib/list-params';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { workspaceApi } from '$lib/server/workspace-api';
import { ApiError, callerOf } from '$lib/server/api';
import { passApi } from '$lib/server/pass-api';
import { loginUrl } from '$lib/redirect';
import type { PageServerLoad } from './$types';

const VIEWERS_ONLY = 'La consultation des PASS IAE est réservée aux employeurs et aux prescripteurs.';

/** The organization's PASS IAE, one page (employers and prescribers; administrators open by number). */
async function listOf(event: Parameters<PageServerLoad>[0], role: string) {
  if (role === 'ADMIN') return null;
  const { url } = event;
  const fin = choiceParam(url, 'fin', ['30', '90', ''] as const, '');
  const perimetre = choiceParam(url, 'perimetre', PASS_LIST_SCOPES, 'current');
  const q = searchParam(url);
  const sort = choiceParam(url, 'tri', PASS_SORTS, 'end');
  const page = pageParam(url);
  try {
    const result = await workspaceApi.passes(callerOf(event), {
      scope: fin ? 'current' : perimetre,
      ...(fin ? { endingWithin: Number(fin) } : {}),
      q,
      sort,
      page,
    });
    return { ...result, fin, perimetre: fin ? ('current' as const) : perimetre, q, sort };
  } catch (err) {
    pageErrorFrom(err, event);
  }
}

/** GET /passes?numero=…: opens the PASS IAE, or tells why it cannot be opened; otherwise the list. */
export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['EMPLOYER_STAFF', 'PRESCRIBER', 'ADMIN'], VIEWERS_ONLY);
  const typed = event.url.searchParams.get('numero');
  if (typed === null) return { numero: '', error: null, list: await listOf(event, user.membership.role) };

  const numero = normalizePassNumber(typed.trim());
  if (!numero) return { numero: typed, error: 'Saisissez le numéro du PASS IAE.', list: null };
  if (!PASS_NUMBER.test(numero)) {
    return {
      numero: typed,
      error: 'Le numéro de PASS IAE est invalide : il comporte 12 chiffres et commence par 99999.',
      list: null,
    };
  }
  try {
    await passApi.pass(callerOf(event), numero);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) redirect(303, loginUrl(event.url.pathname + event.url.search));
    const error = err.status === 404 ? `Aucun PASS IAE ne porte le numéro ${numero}.` : err.message;
    return { numero: typed, error, list: null };
  }
  redirect(303, `/passes/${numero}`);
};
