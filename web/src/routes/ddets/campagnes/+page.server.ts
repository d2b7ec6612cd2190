import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi, type CampaignListItem } from '$lib/server/control-api';
import { registryApi } from '$lib/server/registry-api';
import { CONTROLLABLE_SIAE_KINDS } from '$domain/controls/selection.ts';
import { departementLabel } from '$lib/server/departements';
import { apiFailure, textField } from '$lib/server/forms';
import { redirect, fail } from '@sveltejs/kit';
import { DDETS_ONLY } from '$lib/control-labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
  const departement = user.membership.organization.departement ?? '';
  let campaigns: CampaignListItem[];
  let siaes: { id: string; name: string; kind: string }[];
  try {
    campaigns = await controlApi.campaigns(callerOf(event));
    // The SIAE of the département a spot check may target (the registry's public list).
    const pages = await Promise.all(
      CONTROLLABLE_SIAE_KINDS.map((kind) => registryApi.search(callerOf(event), { departement, kind, pageSize: 50 })),
    );
    siaes = pages
      .flatMap((page) => page.items)
      .map((item) => ({ id: item.id, name: item.name, kind: item.kind }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return { campaigns, siaes, departement: departementLabel(departement) };
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
  inopine: async (event) => {
    requireRole(event, ['LABOUR_INSPECTOR'], DDETS_ONLY);
    const form = await event.request.formData();
    const employerId = textField(form, 'employerId');
    if (!employerId) return fail(400, { spotCheck: true, employerId, message: 'Choisissez la structure à contrôler.' });
    if (form.get('confirm') !== 'oui') {
      return fail(400, { spotCheck: true, employerId, message: 'Cochez la case pour confirmer le contrôle.' });
    }
    let id: string;
    try {
      id = (await controlApi.spotCheck(callerOf(event), employerId)).controlId;
    } catch (err) {
      return apiFailure(err, event, { spotCheck: true, employerId });
    }
    redirect(303, `/ddets/controles/${id}`);
  },
} satisfies Actions;
