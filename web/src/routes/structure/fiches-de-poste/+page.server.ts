import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { jobDescriptionApi } from '$lib/server/job-description-api';
import { EMPLOYERS_ONLY } from '$lib/server/job-description-form';
import type { PageServerLoad } from './$types';

/** What the pages of this folder redirect here with (`?succes=…`), said after the redirection. */
const SUCCESS_MESSAGES: Record<string, string> = {
  creee: 'La fiche de poste est créée, le recrutement est ouvert.',
  enregistree: 'La fiche de poste est enregistrée.',
  fermee: 'Le recrutement est fermé pour cette fiche de poste.',
  ouverte: 'Le recrutement est rouvert pour cette fiche de poste.',
};

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['EMPLOYER_STAFF'], EMPLOYERS_ONLY);
  try {
    const jobDescriptions = await jobDescriptionApi.list(callerOf(event), user.membership.organization.id);
    const success = SUCCESS_MESSAGES[event.url.searchParams.get('succes') ?? ''] ?? null;
    return { jobDescriptions, success, employerName: user.membership.organization.name };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};
