// HTTP client of the platform's JSON API. The web app never touches the database:
// every read and write goes through here, with the user's bearer token and IP.
import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { z } from 'zod';
import {
  accreditationListSchema,
  accreditationViewSchema,
  type AccreditationListItem,
  type AccreditationView,
} from '$contracts/accreditation.ts';
import { notificationListSchema, openedNotificationSchema, type Notification } from '$contracts/notifications.ts';
import { currentUserSchema, sessionSchema, type CurrentUser, type WebSession } from '$contracts/auth.ts';
import { errorBodySchema } from '$contracts/errors.ts';
import { healthSchema, type Health } from '$contracts/health.ts';
import { organizationSchema, type Organization } from '$contracts/organizations.ts';
import type { AccreditationState } from '$domain/accreditation.ts';
import type { AuthorizationStatus as DomainAuthorizationStatus } from '$domain/organizations.ts';

export type { CurrentUser, WebSession } from '$contracts/auth.ts';
export type { Organization } from '$contracts/organizations.ts';
export type { Role } from '$domain/organizations.ts';
export type AuthorizationStatus = DomainAuthorizationStatus | null;

export { ACCREDITATION_STATES } from '$contracts/accreditation.ts';
export type { AccreditationEvent, AccreditationListItem, AccreditationView } from '$contracts/accreditation.ts';
export type { AccreditationState } from '$domain/accreditation.ts';

export interface AccreditationListQuery {
  state?: AccreditationState;
  overdue?: boolean;
  region?: boolean;
}

export type { Notification } from '$contracts/notifications.ts';

/** Prefecture decisions on a request, as named in the API paths. */
export type AccreditationDecision =
  | { action: 'approve'; endDate?: string }
  | { action: 'reject'; reason: string }
  | { action: 'request-information'; message: string }
  | { action: 'withdraw'; reason: string };

const UNAVAILABLE_MESSAGE = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.';

/** An error answered by the API (status, code and French message), or its absence (status 503). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Who is calling: the web session token (if any) and the end user's IP address. */
export interface Caller {
  token?: string | null;
  clientIp?: string | null;
}

/**
 * The end user's IP address, forwarded to the API (throttling, audit): Express's `req.ip`,
 * which honours TRUST_PROXY (docs/rules.md §11), else the socket's peer.
 */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress' | 'platform'>): string | null {
  const fromExpress = event.platform?.req?.ip;
  if (fromExpress) return fromExpress;
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/** The caller of a request handled by the web app: its session token and IP. */
export function callerOf(event: Pick<RequestEvent, 'getClientAddress' | 'platform' | 'locals'>): Caller {
  return { token: event.locals.sessionToken, clientIp: clientIp(event) };
}

const REQUEST_TIMEOUT_MS = 10_000;

function baseUrl(): string {
  const value = env.INTERNAL_API_URL;
  if (!value) throw new Error('INTERNAL_API_URL is not set (e.g. http://127.0.0.1:3000/api/v1)');
  return value.replace(/\/+$/, '');
}

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  caller: Caller,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  // The API takes the address only with the key of this process (api/web-hop.ts).
  if (caller.clientIp && env.INTERNAL_API_KEY) {
    headers['x-inclusion-web-key'] = env.INTERNAL_API_KEY;
    headers['x-inclusion-client-ip'] = caller.clientIp;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    console.error(JSON.stringify({ msg: 'API unreachable', method, url, cause: String(cause) }));
    throw new ApiError(503, 'API_UNAVAILABLE', UNAVAILABLE_MESSAGE);
  }

  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', UNAVAILABLE_MESSAGE);
  }
  return response;
}

async function json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    // Paths only: payloads may hold personal data (docs/rules.md §11).
    const paths = parsed.error.issues.map((issue) => issue.path.join('.'));
    console.error(JSON.stringify({ msg: 'Unexpected API payload', url: response.url, paths }));
    throw new ApiError(502, 'UNEXPECTED_RESPONSE', UNAVAILABLE_MESSAGE);
  }
  return parsed.data;
}

/** One API call whose answer is checked against a schema: what the page-specific clients build on. */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  caller: Caller,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  return json(await call(method, `${baseUrl()}${path}`, caller, body), schema);
}

/** One GET answered with a file (a proof, a CSV export): the API's response, passed on as it is. */
export function requestFile(path: string, caller: Caller): Promise<Response> {
  return call('GET', `${baseUrl()}${path}`, caller);
}

export const api = {
  /** POST /auth/session: exchanges credentials for a web session token. */
  async createSession(caller: Caller, credentials: { email: string; password: string }): Promise<WebSession> {
    return json(await call('POST', `${baseUrl()}/auth/session`, caller, credentials), sessionSchema);
  },

  /** POST /auth/logout: revokes the web session token. */
  async logout(caller: Caller): Promise<void> {
    await call('POST', `${baseUrl()}/auth/logout`, caller);
  },

  /** GET /me: the signed-in user and their membership. */
  async me(caller: Caller): Promise<CurrentUser> {
    return json(await call('GET', `${baseUrl()}/me`, caller), currentUserSchema);
  },

  /** GET /accreditation-requests: the caller's organization's requests, or its département's (prefecture). */
  async accreditationRequests(caller: Caller, query: AccreditationListQuery = {}): Promise<AccreditationListItem[]> {
    const search = new URLSearchParams();
    if (query.state) search.set('state', query.state);
    if (query.overdue !== undefined) search.set('overdue', String(query.overdue));
    if (query.region !== undefined) search.set('region', String(query.region));
    const qs = search.size > 0 ? `?${search}` : '';
    const { items } = await json(
      await call('GET', `${baseUrl()}/accreditation-requests${qs}`, caller),
      accreditationListSchema,
    );
    return items;
  },

  /** GET /accreditation-requests/{id}: one request and its history. */
  async accreditationRequest(caller: Caller, id: string): Promise<AccreditationView> {
    return json(
      await call('GET', `${baseUrl()}/accreditation-requests/${encodeURIComponent(id)}`, caller),
      accreditationViewSchema,
    );
  },

  /** POST /accreditation-requests: the organization asks its prefecture to be authorized. */
  async submitAccreditationRequest(
    caller: Caller,
    body: { organizationId: string; justification: string; reference: string },
  ): Promise<AccreditationView> {
    return json(await call('POST', `${baseUrl()}/accreditation-requests`, caller, body), accreditationViewSchema);
  },

  /** POST /accreditation-requests/{id}/respond: the organization answers an information request. */
  async respondToAccreditationRequest(caller: Caller, id: string, message: string): Promise<AccreditationView> {
    return json(
      await call('POST', `${baseUrl()}/accreditation-requests/${encodeURIComponent(id)}/respond`, caller, { message }),
      accreditationViewSchema,
    );
  },

  /** POST /accreditation-requests/{id}/approve|reject|request-information|withdraw: a prefecture decision. */
  async decideAccreditationRequest(
    caller: Caller,
    id: string,
    decision: AccreditationDecision,
  ): Promise<AccreditationView> {
    const { action, ...body } = decision;
    return json(
      await call('POST', `${baseUrl()}/accreditation-requests/${encodeURIComponent(id)}/${action}`, caller, body),
      accreditationViewSchema,
    );
  },

  /** GET /organizations/{id}: an organization and its authorization status. */
  async organization(caller: Caller, id: string): Promise<Organization> {
    return json(await call('GET', `${baseUrl()}/organizations/${encodeURIComponent(id)}`, caller), organizationSchema);
  },

  /** GET /notifications: the inbox of the caller's organization, newest first, and its unread count. */
  async notifications(
    caller: Caller,
    query: { unread?: boolean } = {},
  ): Promise<{ items: Notification[]; unreadCount: number }> {
    const qs = query.unread === undefined ? '' : `?unread=${query.unread}`;
    return json(await call('GET', `${baseUrl()}/notifications${qs}`, caller), notificationListSchema);
  },

  /** POST /notifications/{id}/read. */
  async markNotificationRead(caller: Caller, id: string): Promise<void> {
    await call('POST', `${baseUrl()}/notifications/${encodeURIComponent(id)}/read`, caller);
  },

  /** POST /notifications/{id}/open: marked read; the path of the page it is about. */
  async openNotification(caller: Caller, id: string): Promise<string> {
    const url = `${baseUrl()}/notifications/${encodeURIComponent(id)}/open`;
    return (await json(await call('POST', url, caller), openedNotificationSchema)).link;
  },

  /** GET /healthz, served at the API server root (not under /api/v1). */
  async health(): Promise<Health> {
    const url = new URL('/healthz', baseUrl()).href;
    return json(await call('GET', url, {}), healthSchema);
  },
};
