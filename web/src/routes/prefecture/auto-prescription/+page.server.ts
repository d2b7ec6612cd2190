import { PREFECTURE_ONLY, pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { departementLabel } from '$lib/server/departements';
import { selfPrescriptionApi } from '$lib/server/self-prescription-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  try {
    const employers = await selfPrescriptionApi.revocations(callerOf(event));
    return {
      employers,
      departement: departementLabel(user.membership.organization.departement),
      lifted: event.url.searchParams.get('retabli'),
    };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
