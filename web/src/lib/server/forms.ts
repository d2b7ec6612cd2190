// Helpers of the form actions: read text fields, turn API refusals into `fail` answers.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/redirect';
import { ApiError } from './api';

/** A text field, trimmed ('' when absent). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The API's French refusal (400, 403, 404, 409, 422…) as a form failure carrying `message`
 * and the given extra data; sign in again on 401; unexpected errors are rethrown.
 */
export function apiFailure<T extends Record<string, unknown>>(
  err: unknown,
  event: Pick<RequestEvent, 'url'>,
  extra: T,
) {
  if (err instanceof ApiError) {
    if (err.status === 401) redirect(303, loginUrl(event.url.pathname + event.url.search));
    const status = err.status >= 500 ? 503 : err.status;
    return fail(status, { ...extra, message: err.message });
  }
  throw err;
}
