// Opening a notification from the inbox (docs/rules.md §9): it is marked read, then the user lands
// on the page of the thing it is about. A plain link, so it works without JavaScript.
import { redirect } from '@sveltejs/kit';
import { pageErrorFrom, requireUser } from '$lib/server/access';
import { api, callerOf } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Only a path of this site: never a redirection elsewhere. */
const isLocalPath = (link: string) => link.startsWith('/') && !link.startsWith('//') && !link.includes('\\');

export const GET: RequestHandler = async (event) => {
  requireUser(event);
  let link: string;
  try {
    link = await api.openNotification(callerOf(event), event.params.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  redirect(303, isLocalPath(link) ? link : '/notifications');
};
