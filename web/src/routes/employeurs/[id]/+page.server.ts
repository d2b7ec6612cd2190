import { error } from '@sveltejs/kit';
import { ApiError, callerOf } from '$lib/server/api';
import { registryApi } from '$lib/server/registry-api';
import type { PageServerLoad } from './$types';

/** GET /employeurs/{id}: an employer's public page (no account needed). */
export const load: PageServerLoad = async (event) => {
  try {
    return { employer: await registryApi.employer(callerOf(event), event.params.id) };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) error(404, 'Employeur introuvable.');
    if (err instanceof ApiError) error(503, err.message);
    throw err;
  }
};
