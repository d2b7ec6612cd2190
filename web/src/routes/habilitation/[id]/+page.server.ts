import { fail } from '@sveltejs/kit';
import { pageErrorFrom, requirePrescriberOrganization } from '$lib/server/access';
import { api, callerOf, type AccreditationView } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePrescriberOrganization(event);
  let request: AccreditationView;
  try {
    request = await api.accreditationRequest(callerOf(event), event.params.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return {
    organization: user.membership.organization,
    request,
    justSubmitted: event.url.searchParams.get('depot') === 'ok',
  };
};

const MESSAGE_MAX = 3000;

export const actions = {
  repondre: async (event) => {
    requirePrescriberOrganization(event);
    const form = await event.request.formData();
    const message = textField(form, 'message');
    const error = !message
      ? 'Saisissez votre réponse à la préfecture.'
      : message.length > MESSAGE_MAX
        ? `La réponse ne doit pas dépasser ${MESSAGE_MAX} caractères.`
        : null;
    if (error)
      return fail(400, { response: message, fieldError: error, message: 'Le formulaire contient des erreurs.' });
    try {
      await api.respondToAccreditationRequest(callerOf(event), event.params.id, message);
    } catch (err) {
      return apiFailure(err, event, { response: message, fieldError: null });
    }
    return { success: 'Votre réponse a été envoyée à la préfecture.' };
  },
} satisfies Actions;
