import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi, type CampaignListItem } from '$lib/server/control-api';
import { departementLabel } from '$lib/server/departements';
import { apiFailure, textField } from '$lib/server/forms';
import { redirect, fail } from '@sveltejs/kit';
import { DDETS_ONLY } from '$lib/control-labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
  let campaigns: CampaignListItem[];
  try {
    campaigns = await controlApi.campaigns(callerOf(event));
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return { campaigns, departement: departementLabel(user.membership.organization.departement ?? '') };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const actions = {
  ouvrir: async (event) => {
    requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
    const form = await event.request.formData();
    const periodStart = textField(form, 'periodStart');
    const periodEnd = textField(form, 'periodEnd');
    if (!DATE.test(periodStart) || !DATE.test(periodEnd)) {
      return fail(400, { periodStart, periodEnd, message: 'Saisissez les deux dates de la période contrôlée.' });
    }
    let id: string;
    try {
      id = (await controlApi.open(callerOf(event), { periodStart, periodEnd })).campaignId;
    } catch (err) {
      return apiFailure(err, event, { periodStart, periodEnd });
    }
    redirect(303, `/ddets/campagnes/${id}`);
  },
} satisfies Actions;
