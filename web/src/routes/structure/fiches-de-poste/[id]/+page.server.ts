import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import { jobDescriptionApi } from '$lib/server/job-description-api';
import {
  checkJobDescriptionForm,
  EMPLOYERS_ONLY,
  FORM_INVALID,
  jobDescriptionFormFailure,
  readJobDescriptionForm,
} from '$lib/server/job-description-form';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Fiche de poste introuvable.';

/** The API has no single read: the job description is found among its employer's. */
async function findJobDescription(event: RequestEvent<{ id: string }>) {
  const user = requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
  let items;
  try {
    items = await jobDescriptionApi.list(callerOf(event), user.membership.organization.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  const jobDescription = items.find((item) => item.id === event.params.id);
  if (!jobDescription) error(404, NOT_FOUND);
  return jobDescription;
}

export const load: PageServerLoad = async (event) => ({ jobDescription: await findJobDescription(event) });

export const actions = {
  enregistrer: async (event) => {
    const { id } = await findJobDescription(event);
    const values = readJobDescriptionForm(await event.request.formData());
    const checked = checkJobDescriptionForm(values);
    if ('fieldErrors' in checked) return fail(400, { values, fieldErrors: checked.fieldErrors, message: FORM_INVALID });
    try {
      await jobDescriptionApi.update(callerOf(event), id, checked.body);
    } catch (err) {
      return jobDescriptionFormFailure(err, event, values);
    }
    redirect(303, '/structure/fiches-de-poste?succes=enregistree');
  },
  recrutement: async (event) => {
    const { id } = await findJobDescription(event);
    const open = (await event.request.formData()).get('recruitmentOpen') === 'oui';
    try {
      await jobDescriptionApi.update(callerOf(event), id, { recruitmentOpen: open });
    } catch (err) {
      return apiFailure(err, event, { recruitment: true });
    }
    redirect(303, `/structure/fiches-de-poste?succes=${open ? 'ouverte' : 'fermee'}`);
  },
} satisfies Actions;
