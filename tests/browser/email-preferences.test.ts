// A user chooses how notifications reach them by e-mail, and opens one from the inbox, in
// Chromium (docs/rules.md §9): axe-audited, no sideways scrolling at 390 px; the form is a plain
// POST and « Voir » a plain link, and the choice is also made with JavaScript off.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { writeNotifications } from '../../server/notifications/write.ts';
import { expectNoSeriousAccessibilityViolation } from '../support/accessibility.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';

const SHOTS = process.env.SCREENSHOTS_DIR;
const session = useBrowserPlatform();
const { url } = session;
let page: Page;

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
  page = await session.signedInPage('employeur@demo.inclusion.localhost', '/compte/courriels');

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
  const user = await session.platform.db.user.findUniqueOrThrow({
    where: { email: 'employeur@demo.inclusion.localhost' },
    include: { memberships: true },
  });
  expect(user.emailNotifications).toBe('daily_digest');
  await noSidewaysScroll('compte-courriels');

  // JavaScript off: the same form, a plain POST and a redirection.
  const plain = await session.openPage(false);
  await plain.context().addCookies(await page.context().cookies());
  await plain.goto(url('/compte/courriels'));
  expect(await plain.locator('#courriels-daily_digest').isChecked()).toBe(true);
  await plain.locator('label[for="courriels-none"]').click();
  await plain.getByRole('button', { name: 'Enregistrer' }).click();
  await plain.waitForURL(url('/compte/courriels?enregistre=ok'));
  expect(await plain.getByRole('status').first().innerText()).toContain('Votre choix est enregistré : aucun courriel.');
  expect((await session.platform.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailNotifications).toBe(
    'none',
  );

  // The inbox links to the page of the thing; opening it marks the notification read.
  const organizationId = user.memberships[0]!.organizationId;
  const key = `browser-test:${Date.now()}`;
  await session.platform.db.$transaction((tx) =>
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
      { publicUrl: session.platform.baseUrl },
    ),
  );
  await page.goto(url('/notifications'));
  await expectNoSeriousAccessibilityViolation(page, 'Notifications');
  await noSidewaysScroll('notifications');
  await page.getByRole('link', { name: "Voir : Votre droit d'auto-prescription est rétabli" }).click();
  await page.waitForURL(url('/structure'));
  const opened = await session.platform.db.notification.findUniqueOrThrow({ where: { key } });
  expect(opened.readAt).not.toBeNull();
}, 120_000);
