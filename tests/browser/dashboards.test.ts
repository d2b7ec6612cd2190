// Dashboards and the audit log in Chromium against the whole platform (docs/rules.md §9): a DDETS
// sees its département's dashboard and downloads the CSV, a DREETS its région (scope chooser
// without JavaScript), a prefecture agent reads its département's audit log; axe on each page,
// no horizontal scroll at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';

const DDETS_EMAIL = 'ddets@demo.inclusion.localhost';
const DREETS_EMAIL = 'dreets@demo.inclusion.localhost';
const PREFECTURE_EMAIL = 'prefecture@demo.inclusion.localhost';
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/inclusion-screenshots';

const { url, openPage, signIn } = useBrowserPlatform();

/** No horizontal scroll at desktop and phone widths; a screenshot of each for review. */
async function expectFitsWidths(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow, `${name} à ${width} px : défilement horizontal`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('dashboards and audit log', () => {
  test('a DDETS reaches its département dashboard from /espace and downloads the CSV', async () => {
    const page = await openPage();
    await signIn(page, DDETS_EMAIL, '/espace');
    await page.locator('main').getByRole('link', { name: 'Tableaux de bord' }).click();
    await page.waitForURL(url('/tableaux-de-bord'));
    await expect(page.getByText('Seine-Saint-Denis (93), au').isVisible()).resolves.toBe(true);
    // No scope chooser: the DDETS's scope is locked.
    await expect(page.getByLabel('Périmètre').count()).resolves.toBe(0);
    await expect(page.getByRole('img', { name: /Embauches par mois/ }).count()).resolves.toBe(1);
    await page.getByText('Afficher les données en tableau').first().click();
    await expect(
      page
        .getByRole('table', { name: /Embauches par mois/ })
        .getByRole('row')
        .count(),
    ).resolves.toBe(13);
    await expectNoSeriousAccessibilityViolation(page, '/tableaux-de-bord (DDETS)');
    await expectFitsWidths(page, 'tableaux-de-bord-ddets');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger tous les indicateurs (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^indicateurs-departement-93-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toBe('Périmètre,Indicateur,Détail,Valeur');
    expect(csv).toContain('Seine-Saint-Denis (93),Personnes en parcours (PASS IAE valide)');

    // Another département is refused.
    const other = await page.goto(url('/tableaux-de-bord?perimetre=departement:13'));
    expect(other?.status()).toBe(403);
  });

  test('a DREETS sees its région and chooses one of its départements without JavaScript', async () => {
    const page = await openPage(false);
    await signIn(page, DREETS_EMAIL, '/tableaux-de-bord', false);
    await expect(page.getByText('Région Île-de-France, au').isVisible()).resolves.toBe(true);
    await page.getByLabel('Périmètre').selectOption('departement:93');
    await page.getByRole('button', { name: 'Afficher ce périmètre' }).click();
    await page.waitForURL(/perimetre=departement%3A93/);
    await expect(page.getByText('Seine-Saint-Denis (93), au').isVisible()).resolves.toBe(true);
    const outside = await page.goto(url('/tableaux-de-bord?perimetre=departement:13'));
    expect(outside?.status()).toBe(403);
    // axe and the layout checks run scripts in the page: a page with JavaScript.
    const withJs = await openPage();
    await signIn(withJs, DREETS_EMAIL, '/tableaux-de-bord');
    await expect(withJs.getByText('Région Île-de-France, au').isVisible()).resolves.toBe(true);
    await expectNoSeriousAccessibilityViolation(withJs, '/tableaux-de-bord (DREETS)');
    await expectFitsWidths(withJs, 'tableaux-de-bord-dreets');
  });

  test("a prefecture agent reads its département's audit log, filters it without JavaScript, and the read is logged", async () => {
    const page = await openPage(false);
    await signIn(page, PREFECTURE_EMAIL, '/espace', false);
    await page.locator('main').getByRole('link', { name: "Journal d'audit" }).click();
    await page.waitForURL(url('/journal'));
    expect(pathOf(page)).toBe('/journal');
    // The first visit is itself in the log: filter on it.
    await page.getByLabel("Type d'objet").fill('AuditLog');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/entityType=AuditLog/);
    const row = page.getByRole('row').filter({ hasText: 'audit.read' }).first();
    await expect(row.textContent()).resolves.toContain('Hélène Dubois');
    await expect(row.textContent()).resolves.toContain('Préfecture Seine-Saint-Denis');
    await expect(page.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href')).resolves.toBe(
      '/journal/export.csv?entityType=AuditLog',
    );
    const withJs = await openPage();
    await signIn(withJs, PREFECTURE_EMAIL, '/journal?entityType=AuditLog');
    await expectNoSeriousAccessibilityViolation(withJs, '/journal (préfecture)');
    await expectFitsWidths(withJs, 'journal-prefecture');

    const csv = await page.request.get(url('/journal/export.csv?entityType=AuditLog'));
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain("Date,Action,Type d'objet");
    const refused = await page.goto(url('/admin/journal'));
    expect(refused?.status()).toBe(403);
  });
});
