// Lifting a permanent revocation (docs/rules.md §8): the reason, then a confirmation step, both
// plain form posts (no JavaScript needed); the API checks the prefecture's département again.
import { fail, redirect } from '@sveltejs/kit';
import { PREFECTURE_ONLY, pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import { selfPrescriptionApi } from '$lib/server/self-prescription-api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const REASON_MAX = 3000;

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  try {
    return { right: await selfPrescriptionApi.right(callerOf(event), event.params.id) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};

async function reasonOf(event: RequestEvent) {
  requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  const reason = textField(await event.request.formData(), 'reason');
  if (!reason) return { reason, error: 'Saisissez le motif du rétablissement.' };
  if (reason.length > REASON_MAX) return { reason, error: `Le motif ne doit pas dépasser ${REASON_MAX} caractères.` };
  return { reason, error: null };
}

export const actions = {
  /** Step 1: the reason; answers with the confirmation step. */
  verifier: async (event) => {
    const { reason, error } = await reasonOf(event);
    if (error) return fail(400, { reason, fieldError: error, message: 'Le formulaire contient des erreurs.' });
    return { reason, confirm: true };
  },
  /** Step 2: confirmed, sent to the API. */
  retablir: async (event) => {
    const { reason, error } = await reasonOf(event);
    if (error) return fail(400, { reason, fieldError: error, message: 'Le formulaire contient des erreurs.' });
    try {
      await selfPrescriptionApi.lift(callerOf(event), event.params.id, reason);
    } catch (err) {
      return apiFailure(err, event, { reason, fieldError: null as string | null });
    }
    redirect(303, '/prefecture/auto-prescription?retabli=1');
  },
} satisfies Actions;
