import { fail, redirect } from '@sveltejs/kit';
import { isSiaeKind, type EmployerKind } from '$lib/eligibility-criteria';
import { todayFrom } from '$lib/server/clock-api';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ApiError, callerOf, type CurrentUser } from '$lib/server/api';
import { apiFailure, fieldErrorsOf, FORM_ERRORS_MESSAGE, readableMessage, textField } from '$lib/server/forms';
import { applicationApi, type Application } from '$lib/server/application-api';
import { personApi, type Person } from '$lib/server/person-api';
import { workspaceApi, type PassListItem } from '$lib/server/workspace-api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PERSON_ROLES = ['PRESCRIBER', 'EMPLOYER_STAFF'] as const;
const ONLY_PRESCRIBERS_AND_EMPLOYERS =
  'Seuls les prescripteurs et les employeurs qui travaillent sur le dossier de cette personne peuvent le consulter.';

/**
 * Which diagnosis the user may make: an authorized prescriber's, an SIAE's own (auto-
 * prescription, with its kind), none for an orienteur (prescriber not authorized) or an
 * employer outside the IAE. The organization's status comes fresh from GET /me.
 */
export type DiagnosisMode =
  | { kind: 'prescriber' }
  | { kind: 'orienteur' }
  | { kind: 'employer'; employerId: string; employerKind: EmployerKind }
  | { kind: 'employerNotSiae'; employerKind: string | null }
  | { kind: 'none' };

async function diagnosisMode(event: RequestEvent, user: CurrentUser): Promise<DiagnosisMode> {
  const { role, organization } = user.membership;
  if (role === 'PRESCRIBER' && organization.type === 'PRESCRIBER') {
    return organization.authorizationStatus === 'VALIDATED' ? { kind: 'prescriber' } : { kind: 'orienteur' };
  }
  if (role === 'EMPLOYER_STAFF' && organization.type === 'EMPLOYER') {
    const employerKind = await personApi.employerKind(callerOf(event), organization.id);
    return isSiaeKind(employerKind)
      ? { kind: 'employer', employerId: organization.id, employerKind }
      : { kind: 'employerNotSiae', employerKind };
  }
  return { kind: 'none' };
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, PERSON_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
  let person: Person;
  let mode: DiagnosisMode;
  let applications: Application[];
  let passes: PassListItem[];
  try {
    const caller = callerOf(event);
    [person, mode] = await Promise.all([personApi.person(caller, event.params.id), diagnosisMode(event, user)]);
    // The person's applications of this organization's box, and every PASS of the person.
    [{ items: applications }, { items: passes }] = await Promise.all([
      applicationApi.list(caller, { personId: person.id, pageSize: 100 }),
      workspaceApi.passes(caller, { personId: person.id, sort: 'start', pageSize: 100 }),
    ]);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return {
    person,
    mode,
    applications,
    passes,
    edited: event.url.searchParams.get('modification') === 'ok',
    today: await todayFrom(event.parent),
    registered: event.url.searchParams.get('inscription') === 'ok',
    diagnosed: event.url.searchParams.get('diagnostic') === 'ok',
  };
};

/** The identity form's fields: the API's PATCH body (an emptied optional field is cleared). */
const IDENTITY_FIELDS = ['firstName', 'lastName', 'birthDate', 'nir', 'franceTravailId', 'email', 'phone'] as const;
const REQUIRED = new Set(['firstName', 'lastName', 'birthDate']);

export const actions = {
  modifier: async (event) => {
    requireRole(event, PERSON_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
    const form = await event.request.formData();
    const values = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, textField(form, field)])) as Record<
      (typeof IDENTITY_FIELDS)[number],
      string
    >;
    const fieldErrors: Record<string, string> = {};
    if (!values.firstName) fieldErrors.firstName = 'Saisissez le prénom.';
    if (!values.lastName) fieldErrors.lastName = 'Saisissez le nom.';
    if (!values.birthDate) fieldErrors.birthDate = 'Saisissez la date de naissance.';
    if (Object.keys(fieldErrors).length > 0) {
      return fail(400, { identity: { values, fieldErrors, message: 'Le formulaire contient des erreurs.' } });
    }
    const changes = Object.fromEntries(
      IDENTITY_FIELDS.map((field) => [field, values[field] === '' && !REQUIRED.has(field) ? null : values[field]]),
    );
    try {
      await personApi.updatePerson(callerOf(event), event.params.id, changes);
    } catch (err) {
      if (err instanceof ApiError && [400, 409, 422].includes(err.status)) {
        const fieldErrors = fieldErrorsOf(err, IDENTITY_FIELDS);
        const message =
          Object.keys(fieldErrors).length > 0 ? FORM_ERRORS_MESSAGE : readableMessage(err, IDENTITY_FIELDS);
        return fail(err.status, { identity: { values, fieldErrors, message } });
      }
      return apiFailure(err, event, { identity: { values, fieldErrors: {}, message: null as string | null } });
    }
    redirect(303, `/personnes/${encodeURIComponent(event.params.id)}?modification=ok`);
  },
  diagnostiquer: async (event) => {
    const user = requireRole(event, PERSON_ROLES, ONLY_PRESCRIBERS_AND_EMPLOYERS);
    const form = await event.request.formData();
    const criteria = [
      ...new Set(form.getAll('criteria').filter((value): value is string => typeof value === 'string')),
    ];
    try {
      const mode = await diagnosisMode(event, user);
      // The employer is always the user's own organization, never a form value.
      await personApi.recordDiagnosis(
        callerOf(event),
        event.params.id,
        mode.kind === 'employer' ? { criteria, employerId: mode.employerId } : { criteria },
      );
    } catch (err) {
      // 422: criteria incompatible, or not enough for self-prescription (the API's French sentence).
      if (err instanceof ApiError && err.status === 422) {
        return fail(422, { criteria, criteriaRefused: true, message: err.message });
      }
      return apiFailure(err, event, { criteria, criteriaRefused: false });
    }
    redirect(303, `/personnes/${encodeURIComponent(event.params.id)}?diagnostic=ok`);
  },
} satisfies Actions;
