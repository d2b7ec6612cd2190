import { error, fail, redirect } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ApiError, callerOf, type CurrentUser } from '$lib/server/api';
import { applicationApi, type ApplicationEmployer, type PersonSummary } from '$lib/server/application-api';
import { apiFailure, textField } from '$lib/server/forms';
// The 409 of POST /applications carries details[0].existingId, like POST /persons.
import { existingPersonId as existingApplicationId, personApi } from '$lib/server/person-api';
import type { Actions, PageServerLoad } from './$types';

const SENDER_ROLES = ['PRESCRIBER', 'EMPLOYER_STAFF'] as const;
const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs peuvent envoyer une candidature.';
const MESSAGE_MAX = 3000;

/** The employer applied to: the query's, or the signed-in employer's own structure. */
function employerIdOf(url: URL, user: CurrentUser): string | null {
  const fromQuery = url.searchParams.get('employerId')?.trim();
  if (fromQuery) return fromQuery;
  const { role, organization } = user.membership;
  return role === 'EMPLOYER_STAFF' && organization.type === 'EMPLOYER' ? organization.id : null;
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, SENDER_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
  const employerId = employerIdOf(event.url, user);
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  // « Envoyer une candidature » from a person's page: ?personne=<id> (personId, its older name).
  const personId = (event.url.searchParams.get('personne') ?? event.url.searchParams.get('personId'))?.trim() ?? '';
  const jobDescriptionId = event.url.searchParams.get('jobDescriptionId')?.trim() ?? '';
  if (!employerId) {
    // No employer yet: the person stays chosen while the user looks for one.
    let chosen: PersonSummary | null = null;
    if (personId) {
      try {
        const { id, firstName, lastName, birthDate } = await personApi.person(callerOf(event), personId);
        chosen = { id, firstName, lastName, birthDate };
      } catch (err) {
        pageErrorFrom(err, event);
      }
    }
    return { employer: null, persons: chosen ? [chosen] : [], q, personId, jobDescriptionId };
  }

  let employer: ApplicationEmployer;
  let persons: PersonSummary[];
  try {
    [employer, persons] = await Promise.all([
      applicationApi.employer(callerOf(event), employerId),
      applicationApi.persons(callerOf(event), q),
    ]);
    // The person the page was opened for stays offered, whatever the search.
    if (personId && !q && !persons.some((person) => person.id === personId)) {
      const { id, firstName, lastName, birthDate } = await personApi.person(callerOf(event), personId);
      persons = [{ id, firstName, lastName, birthDate }, ...persons];
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) error(404, 'Employeur introuvable.');
    pageErrorFrom(err, event);
  }
  return { employer, persons, q, personId, jobDescriptionId };
};

export const actions = {
  default: async (event) => {
    const user = requireRole(event, SENDER_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
    const form = await event.request.formData();
    const values = {
      personId: textField(form, 'personId'),
      jobDescriptionId: textField(form, 'jobDescriptionId'),
      message: textField(form, 'message'),
    };
    const employerId = textField(form, 'employerId') || employerIdOf(event.url, user);
    const fieldErrors: { personId?: string; message?: string } = {};
    if (!values.personId) fieldErrors.personId = 'Choisissez la personne qui candidate.';
    if (values.message.length > MESSAGE_MAX) {
      fieldErrors.message = `Le message ne doit pas dépasser ${MESSAGE_MAX} caractères.`;
    }
    if (!employerId || Object.keys(fieldErrors).length > 0) {
      return fail(400, {
        values,
        fieldErrors,
        existingId: null as string | null,
        message: employerId ? 'Le formulaire contient des erreurs.' : "Choisissez d'abord un employeur.",
      });
    }

    let id: string;
    try {
      ({ id } = await applicationApi.send(callerOf(event), {
        personId: values.personId,
        employerId,
        ...(values.jobDescriptionId ? { jobDescriptionId: values.jobDescriptionId } : {}),
        ...(values.message ? { message: values.message } : {}),
      }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        return fail(409, { values, fieldErrors, existingId: existingApplicationId(err), message: err.message });
      }
      return apiFailure(err, event, { values, fieldErrors, existingId: null as string | null }, [
        'personId',
        'jobDescriptionId',
        'message',
      ]);
    }
    redirect(303, `/candidatures/${encodeURIComponent(id)}?envoi=ok`);
  },
} satisfies Actions;
