// The take-over page (/admin/reprise, docs/decisions/025-take-over-import.md) in Chromium against the
// whole platform: linked from /espace; a small generated file uploaded without JavaScript, the
// progress page refreshing itself until done, the refused line in the report; axe on both
// pages; no horizontal scroll at 1280 and 390 px (screenshots for review).
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { today as clockToday } from '../../domain/clock.ts';
import { generateEmployers, generateParcoursFile } from '../../scripts/generate/parcours-file.ts';
import { systemClock } from '../../server/clock.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { TEST_ADMIN } from '../support/platform.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/inclusion-screenshots';
const session = useBrowserPlatform({ seed: false });

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** An administrator's page in its own browser context, signed in and landed on `path`. */
const adminPage = (path: string, javaScriptEnabled: boolean) =>
  session.signedInPage(TEST_ADMIN.email, path, javaScriptEnabled);

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

describe('take-over page', () => {
  test('/espace links it; a file uploaded without JavaScript is taken over, the page refreshes until done', async () => {
    const espace = await adminPage('/espace', false);
    await expect(
      espace.getByRole('link', { name: 'Reprise des PASS IAE en cours' }).getAttribute('href'),
    ).resolves.toBe('/admin/reprise');

    const employers = generateEmployers(2, 77);
    await session.platform.db.organization.createMany({
      data: employers.map((e) => ({
        type: 'EMPLOYER' as const,
        name: e.name,
        siret: e.siret,
        employerKind: e.kind,
        departement: e.departement,
        createdAt: systemClock.now(),
      })),
    });
    const today = clockToday(systemClock);
    const first = 7_000_000 + Math.floor(Math.random() * 2_000_000);
    const file = generateParcoursFile({ count: 6, today, seed: 5, firstSequence: first, employers });
    const csv = `${file.csv.trim()}\n999990000001;Sans;Dates;1980-01-01;;;;;;;${employers[0]!.siret};${employers[0]!.kind}\n`;

    const page = await adminPage('/admin/reprise', false);
    await page.getByLabel('Fichier CSV des PASS IAE en cours').setInputFiles({
      name: 'reprise-93.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Vérifier et reprendre' }).click();
    await page.waitForURL(/\/admin\/reprise\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Reprise du fichier reprise-93.csv',
    );
    // One line refused: done, with refusals (domain/employer-import.ts importOutcome).
    await page.getByText('Terminé avec des refus', { exact: true }).waitFor({ timeout: 60_000 });
    await expect(text(page.getByRole('status'))).resolves.toContain('6 lignes traitées sur 6 (100 %)');
    await expect(text(page.getByText('Parcours démarrés par cette reprise'))).resolves.toBe(
      'Parcours démarrés par cette reprise : 6',
    );
    const row = page.getByRole('row').filter({ hasText: 'la date de début est obligatoire' });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      '8',
      'Début',
      'la date de début est obligatoire (AAAA-MM-JJ)',
    ]);
    expect(await session.platform.db.pass.count()).toBe(6);
  });

  test('the list and a report pass axe and fit 1280 and 390 px', async () => {
    const page = await adminPage('/admin/reprise', true);
    await expectNoSeriousAccessibilityViolation(page, 'reprise 1');
    await expectFitsWidths(page, 'reprise-liste');
    await page.getByRole('link', { name: 'reprise-93.csv' }).click();
    await page.getByRole('heading', { name: 'Reprise du fichier reprise-93.csv' }).waitFor();
    await expectNoSeriousAccessibilityViolation(page, 'reprise 2');
    await expectFitsWidths(page, 'reprise-rapport');
  });
});
