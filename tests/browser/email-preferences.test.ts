// A user chooses how notifications reach them by e-mail, and opens one from the inbox, in
// Chromium (docs/rules.md §9): axe-audited, no sideways scrolling at 390 px; the form is a plain
// POST and « Voir » a plain link, and the choice is also made with JavaScript off.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { writeNotifications } from '../../server/notifications/write.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const SHOTS = process.env.SCREENSHOTS_DIR;
let platform: TestPlatform;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ web: true, seed: true }), launchBrowser()]);
  page = await newPage(browser);
}, 180_000);

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await platform?.stop();
}, 60_000);

async function noSidewaysScroll(name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('an employer chooses the daily digest, then opens a notification from the inbox, which becomes read', async () => {
  const url = (path: string) => `${platform.baseUrl}${path}`;
  await page.goto(url(`/connexion?redirectTo=${encodeURIComponent('/compte/courriels')}`));
  await page.getByLabel('Adresse électronique').fill('employeur@demo.inclusion.localhost');
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(url('/compte/courriels'));

  expect(await page.locator('main h1').innerText()).toBe('Mes notifications par courriel');
  expect(await page.locator('#courriels-immediate').isChecked()).toBe(true);
  await expectNoSeriousAccessibilityViolation(page, 'Mes notifications par courriel');

  await page.locator('label[for="courriels-daily_digest"]').click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(url('/compte/courriels?enregistre=ok'));
  await expect(page.getByRole('status').first().innerText()).resolves.toContain(
    'Votre choix est enregistré : récapitulatif quotidien.',
  );
  expect(await page.locator('#courriels-daily_digest').isChecked()).toBe(true);
  const user = await platform.db.user.findUniqueOrThrow({
    where: { email: 'employeur@demo.inclusion.localhost' },
    include: { memberships: true },
  });
  expect(user.emailNotifications).toBe('daily_digest');
  await noSidewaysScroll('compte-courriels');

  // JavaScript off: the same form, a plain POST and a redirection.
  const plain = await newPage(browser, { javaScriptEnabled: false });
  try {
    await plain.context().addCookies(await page.context().cookies());
    await plain.goto(url('/compte/courriels'));
    expect(await plain.locator('#courriels-daily_digest').isChecked()).toBe(true);
    await plain.locator('label[for="courriels-none"]').click();
    await plain.getByRole('button', { name: 'Enregistrer' }).click();
    await plain.waitForURL(url('/compte/courriels?enregistre=ok'));
    expect(await plain.getByRole('status').first().innerText()).toContain(
      'Votre choix est enregistré : aucun courriel.',
    );
  } finally {
    await plain.context().close();
  }
  expect((await platform.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailNotifications).toBe('none');

  // The inbox links to the page of the thing; opening it marks the notification read.
  const organizationId = user.memberships[0]!.organizationId;
  const key = `browser-test:${Date.now()}`;
  await platform.db.$transaction((tx) =>
    writeNotifications(
      tx,
      [
        {
          key,
          organizationId,
          subject: "Votre droit d'auto-prescription est rétabli",
          body: 'Le retrait temporaire a pris fin.',
          about: { kind: 'selfPrescriptionRight' },
          createdAt: new Date(),
        },
      ],
      { publicUrl: platform.baseUrl },
    ),
  );
  await page.goto(url('/notifications'));
  await expectNoSeriousAccessibilityViolation(page, 'Notifications');
  await noSidewaysScroll('notifications');
  await page.getByRole('link', { name: "Voir : Votre droit d'auto-prescription est rétabli" }).click();
  await page.waitForURL(url('/structure'));
  const opened = await platform.db.notification.findUniqueOrThrow({ where: { key } });
  expect(opened.readAt).not.toBeNull();
}, 120_000);
