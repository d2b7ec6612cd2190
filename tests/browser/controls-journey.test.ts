// A control a posteriori in Chromium against the whole platform (docs/rules.md §8, decisions 017
// and 018), through the pages only, on the demo data (the demo ACI's self-prescribed hires of the
// previous half-year): the DDETS opens a campaign and chooses its ratio (the draw happens, its
// seed shown); the SIAE chooses a criterion per hire, uploads a PDF and submits; the DDETS refuses
// one proof (adversarial phase); the SIAE uploads again; the DDETS refuses again and decides a
// permanent revocation starting in two months; the right workflow records it: the SIAE sees the
// "scheduled" banner, the prefecture finds it in its list and learns why it cannot lift it yet.
// Axe audit (WCAG 2 A/AA) on every page at 1280 px; key pages at 390 px with no horizontal scroll.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoControlPeriod } from '../../scripts/seed/demo-data.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';
import { formatDate } from '../../web/src/lib/format.ts';

const DDETS_EMAIL = 'ddets@demo.inclusion.localhost';
const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const PREFECTURE_EMAIL = 'prefecture@demo.inclusion.localhost';
const EMPLOYER_NAME = 'Jardins de Cocagne de Bobigny';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;

const SHOTS = new URL('../../.tools/screenshots/', import.meta.url);

/** Axe at 1280 px; at 390 px, no horizontal scroll (and screenshots of both widths when named). */
async function check(page: Page, name: string, { narrow = false, shot = '' } = {}) {
  await ready(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoSeriousAccessibilityViolation(page, name);
  if (shot) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL(`${shot}-1280.png`, SHOTS).pathname, fullPage: true });
  }
  if (narrow || shot) {
    await page.setViewportSize({ width: 390, height: 900 });
    // The page's overflow, and the outermost elements of <main> sticking out (to name in a failure).
    const overflow = (await page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      const out = (e) => e.getBoundingClientRect().right > width + 1;
      const wide = [...document.querySelectorAll('main *')]
        .filter((e) => out(e) && !(e.parentElement && out(e.parentElement)))
        .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
      return { by: document.documentElement.scrollWidth - width, wide };
    })()`)) as { by: number; wide: string[] };
    expect(overflow.by, `${name}: horizontal scroll at 390 px (${overflow.wide.join(', ')})`).toBeLessThanOrEqual(0);
    if (shot) await page.screenshot({ path: new URL(`${shot}-390.png`, SHOTS).pathname, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Reloads until `selector` shows up: a workflow's projection lands a moment after the post. */
async function reloadUntil(page: Page, selector: string, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if ((await page.locator(selector).count()) > 0) return;
    if (Date.now() > until) throw new Error(`${selector} never showed on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.reload();
  }
}

async function success(page: Page): Promise<string> {
  return text(page, 'main .fr-alert--success');
}

describe('contrôle a posteriori', () => {
  test('DDETS → SIAE → DDETS → SIAE → DDETS → préfecture, accessible à chaque page', async () => {
    const period = demoControlPeriod(parisDay());
    const revocationStart = parisDay(62);

    // The DDETS opens the campaign of the previous half-year and chooses its ratio.
    const ddets = await openPage();
    await signIn(ddets, DDETS_EMAIL, '/espace');
    await check(ddets, '/espace (DDETS)');
    await ddets.locator('main').getByRole('link', { name: 'Contrôles a posteriori' }).click();
    await ddets.waitForURL(url('/ddets/campagnes'));
    await check(ddets, '/ddets/campagnes', { narrow: true });
    await ddets.getByLabel('Début de la période contrôlée').fill(period.start);
    await ddets.getByLabel('Fin de la période contrôlée (incluse)').fill(period.end);
    await ddets.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await ddets.waitForURL(/\/ddets\/campagnes\/[0-9a-f-]{36}$/);
    const campaignUrl = ddets.url();
    await check(ddets, '/ddets/campagnes/[id] (ouverte)');
    await ddets.getByLabel('Taux de sélection (%)').fill('20');
    await ddets.getByRole('button', { name: 'Enregistrer le taux et lancer le tirage' }).click();
    expect(await success(ddets)).toContain('Taux de 20 % enregistré');
    await reloadUntil(ddets, `main table a:has-text("${EMPLOYER_NAME}")`);
    expect(await text(ddets, 'main')).toMatch(/graine \d+/);
    expect(await text(ddets, 'main')).toContain('1 structure(s) tirée(s) sur 1 éligible(s)');
    await check(ddets, '/ddets/campagnes/[id] (tirage)', { narrow: true });
    await ddets.getByRole('link', { name: EMPLOYER_NAME }).click();
    await ddets.waitForURL(/\/ddets\/controles\/[0-9a-f-]{36}$/);
    const controlPath = new URL(ddets.url()).pathname;
    const controlId = controlPath.split('/').pop()!;
    await check(ddets, '/ddets/controles/[id] (justificatifs attendus)');

    // The SIAE chooses RSA for each hire of the sample, uploads a PDF for each, and submits.
    const siae = await openPage();
    await signIn(siae, EMPLOYER_EMAIL, '/espace');
    await check(siae, '/espace (SIAE)');
    await siae.locator('main').getByRole('link', { name: 'Contrôles a posteriori' }).click();
    await siae.waitForURL(url('/structure/controles'));
    await check(siae, '/structure/controles');
    await siae.getByRole('link', { name: 'Contrôle de campagne' }).click();
    await siae.waitForURL(url(`/structure/controles/${controlId}`));
    await check(siae, '/structure/controles/[id] (critères)', { shot: 'siae-controle-criteres' });
    const hires = await siae.locator('main section').count();
    expect(hires).toBe(2);
    for (let i = 0; i < hires; i++) {
      await siae.locator(`label[for="c-${i}-RSA"]`).click();
      await siae.locator('main section').nth(i).getByRole('button', { name: 'Enregistrer les critères' }).click();
      expect(await success(siae)).toContain('Critères enregistrés');
    }
    await check(siae, '/structure/controles/[id] (dépôt)', { shot: 'siae-controle-depot' });
    for (let i = 0; i < hires; i++) {
      await siae.locator(`#f-${i}-RSA`).setInputFiles({
        name: `attestation-rsa-${i + 1}.pdf`,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await siae.locator('main section').nth(i).getByRole('button', { name: 'Déposer le justificatif' }).click();
      expect(await success(siae)).toContain('Justificatif déposé');
    }
    await check(siae, '/structure/controles/[id] (déposés)');
    await siae.locator('label[for="confirmation"]').click();
    await siae.getByRole('button', { name: 'Transmettre à la DDETS' }).click();
    expect(await success(siae)).toContain('Justificatifs transmis');
    await check(siae, '/structure/controles/[id] (transmis)');

    // The DDETS refuses the first proof with a comment and accepts the second.
    await ddets.goto(url(controlPath));
    await reloadUntil(ddets, 'main button:has-text("Refuser")');
    await check(ddets, '/ddets/controles/[id] (examen)', { shot: 'ddets-examen' });
    const first = ddets.locator('main section').nth(0);
    await first.getByLabel('Commentaire').fill("L'attestation ne porte pas le nom de la personne.");
    await first.getByRole('button', { name: 'Refuser' }).click();
    expect(await success(ddets)).toContain('Justificatif refusé');
    await ddets.locator('main section').nth(1).getByRole('button', { name: 'Valider' }).click();
    expect(await success(ddets)).toContain('Justificatif validé');
    await reloadUntil(ddets, 'main p:has-text("Phase contradictoire")');
    await check(ddets, '/ddets/controles/[id] (phase contradictoire)');

    // Adversarial phase: the SIAE reads the comment, uploads another proof, submits again.
    await siae.reload();
    await reloadUntil(siae, '#f-0-RSA');
    expect(await text(siae, 'main section')).toContain('ne porte pas le nom');
    await check(siae, '/structure/controles/[id] (phase contradictoire)', { narrow: true });
    await siae
      .locator('#f-0-RSA')
      .setInputFiles({ name: 'attestation-rsa.pdf', mimeType: 'application/pdf', buffer: PDF });
    await siae.locator('main section').nth(0).getByRole('button', { name: 'Remplacer le justificatif' }).click();
    expect(await success(siae)).toContain('Justificatif déposé');
    await siae.locator('label[for="confirmation"]').click();
    await siae.getByRole('button', { name: 'Transmettre à la DDETS' }).click();
    expect(await success(siae)).toContain('Justificatifs transmis');

    // The DDETS refuses again, then decides a permanent revocation starting in two months.
    await ddets.goto(url(controlPath));
    await reloadUntil(ddets, 'main button:has-text("Refuser")');
    await ddets.locator('main section').nth(0).getByLabel('Commentaire').fill('Toujours pas de justificatif valable.');
    await ddets.locator('main section').nth(0).getByRole('button', { name: 'Refuser' }).click();
    expect(await success(ddets)).toContain('Justificatif refusé');
    await reloadUntil(ddets, 'main button:has-text("Notifier la décision")');
    await check(ddets, '/ddets/controles/[id] (décision)', { shot: 'ddets-decision' });
    await ddets.getByLabel('Motif du refus').selectOption('invalid_proof');
    await ddets.locator('label[for="s-permanent_revocation"]').click();
    await ddets.getByLabel('Début du retrait').fill(revocationStart);
    await ddets.getByRole('button', { name: 'Notifier la décision' }).click();
    expect(await success(ddets)).toContain('Décision enregistrée');
    await check(ddets, '/ddets/controles/[id] (décidé)');

    // The right workflow records the scheduled revocation: the SIAE's banner.
    await siae.goto(url('/espace'));
    await reloadUntil(siae, 'main .fr-alert--info:has-text("Retrait prévu")');
    expect(await text(siae, 'main .fr-alert--info')).toContain(`À partir du ${formatDate(revocationStart)}`);
    await check(siae, '/espace (retrait prévu)', { narrow: true });

    // The prefecture sees it, and why it cannot lift it before it starts (decision 017).
    const prefecture = await openPage();
    await signIn(prefecture, PREFECTURE_EMAIL, '/prefecture/auto-prescription');
    expect(await text(prefecture, 'main table')).toContain(EMPLOYER_NAME);
    expect(await text(prefecture, 'main table')).toContain('Retrait prévu (définitif)');
    await check(prefecture, '/prefecture/auto-prescription (retrait prévu)', { shot: 'prefecture-retrait-prevu' });
    await prefecture.getByRole('link', { name: `Voir le retrait prévu de ${EMPLOYER_NAME}` }).click();
    await prefecture.waitForURL(/\/prefecture\/auto-prescription\/[0-9a-f-]{36}$/);
    expect(await text(prefecture, 'main')).toContain('ne pourra être rétabli');
    expect(await prefecture.getByRole('button', { name: 'Rétablir le droit' }).count()).toBe(0);
    await check(prefecture, '/prefecture/auto-prescription/[id] (retrait prévu)', { narrow: true });

    expect(campaignUrl).toContain('/ddets/campagnes/');
  }, 240_000);

  test('contrôle inopiné : la DDETS choisit une SIAE du département, confirme, et le contrôle s’ouvre', async () => {
    const ddets = await openPage();
    await signIn(ddets, DDETS_EMAIL, '/ddets/campagnes');
    await ddets.getByLabel('Structure à contrôler').selectOption({ label: `${EMPLOYER_NAME} (ACI)` });
    await ddets.locator('label[for="controle-confirmation"]').click(); // DSFR draws the box on the label
    await ddets.getByRole('button', { name: 'Lancer le contrôle inopiné' }).click();
    await ddets.waitForURL(/\/ddets\/controles\/[0-9a-f-]{36}$/);
    expect(await text(ddets, 'main')).toContain(EMPLOYER_NAME);
    await check(ddets, '/ddets/controles/[id] (contrôle inopiné)', { narrow: true });
  }, 120_000);
});
