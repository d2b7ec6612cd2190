import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import { ownRight } from '$lib/server/own-right';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  if (!locals.user) redirect(303, loginUrl(url.pathname + url.search));
  return { currentUser: locals.user, right: await ownRight(event, locals.user) };
};
