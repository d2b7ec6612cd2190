// The control a page shows (docs/rules.md §8): the SIAE's or the DDETS's, the API checking scope.
import type { RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from './access';
import { callerOf, type Role } from './api';
import { controlApi, type ControlView } from './control-api';
import { registryApi } from './registry-api';

/** The control, and the name of the SIAE it is about (the registry's public entry). */
export async function loadControl(
  event: RequestEvent<{ id: string }>,
  roles: readonly Role[],
  refusal: string,
): Promise<{ control: ControlView; employerName: string }> {
  requireRole(event, roles, refusal);
  try {
    const control = await controlApi.control(callerOf(event), event.params.id);
    const employer = await registryApi.employer(callerOf(event), control.employerId);
    return { control, employerName: employer.name };
  } catch (err) {
    pageErrorFrom(err, event);
  }
}
