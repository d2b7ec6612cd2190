// The sandbox's advance form (docs/rules.md §12), posted from the banner of any page: a number
// of days or a date; back to the page it came from once the platform is at the new date.
import { error, fail, redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/redirect';
import { daysBetween, MAX_ADVANCE_DAYS } from '$lib/sandbox';
import { ApiError, callerOf } from '$lib/server/api';
import { clockApi } from '$lib/server/clock-api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { clock } = await parent();
  if (!clock?.sandbox) error(404, 'Page non trouvée');
  return {};
};

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const choice = String(form.get('days') ?? '');
    const returnTo = safeRedirectTarget(String(form.get('returnTo') ?? '/'));
    let days = Number(choice);
    if (choice === 'date') {
      const until = String(form.get('until') ?? '');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return fail(400, { message: 'Choisissez une date.' });
      const { today } = await clockApi.clock(callerOf(event));
      days = daysBetween(today, until);
    }
    if (!Number.isInteger(days) || days < 1 || days > MAX_ADVANCE_DAYS)
      return fail(400, { message: `On avance de 1 à ${MAX_ADVANCE_DAYS} jours, vers une date future.` });
    try {
      await clockApi.advance(callerOf(event), days);
    } catch (err) {
      if (err instanceof ApiError) return fail(err.status, { message: err.message });
      throw err;
    }
    redirect(303, returnTo);
  },
} satisfies Actions;
