import type { Handle, HandleServerError } from '@sveltejs/kit';
import { ApiError, api, clientIp } from '$lib/server/api';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.sessionToken = null;

  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    try {
      event.locals.user = await api.me({ token, clientIp: clientIp(event) });
      event.locals.sessionToken = token;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        // Expired or revoked session: forget it; protected pages redirect to /connexion.
        clearSessionCookie(event.cookies, event.url);
      } else {
        // API down or unexpected answer: browse as anonymous, keep the cookie for later.
        console.error(JSON.stringify({ msg: 'GET /me failed', error: String(err) }));
      }
    }
  }

  const response = await resolve(event);
  // A page rendered for a signed-in user may show personal data: no browser or proxy keeps
  // it (docs/rules.md §11). Static assets are served before this hook and keep their caching.
  if (event.locals.user) response.headers.set('cache-control', 'no-store');
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status === 404) {
    return { message: 'Page non trouvée' };
  }
  // A malformed address (e.g. an undecodable % sequence) is the client's: 400, not logged as a fault.
  if (status === 400) {
    return { message: 'Adresse de page invalide' };
  }
  const errorId = crypto.randomUUID();
  console.error(
    JSON.stringify({
      msg: 'Unhandled error in web app',
      errorId,
      status,
      kitMessage: message,
      method: event.request.method,
      path: event.url.pathname,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    }),
  );
  return {
    message: 'Une erreur inattendue est survenue. Veuillez réessayer dans quelques instants.',
    errorId,
  };
};
