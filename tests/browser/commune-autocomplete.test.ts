// Search from any commune with the autocompletes (docs/rules.md §3), in Chromium: type "Lyo",
// choose Lyon with the keyboard, search, see the results; the same form without JavaScript.
// axe audits at 1280 px and 390 px; screenshots in /tmp for a look.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { seedEmployer } from '../support/registry.ts';

const harness = useBrowserPlatform();
const { url, openPage } = harness;

beforeAll(async () => {
  // Two employers in Lyon (69123's centre is 45.75884, 4.8361), 2 and 6 km east.
  for (const [name, km] of [
    ['Atelier de la Guillotière', 2],
    ['Régie de quartier Lyon Est', 6],
  ] as const) {
    await seedEmployer(
      harness.platform.db,
      {
        name,
        departement: '69',
        commune: '69123',
        at: { latitude: 45.75884, longitude: 4.8361 + km / 77.6 },
        jobs: [{ open: 3, rome: 'N1105' }],
      },
      new Date(),
    );
  }
}, 60_000);

const resultNames = (page: Page) => page.locator('article h3').allInnerTexts();

async function visitor(width: number, javaScriptEnabled = true): Promise<Page> {
  const page = await openPage(javaScriptEnabled);
  await page.setViewportSize({ width, height: 900 });
  return page;
}

describe.each([1280, 390])('at %i px', (width) => {
  test('type "Lyo", choose Lyon with the keyboard, search: employers around Lyon, nearest first', async () => {
    const page = await visitor(width);
    await page.goto(url('/recherche'));
    const field = page.getByRole('combobox', { name: /^Commune/ });
    await field.pressSequentially('Lyo', { delay: 30 });
    const list = page.getByRole('listbox', { name: 'Communes proposées' });
    await list.waitFor();
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    expect(await field.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    await expect.poll(() => page.locator('[aria-live="polite"]').first().innerText()).toMatch(/^8 communes proposées/);
    expect(await list.getByRole('option').first().innerText()).toMatch(/^Lyon \(69\)/);
    await page.screenshot({ path: `/tmp/communes-autocomplete-${width}.png`, fullPage: false });
    await expectNoSeriousAccessibilityViolation(page, `autocomplétion commune ${width} px`);

    await field.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await field.press('Enter');
    expect(await field.inputValue()).toBe('Lyon');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('input[type="hidden"][name="code"]').inputValue()).toBe('69123');

    const rome = page.getByRole('combobox', { name: /^Métier/ });
    await rome.pressSequentially('manut', { delay: 30 });
    await page.getByRole('option', { name: /^N1105/ }).waitFor();
    await rome.press('ArrowDown');
    await rome.press('Escape');
    expect(await rome.getAttribute('aria-expanded')).toBe('false');
    expect(await rome.inputValue()).toBe('manut');
    await rome.press('ArrowDown');
    await rome.press('Enter');
    expect(await rome.inputValue()).toBe('N1105');

    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/recherche\?.*code=69123/);
    expect(await page.getByRole('status').innerText()).toContain('2 employeurs trouvés autour de Lyon (69)');
    expect(await resultNames(page)).toEqual(['Atelier de la Guillotière', 'Régie de quartier Lyon Est']);
    await page.screenshot({ path: `/tmp/communes-results-${width}.png`, fullPage: false });
    await expectNoSeriousAccessibilityViolation(page, `résultats autour de Lyon ${width} px`);
  });
});

test('without JavaScript: a plain text field, the server resolves the name and a job title', async () => {
  const page = await visitor(390, false);
  await page.goto(url('/recherche'));
  expect(await page.locator('input[role="combobox"]').count()).toBe(0);
  await page.getByRole('textbox', { name: /^Commune/ }).fill('lyon');
  await page.getByRole('textbox', { name: /^Métier/ }).fill('manutentionnaire');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\/recherche\?/);
  // "lyon" also names its arrondissements and Lyons-la-Forêt: the server asks which one.
  const question = page.getByRole('group', { name: /Plusieurs communes correspondent à « lyon »/ });
  await question.locator('label', { hasText: /^Lyon \(69\)/ }).click();
  await page.screenshot({ path: '/tmp/communes-nojs-choice-390.png', fullPage: true });
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/code=69123/);
  expect(await page.getByRole('status').innerText()).toContain('2 employeurs trouvés autour de Lyon (69)');
  await page.goto(url('/recherche?commune=&rome=agent&rayon=25'));
  expect(await page.locator('#rome-erreur').innerText()).toMatch(
    /^Plusieurs métiers correspondent à « agent » : A1202 \(Agent \/ Agente d'entretien des espaces naturels\)/,
  );
});
