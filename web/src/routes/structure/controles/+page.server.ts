import { CONTROL_SIAE_ONLY } from '$lib/control-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { controlApi, type ControlListItem } from '$lib/server/control-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['EMPLOYER_STAFF'], CONTROL_SIAE_ONLY);
  let controls: ControlListItem[];
  try {
    controls = await controlApi.controls(callerOf(event));
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return { controls };
};
