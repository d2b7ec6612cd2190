// The steps of an application in the browser that several journeys take (docs/rules.md §4):
// registering and diagnosing a person, hiring from an application's page, reading its state.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ready } from './journey.ts';

export const PERSON_PAGE = /\/personnes\/[0-9a-f-]{36}\?(inscription|diagnostic)=ok$/;
export const SENT_PAGE = /\/candidatures\/[0-9a-f-]{36}\?envoi=ok$/;

/** The state badge under an application's title (data-etat is the API's state). */
export const stateOf = (page: Page) => page.locator('main h1 + [data-etat]').getAttribute('data-etat');

/** Registers a person from /personnes/nouvelle, then records a diagnosis with `criteria`: her id. */
export async function registerAndDiagnose(
  page: Page,
  baseUrl: string,
  person: { firstName: string; lastName: string; birthDate: string },
  criteria: string[],
): Promise<string> {
  await page.goto(`${baseUrl}/personnes/nouvelle`);
  await ready(page);
  await page.getByLabel('Prénom').fill(person.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(person.lastName);
  await page.getByLabel('Date de naissance').fill(person.birthDate);
  await page.getByRole('button', { name: 'Inscrire la personne' }).click();
  await page.waitForURL(PERSON_PAGE);
  await ready(page);
  const personId = new URL(page.url()).pathname.split('/').at(-1)!;
  for (const criterion of criteria) {
    await page.locator(`label[for="critere-${criterion}"]`).click();
    expect(await page.locator(`#critere-${criterion}`).isChecked()).toBe(true);
  }
  await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
  await page.waitForURL(`${baseUrl}/personnes/${personId}?diagnostic=ok`);
  await page.locator('main li.diagnostic').waitFor();
  return personId;
}

/**
 * Confirms an irreversible action: in its DSFR modal with JavaScript, on its confirmation step
 * without — the visible button of that label either way (docs/rules.md §11).
 */
export async function confirmAction(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** Hires from an application's page with the start date given, and confirms the hire. */
export async function hire(page: Page, fullName: string, start: string): Promise<void> {
  await page.getByLabel('Date de début du contrat').fill(start);
  await page.getByRole('button', { name: `Embaucher ${fullName}` }).click();
  await confirmAction(page, "Confirmer l'embauche");
}
