import { redirect } from '@sveltejs/kit';
import { api, callerOf } from '$lib/server/api';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions } from './$types';

export const actions = {
  default: async (event) => {
    if (event.locals.sessionToken) {
      try {
        await api.logout(callerOf(event));
      } catch (err) {
        // The cookie is removed anyway; a token the API could not revoke expires by itself.
        console.error(JSON.stringify({ msg: 'POST /auth/logout failed', error: String(err) }));
      }
    }
    clearSessionCookie(event.cookies, event.url);
    redirect(303, '/');
  },
} satisfies Actions;
