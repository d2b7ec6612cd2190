// The self-prescription right in Chromium against the whole platform (docs/rules.md §8): the demo
// ACI's right is revoked permanently (its sanction, through the workflow); the SIAE sees the
// banner on « Mon espace » and « Ma structure »; the prefecture of its département finds it in
// its list and lifts it with a reason and a confirmation step, without JavaScript; the banner is
// gone. Axe audits (WCAG 2 A/AA) of each page; screenshots at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { scheduleSelfPrescriptionRevocation } from '../../server/self-prescription-right/calls.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';

const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const PREFECTURE_EMAIL = 'prefecture@demo.inclusion.localhost';
const EMPLOYER_NAME = 'Jardins de Cocagne de Bobigny';
const REASON = 'Régularisation constatée lors de la visite du 12 mars.';

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;

const SHOTS = new URL('../../.tools/screenshots/', import.meta.url);
async function screenshots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: new URL(`${name}-${width}.png`, SHOTS).pathname, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("droit d'auto-prescription", () => {
  test('la SIAE voit le bandeau ; la préfecture rétablit un retrait définitif, sans JavaScript', async () => {
    const { platform } = session;
    const { organization: employer } = await platform.db.membership.findFirstOrThrow({
      where: { user: { email: EMPLOYER_EMAIL } },
      include: { organization: true },
    });
    // The sanction (the DDETS, through the workflow), starting today.
    await scheduleSelfPrescriptionRevocation(
      { client: platform.temporal, taskQueue: platform.taskQueue, employer },
      {
        kind: 'permanent',
        start: parisDay(),
        end: null,
        reason: 'Contrôle refusé',
        decidedBy: { userId: null, organizationId: null },
      },
    );
    for (let i = 0; i < 50; i++) {
      const row = await platform.db.organization.findUniqueOrThrow({ where: { id: employer.id } });
      if (row.selfPrescriptionStatus === 'REVOKED_PERMANENTLY') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const siae = await openPage();
    await signIn(siae, EMPLOYER_EMAIL, '/espace');
    await ready(siae);
    expect(await text(siae, 'main .fr-alert--warning')).toContain("Droit d'auto-prescription retiré");
    expect(await text(siae, 'main .fr-alert--warning')).toContain("diagnostic d'un prescripteur habilité");
    await expectNoSeriousAccessibilityViolation(siae, '/espace (droit retiré)');
    await screenshots(siae, 'espace-droit-retire');
    await siae.goto(url('/structure'));
    await ready(siae);
    expect(await text(siae, 'main .fr-alert--warning')).toContain("jusqu'à ce que la préfecture");
    await expectNoSeriousAccessibilityViolation(siae, '/structure (droit retiré)');

    // Audited with JavaScript (axe runs in the page); the lift itself is made without it below.
    const audited = await openPage();
    await signIn(audited, PREFECTURE_EMAIL, '/espace');
    await audited.getByRole('link', { name: "Droits d'auto-prescription retirés" }).click();
    await audited.waitForURL(url('/prefecture/auto-prescription'));
    await ready(audited);
    expect(await text(audited, 'main table')).toContain(EMPLOYER_NAME);
    await expectNoSeriousAccessibilityViolation(audited, '/prefecture/auto-prescription');
    await screenshots(audited, 'prefecture-droits-retires');
    await audited.getByRole('link', { name: `Rétablir le droit de ${EMPLOYER_NAME}` }).click();
    await audited.waitForURL(url(`/prefecture/auto-prescription/${employer.id}`));
    await ready(audited);
    await expectNoSeriousAccessibilityViolation(audited, '/prefecture/auto-prescription/[id]');
    await audited.getByLabel('Motif du rétablissement').fill(REASON);
    await audited.getByRole('button', { name: 'Rétablir le droit' }).click();
    await audited.getByRole('button', { name: 'Confirmer le rétablissement' }).waitFor();
    await expectNoSeriousAccessibilityViolation(audited, '/prefecture/auto-prescription/[id] (confirmation)');
    await screenshots(audited, 'prefecture-confirmation');

    const prefecture = await openPage(false);
    await signIn(prefecture, PREFECTURE_EMAIL, `/prefecture/auto-prescription/${employer.id}`, false);
    await prefecture.getByLabel('Motif du rétablissement').fill(REASON);
    await prefecture.getByRole('button', { name: 'Rétablir le droit' }).click();
    await prefecture.getByRole('button', { name: 'Confirmer le rétablissement' }).click();
    await prefecture.waitForURL(url('/prefecture/auto-prescription?retabli=1'));
    expect(pathOf(prefecture)).toBe('/prefecture/auto-prescription');
    expect(await text(prefecture, 'main .fr-alert--success')).toContain('rétabli');
    expect(await text(prefecture, 'main')).not.toContain(EMPLOYER_NAME);
    expect(
      (
        await platform.db.selfPrescriptionRightChange.findFirstOrThrow({
          where: { employerId: employer.id, action: 'lift' },
        })
      ).reason,
    ).toBe(REASON);

    await siae.goto(url('/espace'));
    await ready(siae);
    expect(await siae.locator('main .fr-alert--warning').count()).toBe(0);
  });
});
