// The server side of the administrators' import pages — employers (docs/rules.md §3) and the
// take-over of running PASS IAE (docs/decisions/025-take-over-import.md): what a page loads from
// the API, and the upload of a file.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from './access';
import { ADMIN_ONLY } from './admin-api';
import { callerOf, type Caller } from './api';
import { apiFailure } from './forms';

/** What an import page shows, read by the administrator; the page the API's error calls for otherwise. */
export async function loadImportPage<T>(event: RequestEvent, read: (caller: Caller) => Promise<T>): Promise<T> {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return await read(callerOf(event));
  } catch (err) {
    pageErrorFrom(err, event);
  }
}

/**
 * The upload action: the file arrives as multipart form data (works without JavaScript); its text
 * goes to the API, then the page follows the import at `{path}/{id}`.
 */
export function importUploadAction(upload: {
  /** Said when no file, or an empty one, was sent. */
  missing: string;
  create: (caller: Caller, body: { fileName: string; content: string }) => Promise<{ id: string }>;
  path: string;
}) {
  return async (event: RequestEvent) => {
    requireRole(event, ['ADMIN'], ADMIN_ONLY);
    const file = (await event.request.formData()).get('fichier');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { message: upload.missing });
    }
    let id: string;
    try {
      id = (await upload.create(callerOf(event), { fileName: file.name, content: await file.text() })).id;
    } catch (err) {
      return apiFailure(err, event, {});
    }
    redirect(303, `${upload.path}/${id}`);
  };
}
