import { fail, redirect } from '@sveltejs/kit';
import { ApiError, api, clientIp } from '$lib/server/api';
import { setSessionCookie } from '$lib/server/session';
import { safeRedirectTarget } from '$lib/redirect';
import { NO_FIELD_ERRORS, parseLoginForm } from './login-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
  return {};
};

export const actions = {
  default: async (event) => {
    const { request, cookies, url } = event;
    const parsed = parseLoginForm(await request.formData());
    if (!parsed.ok) {
      return fail(400, { email: parsed.email, message: parsed.message, fieldErrors: parsed.fieldErrors });
    }

    const { email, password } = parsed.credentials;
    let session;
    try {
      session = await api.createSession({ clientIp: clientIp(event) }, { email, password });
    } catch (err) {
      if (err instanceof ApiError) {
        // The API's message is already in French (wrong credentials, throttling…).
        const status = err.status === 401 || err.status === 429 ? err.status : err.status >= 500 ? 503 : 400;
        return fail(status, { email, message: err.message, fieldErrors: NO_FIELD_ERRORS });
      }
      throw err;
    }

    setSessionCookie(cookies, url, session.token, session.expiresAt);
    redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
  },
} satisfies Actions;
