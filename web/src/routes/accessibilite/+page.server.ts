import { legalDetails } from '$lib/server/legal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ legal: legalDetails() });
