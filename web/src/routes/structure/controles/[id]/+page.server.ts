import { fail } from '@sveltejs/kit';
import { CONTROL_SIAE_ONLY } from '$lib/control-labels';
import { isAdministrativeCriterion } from '$lib/eligibility-criteria';
import { requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi } from '$lib/server/control-api';
import { loadControl } from '$lib/server/control-page';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => loadControl(event, ['EMPLOYER_STAFF'], CONTROL_SIAE_ONLY);

async function formOf(event: RequestEvent): Promise<FormData> {
  requireRole(event, ['EMPLOYER_STAFF'], CONTROL_SIAE_ONLY);
  return event.request.formData();
}

export const actions = {
  criteres: async (event) => {
    const form = await formOf(event);
    const applicationId = textField(form, 'applicationId');
    const criteria = form.getAll('criteria').filter((c): c is string => typeof c === 'string');
    if (criteria.length === 0 || !criteria.every(isAdministrativeCriterion)) {
      return fail(400, { applicationId, message: 'Cochez au moins un critère à justifier.' });
    }
    try {
      await controlApi.chooseCriteria(callerOf(event), event.params.id, { applicationId, criteria });
    } catch (err) {
      return apiFailure(err, event, { applicationId });
    }
    return { success: 'Critères enregistrés. Déposez un justificatif pour chacun.' };
  },
  justificatif: async (event) => {
    const form = await formOf(event);
    const applicationId = textField(form, 'applicationId');
    const criterion = textField(form, 'criterion');
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { applicationId, message: 'Choisissez un fichier PDF, JPEG ou PNG de 5 Mo au plus.' });
    }
    try {
      await controlApi.uploadProof(callerOf(event), event.params.id, {
        applicationId,
        criterion,
        filename: file.name.slice(0, 255),
        content: await file.arrayBuffer(),
      });
    } catch (err) {
      return apiFailure(err, event, { applicationId });
    }
    return { success: 'Justificatif déposé. Vous pouvez le remplacer tant que vous n’avez pas transmis.' };
  },
  transmettre: async (event) => {
    const form = await formOf(event);
    if (textField(form, 'confirmation') !== 'oui') {
      return fail(400, { message: 'Confirmez la transmission : elle ne pourra plus être modifiée.' });
    }
    try {
      await controlApi.submit(callerOf(event), event.params.id);
    } catch (err) {
      return apiFailure(err, event, {});
    }
    return { success: 'Justificatifs transmis à la DDETS.' };
  },
} satisfies Actions;
