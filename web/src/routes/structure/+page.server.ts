import { redirect } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { employerEntryApi, type EntryChanges } from '$lib/server/employer-entry-api';
import { apiFailure, textField } from '$lib/server/forms';
import { ownRight } from '$lib/server/own-right';
import type { Actions, PageServerLoad } from './$types';

const EMPLOYERS_ONLY = 'Cette page est réservée aux employeurs.';
/** The entry's text fields, named as in the API: its refusals land on them. */
const ENTRY_FIELDS = ['address', 'contactEmail', 'description'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
  try {
    const [entry, right] = await Promise.all([
      employerEntryApi.entry(callerOf(event), user.membership.organization.id),
      ownRight(event, user),
    ]);
    return { entry, right, saved: event.url.searchParams.get('enregistre') === 'ok' };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
    const form = await event.request.formData();
    const changes: EntryChanges = { applicationsOpen: textField(form, 'applicationsOpen') === 'oui' };
    // Empty fields are left as they are: the API refuses an empty address or e-mail.
    for (const field of ENTRY_FIELDS) {
      const value = textField(form, field);
      if (value !== '') changes[field] = value;
    }
    try {
      await employerEntryApi.update(callerOf(event), user.membership.organization.id, changes);
    } catch (err) {
      return apiFailure(err, event, { values: Object.fromEntries(form) as Record<string, string> }, ENTRY_FIELDS);
    }
    redirect(303, '/structure?enregistre=ok');
  },
};
