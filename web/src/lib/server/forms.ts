// Helpers of the form actions: read text fields, turn API refusals into `fail` answers whose
// field messages sit on the form's fields (docs/decisions/024).
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import { ApiError } from './api';

/** A text field, trimmed ('' when absent). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The page's summary when some fields are refused: each field then says what is wrong. */
export const FORM_ERRORS_MESSAGE = 'Le formulaire contient des erreurs : corrigez les champs signalés.';

/** The API's schema messages are fragments (« adresse e-mail invalide »): written as sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The details of an API refusal that name a field (`body.<field>` or `query.<field>`), as [field, message]. */
function detailsByField(err: ApiError): [string, string][] {
  const found: [string, string][] = [];
  for (const detail of err.details) {
    if (!detail || typeof detail !== 'object') continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const field = typeof path === 'string' ? /^(?:body|query)\.([^.]+)/.exec(path)?.[1] : undefined;
    found.push([field ?? '', message]);
  }
  return found;
}

/**
 * Field messages of a 400/422 answer, first one per field, for the fields the form shows
 * (`fields`: the API's field names; the form's inputs carry the same names).
 */
export function fieldErrorsOf(err: ApiError, fields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of detailsByField(err)) {
    if (fields.includes(field)) result[field] ??= sentence(message);
  }
  return result;
}

/**
 * The message a person reads for a refusal: the API's French message, except for a request
 * the API found invalid, whose technical wording gives way to what each detail says.
 */
export function readableMessage(err: ApiError, shownFields: readonly string[] = []): string {
  if (err.code !== 'invalid_request' || err.details.length === 0) return err.message;
  const others = detailsByField(err)
    .filter(([field]) => !shownFields.includes(field))
    .map(([, message]) => sentence(message));
  if (others.length === 0) return FORM_ERRORS_MESSAGE;
  return `Les informations envoyées ne sont pas valides. ${[...new Set(others)].join(' ')}`;
}

/**
 * The API's French refusal (400, 403, 404, 409, 422…) as a form failure carrying `message`,
 * `fieldErrors` (the details that name one of `fields`, merged over `extra.fieldErrors`) and
 * the given extra data; sign in again on 401; unexpected errors are rethrown.
 */
export function apiFailure<T extends Record<string, unknown>>(
  err: unknown,
  event: Pick<RequestEvent, 'url'>,
  extra: T,
  fields: readonly string[] = [],
) {
  if (err instanceof ApiError) {
    if (err.status === 401) redirect(303, loginUrl(event.url.pathname + event.url.search));
    const status = err.status >= 500 ? 503 : err.status;
    const known = (extra.fieldErrors ?? {}) as Record<string, string>;
    const found = fieldErrorsOf(err, fields);
    const fieldErrors = { ...known, ...found };
    const message =
      Object.keys(found).length > 0 && err.code !== 'invalid_request'
        ? FORM_ERRORS_MESSAGE
        : readableMessage(err, fields);
    return fail(status, { ...extra, fieldErrors, message });
  }
  throw err;
}
