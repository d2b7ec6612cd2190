import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url.pathname + url.search));
  return { currentUser: locals.user };
};
