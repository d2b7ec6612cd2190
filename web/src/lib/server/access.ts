// Page access: signed-out visitors go to /connexion (and come back), other roles get a 403.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import { ApiError, type CurrentUser, type Role } from './api';

type AccessEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in user, or a redirection to /connexion?redirectTo=<this page>. */
export function requireUser(event: AccessEvent): CurrentUser {
  if (!event.locals.user) redirect(303, loginUrl(event.url.pathname + event.url.search));
  return event.locals.user;
}

/** The signed-in user when their role may use the page; a French 403 otherwise. */
export function requireRole(event: AccessEvent, roles: readonly Role[], message: string): CurrentUser {
  const user = requireUser(event);
  if (!roles.includes(user.membership.role)) error(403, message);
  return user;
}

/** A prescriber organization's member (authorized or not): the only one who asks for an authorization. */
export function requirePrescriberOrganization(event: AccessEvent): CurrentUser {
  const user = requireRole(
    event,
    ['PRESCRIBER'],
    "Seuls les membres d'une organisation prescriptrice peuvent demander une habilitation.",
  );
  if (user.membership.organization.type !== 'PRESCRIBER') {
    error(403, "Seuls les membres d'une organisation prescriptrice peuvent demander une habilitation.");
  }
  return user;
}

export const PREFECTURE_ONLY = 'Cette page est réservée aux agents de préfecture.';

/**
 * Turns an API error met while loading a page into the page the user should see:
 * sign in again (401), 403/404 pages with the API's French message, or a 503.
 */
export function pageErrorFrom(err: unknown, event: AccessEvent): never {
  if (err instanceof ApiError) {
    if (err.status === 401) redirect(303, loginUrl(event.url.pathname + event.url.search));
    if (err.status === 403 || err.status === 404) error(err.status, err.message);
    if (err.status === 400) error(404, 'Page non trouvée');
    error(503, err.message);
  }
  throw err;
}
