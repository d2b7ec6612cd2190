import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access';
import { ApiError, callerOf } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import { existingPersonId, personApi, type NewPerson } from '$lib/server/person-api';
import type { Actions, PageServerLoad } from './$types';

const REGISTRATION_ROLES = ['PRESCRIBER', 'EMPLOYER_STAFF'] as const;
const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs peuvent inscrire une personne.';

/** The form's fields, in the order of the page (and of the error summary). */
const FIELDS = ['firstName', 'lastName', 'birthDate', 'nir', 'franceTravailId', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

const REQUIRED_MESSAGES: Partial<Record<Field, string>> = {
  firstName: 'Saisissez le prénom de la personne.',
  lastName: 'Saisissez le nom de la personne.',
  birthDate: 'Saisissez la date de naissance de la personne.',
};

export const load: PageServerLoad = (event) => {
  requireRole(event, REGISTRATION_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
  return {};
};

export const actions = {
  default: async (event) => {
    requireRole(event, REGISTRATION_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
    const form = await event.request.formData();
    const values = Object.fromEntries(FIELDS.map((field) => [field, textField(form, field)])) as Values;

    const fieldErrors: FieldErrors = {};
    for (const field of FIELDS) {
      const message = REQUIRED_MESSAGES[field];
      if (message && !values[field]) fieldErrors[field] = message;
    }
    if (Object.keys(fieldErrors).length > 0) {
      return fail(400, { values, fieldErrors, existingId: null, message: 'Le formulaire contient des erreurs.' });
    }

    // Optional fields left empty are not sent.
    const body: NewPerson = { firstName: values.firstName, lastName: values.lastName, birthDate: values.birthDate };
    for (const field of ['nir', 'franceTravailId', 'email', 'phone'] as const) {
      if (values[field]) body[field] = values[field];
    }

    let personId: string;
    try {
      personId = (await personApi.createPerson(callerOf(event), body)).id;
    } catch (err) {
      // A duplicate names the existing person only to those on their case (docs/rules.md §11):
      // others get the API's French hint, without a link.
      if (err instanceof ApiError && err.status === 409) {
        return fail(409, {
          values,
          fieldErrors,
          existingId: existingPersonId(err),
          possibleDuplicate: true,
          message: err.message,
        });
      }
      // Field refusals (400, or 422 naming a field: a birth date to come, a NIR that contradicts
      // it) land on their fields.
      return apiFailure(err, event, { values, fieldErrors, existingId: null }, FIELDS);
    }
    redirect(303, `/personnes/${encodeURIComponent(personId)}?inscription=ok`);
  },
} satisfies Actions;
