// An employer manages its job descriptions in Chromium (docs/rules.md §3): it creates one, sees it
// listed with its automatic closing date, an invalid weekly duration is refused in French next
// to its field and creates nothing, then it closes recruitment; the workflow hears of it.
// The forms are plain POSTs: the same journey runs with JavaScript off. axe audits the list
// and the form pages (with JavaScript: axe is injected).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contractTypeLabel, deactivationDay } from '../../domain/job-descriptions.ts';
import { formatDate } from '../../web/src/lib/format.ts';
import { jobDescriptionStateQuery, jobDescriptionWorkflowId } from '../../workflows/job-description/contract.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { content, expectNoSeriousAccessibilityViolation, parisDay, ready, signIn, text } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const EMPLOYER = 'employeur@demo.inclusion.localhost';
const LIST = '/structure/fiches-de-poste';

let platform: TestPlatform;
let browser: Browser;
let employerId: string;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ web: true, seed: true }), launchBrowser()]);
  const user = await platform.db.user.findUniqueOrThrow({
    where: { email: EMPLOYER },
    include: { memberships: true },
  });
  employerId = user.memberships[0]!.organizationId;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
}, 60_000);

const countOf = (title: string) => platform.db.jobDescription.count({ where: { employerId, title } });

async function fillJobDescription(page: Page, title: string, hours: string): Promise<void> {
  await page.getByLabel('Intitulé du poste').fill(title);
  await page.getByLabel('Code ROME du métier').fill('k2204');
  await page.getByLabel('Type de contrat').selectOption('CDI_INCLUSION');
  await page.getByLabel('Nombre de postes ouverts').fill('3');
  await page.getByLabel('Durée hebdomadaire de travail (heures)').fill(hours);
}

async function createAndClose(javaScriptEnabled: boolean): Promise<void> {
  const title = javaScriptEnabled ? 'Agent / Agente de propreté' : 'Agent / Agente de tri';
  const url = (path: string) => `${platform.baseUrl}${path}`;
  const page = await newPage(browser, { javaScriptEnabled });
  try {
    await signIn(page, platform.baseUrl, EMPLOYER, LIST, javaScriptEnabled);
    // The seeded job descriptions are listed with their contract in words.
    expect(await text(page, 'table')).toContain(contractTypeLabel('CDDI'));
    if (javaScriptEnabled) await expectNoSeriousAccessibilityViolation(page, 'liste des fiches de poste');

    await page.getByRole('link', { name: 'Créer une fiche de poste' }).click();
    await page.waitForURL(url(`${LIST}/nouvelle`));
    if (javaScriptEnabled) {
      await ready(page);
      await expectNoSeriousAccessibilityViolation(page, 'formulaire de création');
    }

    // 49 hours a week: refused in French next to the field, summarized, nothing created.
    await fillJobDescription(page, title, '49');
    await page.getByRole('button', { name: 'Créer la fiche de poste' }).click();
    const hours = page.getByLabel('Durée hebdomadaire de travail (heures)');
    await page.locator('#heures-erreur').waitFor();
    expect(await hours.getAttribute('aria-describedby')).toBe('heures-erreur');
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '#heures-erreur')).toBe(
      'La durée hebdomadaire doit être un nombre entier d’heures entre 1 et 48.',
    );
    expect(await text(page, '[role="alert"]')).toContain("La fiche de poste n'a pas été créée");
    expect(await text(page, '[role="alert"]')).toContain('Durée hebdomadaire :');
    expect(await page.getByLabel('Intitulé du poste').inputValue()).toBe(title);
    expect(await countOf(title)).toBe(0);
    if (javaScriptEnabled) await expectNoSeriousAccessibilityViolation(page, 'formulaire en erreur');

    await hours.fill('35');
    await page.getByRole('button', { name: 'Créer la fiche de poste' }).click();
    await page.waitForURL(url(`${LIST}?succes=creee`));
    expect(await text(page, '[role="status"]')).toContain('La fiche de poste est créée');
    const row = await text(page, `tr:has(a:text-is("${title}"))`);
    expect(row).toContain('K2204');
    expect(row).toContain(contractTypeLabel('CDI_INCLUSION'));
    expect(row).toContain('35 h');
    expect(row).toContain(formatDate(parisDay()));
    expect(row).toContain(`le ${formatDate(deactivationDay(parisDay()))}`);
    const created = await platform.db.jobDescription.findFirstOrThrow({ where: { employerId, title } });
    expect(created).toMatchObject({ romeCode: 'K2204', openPositions: 3, hoursPerWeek: 35, recruitmentOpen: true });

    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(url(`${LIST}/${created.id}`));
    if (javaScriptEnabled) {
      await ready(page);
      await expectNoSeriousAccessibilityViolation(page, 'fiche de poste');
    }
    await page.getByRole('button', { name: 'Fermer le recrutement' }).click();
    await page.waitForURL(url(`${LIST}?succes=fermee`));
    expect(await text(page, '[role="status"]')).toContain('Le recrutement est fermé');
    expect(await content(page, `tr:has(a:text-is("${title}")) .fr-badge`)).toBe('Fermé');
    const closed = await platform.db.jobDescription.findUniqueOrThrow({ where: { id: created.id } });
    expect(closed.recruitmentOpen).toBe(false);
    expect(closed.deactivatedOn).toBeNull();

    // The job description's workflow heard of it (signal-with-start): no deadline while closed.
    const handle = platform.temporal.workflow.getHandle(jobDescriptionWorkflowId(created.id));
    await expect
      .poll(() => handle.query(jobDescriptionStateQuery), { timeout: 10_000 })
      .toMatchObject({
        recruitmentOpen: false,
        lastUpdatedOn: parisDay(),
      });
  } finally {
    await page.context().close();
  }
}

test('an employer creates a job description, an invalid weekly duration creates nothing, then it closes recruitment', async () => {
  await createAndClose(true);
}, 120_000);

test('the same journey works with JavaScript off', async () => {
  await createAndClose(false);
}, 120_000);
