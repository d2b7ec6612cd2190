import { OPEN_ACCREDITATION_STATES } from '$lib/labels';
import { PREFECTURE_ONLY, pageErrorFrom, requireRole } from '$lib/server/access';
import { api, callerOf, type AccreditationListItem } from '$lib/server/api';
import { departementLabel, regionName } from '$lib/server/departements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  let items: AccreditationListItem[];
  try {
    items = await api.accreditationRequests(callerOf(event), { region: true, overdue: true });
  } catch (err) {
    pageErrorFrom(err, event);
  }
  const ownDepartement = user.membership.organization.departement;
  return {
    departement: departementLabel(ownDepartement),
    region: regionName(ownDepartement),
    // The overdue flag stays after the decision: only requests still waiting for one are late.
    requests: items
      .filter((r) => OPEN_ACCREDITATION_STATES.includes(r.state))
      .map((r) => ({ ...r, departementLabel: departementLabel(r.departement), own: r.departement === ownDepartement })),
  };
};
