import { fail } from '@sveltejs/kit';
import { DDETS_ONLY } from '$lib/control-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi, type CampaignView } from '$lib/server/control-api';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
  let campaign: CampaignView;
  try {
    campaign = await controlApi.campaign(callerOf(event), event.params.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return { campaign };
};

export const actions = {
  taux: async (event) => {
    requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
    const value = textField(await event.request.formData(), 'ratio');
    const ratio = Number(value);
    if (!/^\d+$/.test(value) || ratio < 20 || ratio > 40) {
      return fail(400, { value, message: 'Le taux de sélection doit être un nombre entier de 20 à 40 %.' });
    }
    try {
      await controlApi.setRatio(callerOf(event), event.params.id, ratio);
    } catch (err) {
      return apiFailure(err, event, { value });
    }
    return { success: `Taux de ${ratio} % enregistré : le tirage au sort a lieu.` };
  },
} satisfies Actions;
