// What the browser journeys share: signing in through /connexion, waiting for hydration,
// reading rendered text, the axe audit (WCAG 2 A/AA, no serious or critical violation) and
// the API's "today". New browser tests import these instead of copying them.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';

export { expectNoSeriousAccessibilityViolation } from './accessibility.ts';

/** With JavaScript, waits for the app to be hydrated: the layout starts DSFR in onMount. */
export async function ready(page: Page): Promise<void> {
  await page.locator('html[data-fr-js="true"]').waitFor({ state: 'attached' });
}

/** Signs a user in through /connexion?redirectTo=…, landing on `path`; a demo user unless `password` says otherwise. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  path: string,
  javaScriptEnabled = true,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/connexion?redirectTo=${encodeURIComponent(path)}`);
  if (javaScriptEnabled) await ready(page);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/** The rendered text of the first match (line breaks as spaces). */
export async function text(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The text content as written (DSFR badges are upper-cased by CSS only). */
export async function content(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The Paris calendar day `days` from now, as YYYY-MM-DD (the API's "today"). */
export function parisDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}
