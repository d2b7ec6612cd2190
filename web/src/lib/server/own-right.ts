// The signed-in SIAE's own right, for the banner of « Mon espace » and « Ma structure »
// (docs/rules.md §8). A page still shows when it cannot be read: the banner is then left out.
import type { RequestEvent } from '@sveltejs/kit';
import { ApiError, callerOf, type CurrentUser } from './api';
import { selfPrescriptionApi, type SelfPrescriptionRight } from './self-prescription-api';

export async function ownRight(event: RequestEvent, user: CurrentUser): Promise<SelfPrescriptionRight | null> {
  const organization = user.membership.organization;
  if (user.membership.role !== 'EMPLOYER_STAFF' || organization.type !== 'EMPLOYER') return null;
  try {
    return await selfPrescriptionApi.right(callerOf(event), organization.id);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    console.error(JSON.stringify({ msg: 'GET /employers/{id}/self-prescription failed', status: err.status }));
    return null;
  }
}
