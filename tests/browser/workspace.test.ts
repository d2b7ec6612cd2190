// The caseworker's workspace in Chromium (docs/rules.md §2, §4, §5, §9), at 1280 and 390 px: a
// prescriber finds a person among 50 by name, opens their page, sees their applications and
// PASS IAE, and applies with the person already chosen; the main navigation is there, and no
// page of the workspace scrolls sideways on a phone. axe audits every page (WCAG 2 A/AA).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { personIdentityKey } from '../../domain/persons.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';

const web = useBrowserPlatform();
const PRESCRIBER = 'prescripteur@demo.inclusion.localhost';
let personId: string;
let employerId: string;

/** Letters only: names hold no digits. */
const suffix = (n: number) => String.fromCharCode(97 + Math.floor(n / 26), 97 + (n % 26));

beforeAll(async () => {
  const db = web.platform.db;
  const prescriber = await db.organization.findFirstOrThrow({ where: { name: 'France Travail Bobigny' } });
  const employer = await db.organization.findFirstOrThrow({ where: { name: 'Jardins de Cocagne de Bobigny' } });
  employerId = employer.id;
  const create = async (firstName: string, lastName: string, n: number) => {
    const birthDate = `1980-0${1 + (n % 9)}-1${n % 10}`;
    return (
      await db.person.create({
        data: {
          firstName,
          lastName,
          birthDate,
          identityKey: personIdentityKey({ firstName, lastName, birthDate }),
          createdByOrganizationId: prescriber.id,
          createdAt: new Date(),
        },
      })
    ).id;
  };
  for (let n = 0; n < 49; n++) await create(`Prénom${suffix(n)}`, `Suivi${suffix(n)}`, n);
  personId = await create('Ninon', 'Lachaise-Tardieu', 49);
  const sender = await db.user.findUniqueOrThrow({ where: { email: PRESCRIBER } });
  await db.application.create({
    data: {
      id: randomUUID(),
      personId,
      employerId: employer.id,
      senderOrganizationId: prescriber.id,
      senderUserId: sender.id,
      senderKind: 'AUTHORIZED_PRESCRIBER',
      state: 'refused',
      refusalReason: 'other',
      lastUpdatedOn: '2026-01-10',
      createdAt: new Date('2026-01-05T10:00:00Z'),
    },
  });
  await db.pass.create({
    data: {
      number: '999998765432',
      personId,
      employerId: employer.id,
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      snapshot: { hires: [{ employerId: employer.id, employerKind: 'ACI', start: '2024-01-01' }], suspensions: [] },
      version: 1,
    },
  });
}, 60_000);

/** With SHOTS_DIR set, a full-page screenshot to look at (not an assertion). */
async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const widths = await page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  );
  expect(widths.scroll, `${label} défile horizontalement`).toBeLessThanOrEqual(widths.client);
}

test('a prescriber finds a person among 50 by name, sees their applications and PASS, and applies with the person chosen', async () => {
  const page = await web.openPage();
  await web.signIn(page, PRESCRIBER, '/espace');
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(nav.getByRole('link', { name: 'Mon espace' }).getAttribute('aria-current')).resolves.toBe('page');
  expect(await page.locator('[data-compteur="personsFollowed"]').innerText()).toMatch(/^5\d personnes suivies$/);
  await expectNoSeriousAccessibilityViolation(page, 'Mon espace');
  await shot(page, 'espace-1280');

  await nav.getByRole('link', { name: 'Personnes' }).click();
  await page.waitForURL(web.url('/personnes'));
  await expect(page.getByRole('status').innerText()).resolves.toMatch(/^5\d personnes/);
  await page.getByLabel('Nom ou prénom').fill('ninon lach');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\/personnes\?q=ninon/);
  await expect(page.getByRole('status').innerText()).resolves.toBe('1 personne pour « ninon lach »');
  await expectNoSeriousAccessibilityViolation(page, 'Personnes suivies');

  await page.getByRole('link', { name: 'LACHAISE-TARDIEU Ninon' }).click();
  await page.waitForURL(web.url(`/personnes/${personId}`));
  expect(await page.locator('[data-candidatures] li').innerText()).toContain('Jardins de Cocagne de Bobigny');
  expect(await page.locator('[data-pass="999998765432"]').innerText()).toContain('PASS IAE n° 999998765432');
  await expectNoSeriousAccessibilityViolation(page, 'Page de la personne');
  await shot(page, 'personne-1280');

  await page.getByRole('link', { name: 'Envoyer une candidature' }).click();
  await page.waitForURL((url) => url.pathname === '/candidatures/nouvelle');
  expect(await page.locator(`[data-personne-choisie="${personId}"]`).innerText()).toContain('Ninon Lachaise-Tardieu');
  // The search keeps the person: the employer found leads to « Postuler » with her chosen.
  await page.goto(web.url(`/recherche?departement=93&personne=${personId}`));
  await page.getByRole('link', { name: 'Jardins de Cocagne de Bobigny' }).first().click();
  await page.waitForURL((url) => url.pathname === `/employeurs/${employerId}`);
  await page.getByRole('link', { name: 'Postuler' }).click();
  await page.waitForURL((url) => url.pathname === '/candidatures/nouvelle');
  expect(await page.locator(`#personne-${personId}`).isChecked()).toBe(true);
  await expectNoSeriousAccessibilityViolation(page, 'Envoyer une candidature');
  await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
  await page.waitForURL((url) => pathOf(page).startsWith('/candidatures/') && url.searchParams.get('envoi') === 'ok');
  const sent = await web.platform.db.application.findMany({ where: { personId, employerId, state: 'new' } });
  expect(sent).toHaveLength(1);
}, 180_000);

test('at 390 px the menu opens, and no workspace page scrolls sideways', async () => {
  const page = await web.openPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await web.signIn(page, PRESCRIBER, '/espace');
  await page.getByRole('button', { name: 'Menu' }).click();
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await nav.getByRole('link', { name: 'Candidatures' }).click();
  await page.waitForURL(web.url('/candidatures'));
  for (const path of [
    '/espace',
    '/personnes',
    `/personnes/${personId}`,
    '/candidatures',
    '/passes',
    '/prolongations',
  ]) {
    await page.goto(web.url(path));
    await expectNoSidewaysScroll(page, path);
    await shot(page, `390${path.replaceAll('/', '-')}`);
    await expectNoSeriousAccessibilityViolation(page, `${path} à 390 px`);
  }
  // The application's link is the first thing of its row, visible on the phone.
  const link = page.locator('[data-candidature] a').first();
  await page.goto(web.url('/candidatures'));
  expect(await link.isVisible()).toBe(true);
  const box = await link.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
}, 180_000);
