import { OPEN_ACCREDITATION_STATES } from '$lib/labels';
import { PREFECTURE_ONLY, pageErrorFrom, requireRole } from '$lib/server/access';
import {
  ACCREDITATION_STATES,
  api,
  callerOf,
  type AccreditationListItem,
  type AccreditationState,
} from '$lib/server/api';
import { departementLabel } from '$lib/server/departements';
import type { PageServerLoad } from './$types';

/** The "état" filter: open requests (default), all, or one state. */
export type StateFilter = 'en-cours' | 'toutes' | AccreditationState;

function stateFilterOf(value: string | null): StateFilter {
  if (value === 'toutes') return 'toutes';
  if (value && (ACCREDITATION_STATES as readonly string[]).includes(value)) return value as AccreditationState;
  return 'en-cours';
}

const isOpen = (r: AccreditationListItem) => OPEN_ACCREDITATION_STATES.includes(r.state);

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  const etat = stateFilterOf(event.url.searchParams.get('etat'));
  const lateOnly = event.url.searchParams.get('retard') === 'oui';

  let items: AccreditationListItem[];
  try {
    items = await api.accreditationRequests(callerOf(event), {
      ...(etat !== 'en-cours' && etat !== 'toutes' ? { state: etat } : {}),
      ...(lateOnly ? { overdue: true } : {}),
    });
  } catch (err) {
    pageErrorFrom(err, event);
  }
  // The API keeps the overdue flag after the decision: "late" means still waiting for one.
  if (etat === 'en-cours' || lateOnly) items = items.filter(isOpen);

  return {
    departement: departementLabel(user.membership.organization.departement),
    filters: { etat, lateOnly },
    // Oldest first, as the API answers.
    requests: items.map((r) => ({ ...r, late: r.overdue && isOpen(r) })),
  };
};
