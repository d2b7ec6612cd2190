import { APPLICATIONS_AWAITING_ANSWER, APPLICATIONS_TO_PROCESS, APPLICATION_SORTS } from '$contracts/worklists.ts';
import { APPLICATION_STATES, type ApplicationState } from '$lib/application-labels';
import { choiceParam, pageParam, searchParam } from '$lib/list-params';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { applicationApi, type ApplicationBox } from '$lib/server/application-api';
import type { PageServerLoad } from './$types';

const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs ont des candidatures.';

/** The « état » filter: one state, or a group (« à traiter », « en attente de réponse »). */
const STATE_GROUPS = {
  'a-traiter': APPLICATIONS_TO_PROCESS,
  'en-attente': APPLICATIONS_AWAITING_ANSWER,
} as const satisfies Record<string, readonly ApplicationState[]>;
export type StateFilter = keyof typeof STATE_GROUPS | ApplicationState | '';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PRESCRIBER', 'EMPLOYER_STAFF'], ONLY_PRESCRIBERS_AND_EMPLOYERS);
  const { url } = event;
  const isEmployer = user.membership.role === 'EMPLOYER_STAFF';
  // Employers receive applications (and may look at those they recorded); prescribers send.
  const box: ApplicationBox = isEmployer && url.searchParams.get('boite') !== 'envoyees' ? 'received' : 'sent';
  const etat = choiceParam<StateFilter>(
    url,
    'etat',
    [...(Object.keys(STATE_GROUPS) as (keyof typeof STATE_GROUPS)[]), ...APPLICATION_STATES],
    '',
  );
  const states: readonly ApplicationState[] =
    etat === ''
      ? []
      : etat in STATE_GROUPS
        ? STATE_GROUPS[etat as keyof typeof STATE_GROUPS]
        : [etat as ApplicationState];
  const q = searchParam(url);
  const sort = choiceParam(url, 'tri', APPLICATION_SORTS, 'recent');
  const page = pageParam(url);

  try {
    const result = await applicationApi.list(callerOf(event), { box, state: states, q, sort, page });
    return { ...result, box, etat, q, sort, isEmployer };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
