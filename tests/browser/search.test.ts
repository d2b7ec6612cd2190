// Public registry search in Chromium against the whole platform and the demo data (docs/rules.md §3):
// a visitor without an account searches around a commune typed by name, picks one commune
// when the name matches several, narrows by ROME code and open positions, pages through, opens
// an employer's page — with JavaScript and without. axe audits (WCAG 2 A/AA) of the pages.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ web: true, seed: true }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await browser?.close();
  await platform?.stop();
}, 60_000);

const url = (path: string) => `${platform.baseUrl}${path}`;

async function visitor(javaScriptEnabled = true): Promise<Page> {
  const page = await newPage(browser, { javaScriptEnabled });
  pages.push(page);
  return page;
}

/** Types into an autocomplete and, with scripts, closes its suggestions with Escape (decision 016). */
async function fillAndClose(field: Locator, text: string, javaScriptEnabled: boolean) {
  await field.fill(text);
  if (!javaScriptEnabled) return;
  await field.page().getByRole('listbox').first().waitFor();
  await field.press('Escape');
}

const resultNames = (page: Page) => page.locator('article h3').allInnerTexts();
const status = async (page: Page) => (await page.getByRole('status').innerText()).replace(/\s+/g, ' ').trim();

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('public search %s', (_label, javaScriptEnabled) => {
  test('around a commune typed by name: results by fair order, distance, count announced; then the employer page', async () => {
    const page = await visitor(javaScriptEnabled);
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Rechercher un employeur inclusif' }).click();
    await page.waitForURL(url('/recherche'));
    await page.getByRole(javaScriptEnabled ? 'combobox' : 'textbox', { name: /^Commune/ }).fill('Bobigny');
    await page.getByLabel('Rayon autour de la commune').selectOption('10');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/recherche\?/);

    expect(await status(page)).toBe('3 employeurs trouvés autour de Bobigny (93), dans un rayon de 10 km.');
    // Same ratio (no application yet): the nearest first.
    expect(await resultNames(page)).toEqual([
      'Jardins de Cocagne de Bobigny',
      'Association Intermédiaire Plaine Services',
      'Recyclerie du Canal',
    ]);
    const first = page.locator('article').first();
    // (innerText would give the badge's CSS capitals.)
    expect(await first.textContent()).toContain('10 postes ouverts');
    expect(await first.innerText()).toContain('Maraîcher / Maraîchère');
    expect(await page.locator('article').nth(1).innerText()).toMatch(/Montreuil \(93\), à 4,9 km/);
    // axe runs inside the page: only where scripts may run.
    if (javaScriptEnabled) await expectNoSeriousAccessibilityViolation(page, 'recherche avec résultats');

    await page.getByRole('link', { name: 'Recyclerie du Canal' }).click();
    await page.waitForURL(/\/employeurs\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Recyclerie du Canal');
    const table = await page.locator('table').innerText();
    expect(table).toContain('Valoriste');
    expect(table).toContain('K2304');
    expect(await page.locator('.fr-badges-group').textContent()).toContain('Certifié');
    if (javaScriptEnabled) await expectNoSeriousAccessibilityViolation(page, 'page employeur');
  });

  test('a name shared by several communes asks which one; ROME code and open positions narrow the search', async () => {
    const page = await visitor(javaScriptEnabled);
    await page.goto(url('/recherche'));
    const commune = page.getByRole(javaScriptEnabled ? 'combobox' : 'textbox', { name: /^Commune/ });
    await fillAndClose(commune, 'Saint-Denis', javaScriptEnabled);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/recherche\?/);
    const question = page.getByRole('group', { name: /Plusieurs communes correspondent à « Saint-Denis »/ });
    await question.waitFor();
    expect(await page.getByRole('status').count()).toBe(0);
    // DSFR draws the radio on its label: click the label, as a person does.
    await question.locator('label', { hasText: /Saint-Denis \(93\)/ }).click();
    expect(await question.getByLabel(/Saint-Denis \(93\)/).isChecked()).toBe(true);
    await fillAndClose(page.getByLabel('Métier (code ROME)'), 'k2304', javaScriptEnabled);
    await page.locator('label[for="ouverts"]').click();
    expect(await page.getByLabel('Seulement les employeurs qui recrutent en ce moment').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/rome=k2304/);
    expect(await status(page)).toBe('1 employeur trouvé autour de Saint-Denis (93), dans un rayon de 25 km.');
    expect(await resultNames(page)).toEqual(['Recyclerie du Canal']);
    expect(await page.locator('article li').allInnerTexts()).toContainEqual(expect.stringContaining('Valoriste'));
  });
});

test('an unknown commune and a malformed ROME code are told in French next to their field', async () => {
  const page = await visitor();
  await page.goto(url('/recherche?commune=Zzyzx&rome=&rayon=25'));
  expect(await page.locator('#commune-erreur').innerText()).toBe('Aucune commune ne correspond à « Zzyzx ».');
  await page.goto(url('/recherche?commune=&rome=12345&rayon=25'));
  expect(await page.locator('#rome-erreur').innerText()).toMatch(/^Code ROME invalide/);
  expect(await page.getByRole('alert').innerText()).toContain('Code ROME');
  await expectNoSeriousAccessibilityViolation(page, 'recherche en erreur');
});

test('pages: 20 results a page, links to the next ones, no employer twice', async () => {
  const page = await visitor(false);
  const kinds = ['EI', 'ACI', 'AI'] as const;
  await platform.db.organization.createMany({
    data: Array.from({ length: 25 }, (_, index) => ({
      type: 'EMPLOYER' as const,
      createdAt: new Date(),
      name: `Employeur paginé ${String(index + 1).padStart(2, '0')}`,
      departement: '2A',
      employerKind: kinds[index % 3],
    })),
  });
  await page.goto(url('/recherche?departement=2A'));
  expect(await status(page)).toBe('25 employeurs trouvés. Page 1 sur 2.');
  const first = await resultNames(page);
  expect(first).toHaveLength(20);
  await page.getByRole('link', { name: 'Page suivante' }).click();
  await page.waitForURL(/page=2/);
  const second = await resultNames(page);
  expect(second).toHaveLength(5);
  expect(new Set([...first, ...second]).size).toBe(25);
  expect(await page.getByRole('link', { name: 'Page précédente' }).getAttribute('href')).toContain('page=1');
});
