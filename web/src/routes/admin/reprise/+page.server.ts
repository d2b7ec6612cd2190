import { importUploadAction, loadImportPage } from '$lib/server/import-pages';
import { parcoursImportApi } from '$lib/server/parcours-import-api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  imports: await loadImportPage(event, parcoursImportApi.list),
});

export const actions = {
  default: importUploadAction({
    missing: 'Choisissez un fichier CSV à reprendre.',
    create: parcoursImportApi.create,
    path: '/admin/reprise',
  }),
} satisfies Actions;
