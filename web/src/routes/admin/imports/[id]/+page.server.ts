import { adminApi } from '$lib/server/admin-api';
import { loadImportPage } from '$lib/server/import-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  employerImport: await loadImportPage(event, (caller) => adminApi.employerImport(caller, event.params.id)),
});
