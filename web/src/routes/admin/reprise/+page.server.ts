import { fail, redirect } from '@sveltejs/kit';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ADMIN_ONLY } from '$lib/server/admin-api';
import { callerOf } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import { parcoursImportApi } from '$lib/server/parcours-import-api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['ADMIN'], ADMIN_ONLY);
  try {
    return { imports: await parcoursImportApi.list(callerOf(event)) };
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
      return fail(400, { message: 'Choisissez un fichier CSV à reprendre.' });
    }
    let id: string;
    try {
      id = (await parcoursImportApi.create(callerOf(event), { fileName: file.name, content: await file.text() })).id;
    } catch (err) {
      return apiFailure(err, event, {});
    }
    redirect(303, `/admin/reprise/${id}`);
  },
} satisfies Actions;
