import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import { callerOf } from '$lib/server/api';
import { ownRight } from '$lib/server/own-right';
import { workspaceApi, type Workspace } from '$lib/server/workspace-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  if (!locals.user) redirect(303, loginUrl(url.pathname + url.search));
  let workspace: Workspace | null = null;
  try {
    workspace = await workspaceApi.workspace(callerOf(event));
  } catch (err) {
    // The counts help, they do not make the page: without them, the services are still there.
    console.error(JSON.stringify({ msg: 'GET /workspace failed', error: String(err) }));
  }
  return { currentUser: locals.user, right: await ownRight(event, locals.user), workspace };
};
