// The operator's details shown on the legal pages: they depend on the deployment, so they come
// from the configuration; an unset one is shown as a placeholder naming its variable.
import { env } from '$env/dynamic/private';

export const LEGAL_SETTINGS = {
  publisher: 'LEGAL_PUBLISHER',
  publicationDirector: 'LEGAL_PUBLICATION_DIRECTOR',
  host: 'LEGAL_HOST',
  contactEmail: 'LEGAL_CONTACT_EMAIL',
} as const;

export type LegalSetting = keyof typeof LEGAL_SETTINGS;

/** Each detail: its configured value, or `null` (the page then names the variable to set). */
export function legalDetails(): Record<LegalSetting, { value: string | null; variable: string }> {
  return Object.fromEntries(
    Object.entries(LEGAL_SETTINGS).map(([key, variable]) => {
      const value = env[variable]?.trim();
      return [key, { value: value ? value : null, variable }];
    }),
  ) as Record<LegalSetting, { value: string | null; variable: string }>;
}
