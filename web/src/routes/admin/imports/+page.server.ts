import { fail, redirect } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY, adminApi } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return { imports: await adminApi.employerImports(callerOf(event)) };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};

/** The uploaded file arrives as multipart form data (works without JavaScript); its text goes to the API. */
export const actions = {
  default: async (event) => {
    requireRole(event, ['ADMIN'], ADMIN_ONLY);
    const file = (await event.request.formData()).get('fichier');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { message: 'Choisissez un fichier CSV à importer.' });
    }
    let id: string;
    try {
      id = (await adminApi.createEmployerImport(callerOf(event), { fileName: file.name, content: await file.text() }))
        .id;
    } catch (err) {
      return apiFailure(err, event, {});
    }
    redirect(303, `/admin/imports/${id}`);
  },
} satisfies Actions;
