import { loadImportPage } from '$lib/server/import-pages';
import { parcoursImportApi } from '$lib/server/parcours-import-api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  parcoursImport: await loadImportPage(event, (caller) => parcoursImportApi.get(caller, event.params.id)),
});
