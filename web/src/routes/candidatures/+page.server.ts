import { isApplicationState, type ApplicationState } from '$lib/application-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { applicationApi, type Application, type ApplicationBox } from '$lib/server/application-api';
import type { PageServerLoad } from './$types';

const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs ont des candidatures.';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PRESCRIBER', 'EMPLOYER_STAFF'], ONLY_PRESCRIBERS_AND_EMPLOYERS);
  const isEmployer = user.membership.role === 'EMPLOYER_STAFF';
  // Employers receive applications (and may look at those they recorded); prescribers send.
  const requestedBox = event.url.searchParams.get('boite');
  const box: ApplicationBox = isEmployer && requestedBox !== 'envoyees' ? 'received' : 'sent';
  const requestedState = event.url.searchParams.get('etat') ?? '';
  const state: ApplicationState | null = isApplicationState(requestedState) ? requestedState : null;

  let applications: Application[];
  try {
    applications = await applicationApi.list(callerOf(event), { box, ...(state ? { state } : {}) });
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return { applications, box, state, isEmployer };
};
