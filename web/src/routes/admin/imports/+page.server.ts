import { adminApi } from '$lib/server/admin-api';
import { importUploadAction, loadImportPage } from '$lib/server/import-pages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  imports: await loadImportPage(event, adminApi.employerImports),
});

export const actions = {
  default: importUploadAction({
    missing: 'Choisissez un fichier CSV à importer.',
    create: adminApi.createEmployerImport,
    path: '/admin/imports',
  }),
} satisfies Actions;
