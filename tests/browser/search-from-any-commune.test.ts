// A search from communes far from the demo départements (docs/rules.md §3): Lyon, Rennes,
// Ajaccio (Corse-du-Sud, 2A) and Saint-Denis of La Réunion (974, whose name it shares with
// Saint-Denis 93) each return the employers seeded near them, nearest first, and not the
// others'. The commune is chosen in the autocomplete (Saint-Denis: the 974 one among the
// homonyms); axe audits the results at 390 px.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { ready } from '../support/journey.ts';
import { seedEmployer } from '../support/registry.ts';

const harness = useBrowserPlatform();
const { url, openPage } = harness;

/** Each commune, its centre (server/registry/data/commune-centres.csv) and the label of its suggestion. */
const COMMUNES = [
  { name: 'Lyon', code: '69123', departement: '69', option: /^Lyon \(69\)/, at: [45.75884, 4.8361] },
  { name: 'Rennes', code: '35238', departement: '35', option: /^Rennes \(35\)/, at: [48.11593, -1.68844] },
  { name: 'Ajaccio', code: '2A004', departement: '2A', option: /^Ajaccio \(2A\)/, at: [41.92274, 8.70583] },
  { name: 'Saint-Denis', code: '97411', departement: '974', option: /^Saint-Denis \(974\)/, at: [-20.94342, 55.4444] },
] as const;

/** A point `km` east of a centre. */
const east = ([latitude, longitude]: readonly [number, number], km: number) => ({
  latitude,
  longitude: longitude + km / (111.32 * Math.cos((latitude * Math.PI) / 180)),
});

beforeAll(async () => {
  for (const commune of COMMUNES) {
    // Seeded farther one first: the order of the results is the distance's, not the insertion's.
    for (const [label, km] of [
      ['loin', 12],
      ['près', 3],
    ] as const) {
      await seedEmployer(
        harness.platform.db,
        {
          name: `Chantier ${label} de ${commune.name}`,
          departement: commune.departement,
          commune: commune.code,
          at: east(commune.at, km),
          jobs: [{ open: 2 }],
        },
        new Date(),
      );
    }
  }
}, 60_000);

const resultNames = (page: Page) => page.locator('article h3').allInnerTexts();

describe('la recherche par distance depuis toute commune', () => {
  for (const commune of COMMUNES) {
    test(`depuis ${commune.name} (${commune.departement}) : les employeurs proches, du plus près au plus loin`, async () => {
      const page = await openPage();
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(url('/recherche'));
      await ready(page);
      const field = page.getByRole('combobox', { name: /^Commune/ });
      await field.pressSequentially(commune.name, { delay: 20 });
      await page.getByRole('option', { name: commune.option }).first().click();
      expect(await page.locator('input[type="hidden"][name="code"]').inputValue()).toBe(commune.code);
      await page.getByLabel('Rayon autour de la commune').selectOption('25');
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.waitForURL(new RegExp(`code=${commune.code}`));

      expect(await page.getByRole('status').innerText()).toContain(
        `2 employeurs trouvés autour de ${commune.name} (${commune.departement})`,
      );
      expect(await resultNames(page)).toEqual([`Chantier près de ${commune.name}`, `Chantier loin de ${commune.name}`]);
      await expectNoSeriousAccessibilityViolation(page, `résultats autour de ${commune.name}`);
    });
  }
});
