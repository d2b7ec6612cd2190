// The control a page shows (docs/rules.md §8): the SIAE's or the DDETS's, the API checking scope.
import type { RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from './access';
import { callerOf, type Role } from './api';
import { controlApi, type ControlView } from './control-api';

export async function loadControl(
  event: RequestEvent<{ id: string }>,
  roles: readonly Role[],
  refusal: string,
): Promise<{ control: ControlView }> {
  requireRole(event, roles, refusal);
  try {
    return { control: await controlApi.control(callerOf(event), event.params.id) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
}
