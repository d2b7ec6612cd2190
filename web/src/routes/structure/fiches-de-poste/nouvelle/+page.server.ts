import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { jobDescriptionApi } from '$lib/server/job-description-api';
import {
  checkJobDescriptionForm,
  EMPLOYERS_ONLY,
  FORM_INVALID,
  jobDescriptionFormFailure,
  readJobDescriptionForm,
} from '$lib/server/job-description-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
  return {};
};

export const actions = {
  default: async (event) => {
    const user = requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
    const values = readJobDescriptionForm(await event.request.formData());
    const checked = checkJobDescriptionForm(values);
    if ('fieldErrors' in checked) return fail(400, { values, fieldErrors: checked.fieldErrors, message: FORM_INVALID });
    try {
      await jobDescriptionApi.create(callerOf(event), user.membership.organization.id, checked.body);
    } catch (err) {
      return jobDescriptionFormFailure(err, event, values);
    }
    redirect(303, '/structure/fiches-de-poste?succes=creee');
  },
} satisfies Actions;
