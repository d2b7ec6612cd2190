// Administrators' pages in Chromium against the whole platform: the CSV import of employers
// (upload without JavaScript, progress, line-by-line report; docs/rules.md §3) and the self-prescription
// rollout switch by département (docs/rules.md §10), both linked from /espace, with an axe audit.
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { EMPLOYER_IMPORT_COLUMNS } from '../../domain/employer-import.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { newSiret } from '../support/factories.ts';
import { TEST_ADMIN } from '../support/platform.ts';

const session = useBrowserPlatform();

/** Text content with its white space collapsed, as a reader hears it. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** An administrator's page in its own browser context, signed in and landed on `path`. */
const adminPage = (path: string, javaScriptEnabled: boolean) =>
  session.signedInPage(TEST_ADMIN.email, path, javaScriptEnabled);

describe('administrator pages', () => {
  test('/espace links the import and the rollout pages', async () => {
    const page = await adminPage('/espace', true);
    await expect(page.getByRole('link', { name: "Import d'employeurs" }).getAttribute('href')).resolves.toBe(
      '/admin/imports',
    );
    await expect(
      page.getByRole('link', { name: "Déploiement de l'auto-prescription" }).getAttribute('href'),
    ).resolves.toBe('/admin/deploiement');
  });

  test('uploading a small CSV without JavaScript imports the valid line and reports the other one', async () => {
    const page = await adminPage('/admin/imports', false);
    const siret = newSiret();
    const csv = [
      EMPLOYER_IMPORT_COLUMNS.join(';'),
      `${siret};EI;Atelier du Port;2 quai de la Joliette;13055;13;43.3;5.36;;non`,
      `12345678901234;EI;SIRET faux;;13055;13;43.3;5.36;;non`,
    ].join('\n');
    await page.getByLabel('Fichier CSV des employeurs').setInputFiles({
      name: 'employeurs-13.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Vérifier et importer' }).click();
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Import du fichier employeurs-13.csv',
    );
    // Without JavaScript the page refreshes itself (<meta http-equiv="refresh">) until the import is done.
    // One line refused: finished with a warning that counts it (domain/employer-import.ts importOutcome).
    await page.getByText('Terminé avec des refus', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.locator('main .fr-badge').first().getAttribute('class')).toContain('fr-badge--warning');
    await expect(text(page.getByRole('status'))).resolves.toContain(
      '1 ligne importée sur 1 ligne valide ; 1 ligne sur 2 refusée.',
    );
    const row = page.getByRole('row').filter({ hasText: 'SIRET invalide' });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      '3',
      'SIRET',
      'SIRET invalide (clé de contrôle incorrecte)',
    ]);
    expect(await session.platform.db.organization.findFirst({ where: { siret } })).toMatchObject({
      name: 'Atelier du Port',
    });
  });

  // axe runs in the page: only where JavaScript is on.
  test('the import list and an import report pass axe', async () => {
    const page = await adminPage('/admin/imports', true);
    await expectNoSeriousAccessibilityViolation(page, 'page d’administration 1');
    await page.getByRole('link', { name: 'employeurs-13.csv' }).click();
    await page.getByRole('heading', { name: 'Import du fichier employeurs-13.csv' }).waitFor();
    await expectNoSeriousAccessibilityViolation(page, 'page d’administration 2');
  });

  test('the rollout page switches a département without JavaScript and says who changed it last', async () => {
    const page = await adminPage('/admin/deploiement', false);
    const ain = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ain (01)' }) });
    await expect(ain.getByRole('cell').nth(1).textContent()).resolves.toContain('Aucun');
    await ain.getByRole('button', { name: "Ouvrir l'auto-prescription : Ain" }).click();
    // The confirmation step says what the switch does; nothing changes before « Confirmer ».
    await page.getByRole('heading', { name: "Changer l'ouverture de l'auto-prescription ?" }).waitFor();
    await expect(text(page.locator('main .confirmation .fr-callout'))).resolves.toContain(
      "L'auto-prescription sera ouverte dans le département Ain (01)",
    );
    expect(
      (await session.platform.db.departementSetting.findUnique({ where: { code: '01' } }))?.selfPrescriptionEnabled ??
        false,
    ).toBe(false);
    await page.getByRole('button', { name: 'Confirmer le changement' }).click();
    await page.getByText('Auto-prescription ouverte : Ain (01).').waitFor();
    await expect(ain.getByRole('cell').first().textContent()).resolves.toContain('Ouverte');
    await expect(text(ain.getByRole('cell').nth(1))).resolves.toMatch(/^Ouverte le .+ par Admin Plateforme$/);
    expect(await session.platform.db.departementSetting.findUnique({ where: { code: '01' } })).toMatchObject({
      selfPrescriptionEnabled: true,
    });
  });

  test('with JavaScript, the switch updates the row in place; the page passes axe', async () => {
    const page = await adminPage('/admin/deploiement', true);
    const ain = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ain (01)' }) });
    await ain.getByRole('button', { name: "Fermer l'auto-prescription : Ain" }).click();
    // The DSFR modal asks first.
    await page.getByRole('dialog', { name: "Changer l'ouverture de l'auto-prescription ?" }).waitFor();
    await page.getByRole('button', { name: 'Confirmer le changement' }).click();
    await page.getByText('Auto-prescription fermée : Ain (01).').waitFor();
    await ain.getByRole('button', { name: "Ouvrir l'auto-prescription : Ain" }).waitFor();
    await expectNoSeriousAccessibilityViolation(page, 'page d’administration 3');
  });
});
