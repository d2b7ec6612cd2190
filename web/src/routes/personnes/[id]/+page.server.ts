import { fail, redirect } from '@sveltejs/kit';
import { isSiaeKind, type EmployerKind } from '$lib/eligibility-criteria';
import { todayFrom } from '$lib/server/clock-api';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ApiError, callerOf, type CurrentUser } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import { personApi, type Person } from '$lib/server/person-api';
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
  try {
    [person, mode] = await Promise.all([
      personApi.person(callerOf(event), event.params.id),
      diagnosisMode(event, user),
    ]);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return {
    person,
    mode,
    today: await todayFrom(event.parent),
    registered: event.url.searchParams.get('inscription') === 'ok',
    diagnosed: event.url.searchParams.get('diagnostic') === 'ok',
  };
};

export const actions = {
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
