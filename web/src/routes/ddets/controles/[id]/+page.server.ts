import { fail } from '@sveltejs/kit';
import { DDETS_ONLY } from '$lib/control-labels';
import { requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi } from '$lib/server/control-api';
import { loadControl } from '$lib/server/control-page';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => loadControl(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);

async function formOf(event: RequestEvent): Promise<FormData> {
  requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
  return event.request.formData();
}

/** The sanctions of the decision form (docs/rules.md §8); the API validates their rules. */
function sanctionsOf(form: FormData): unknown[] {
  const sanctions: unknown[] = [];
  const chosen = form.getAll('sanction');
  if (chosen.includes('information_session')) sanctions.push({ kind: 'information_session' });
  if (chosen.includes('temporary_revocation'))
    sanctions.push({ kind: 'temporary_revocation', from: textField(form, 'from'), until: textField(form, 'until') });
  if (chosen.includes('permanent_revocation'))
    sanctions.push({ kind: 'permanent_revocation', from: textField(form, 'from') });
  if (chosen.includes('none')) sanctions.push({ kind: 'none', reason: textField(form, 'noneReason') });
  return sanctions;
}

export const actions = {
  examiner: async (event) => {
    const form = await formOf(event);
    const verdict = textField(form, 'verdict') === 'refuse' ? 'refuse' : 'accept';
    const comment = textField(form, 'comment');
    try {
      await controlApi.review(callerOf(event), event.params.id, {
        applicationId: textField(form, 'applicationId'),
        criterion: textField(form, 'criterion'),
        verdict,
        ...(comment ? { comment } : {}),
      });
    } catch (err) {
      return apiFailure(err, event, {});
    }
    return { success: verdict === 'accept' ? 'Justificatif validé.' : 'Justificatif refusé.' };
  },
  decider: async (event) => {
    const form = await formOf(event);
    const sanctions = sanctionsOf(form);
    if (sanctions.length === 0)
      return fail(400, { message: 'Choisissez au moins une sanction, ou « Pas de sanction ».' });
    try {
      await controlApi.decide(callerOf(event), event.params.id, { reason: textField(form, 'reason'), sanctions });
    } catch (err) {
      return apiFailure(err, event, {});
    }
    return { success: 'Décision enregistrée et notifiée à la structure.' };
  },
} satisfies Actions;
