// PASS IAE page in Chromium against the whole platform (docs/rules.md §5): the demo ACI registers a
// person and an administrator issues a PASS through the API; the employer opens it from
// /passes, reads the same end date and status as the API and the read model, is refused a
// too short "contrat suspendu" suspension with the API's French message (typed values kept),
// then suspends it (the end date moves by the suspension's 20 days) — once with JavaScript,
// once without. An axe audit (WCAG 2 A/AA) of the pages.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { content, expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { TEST_ADMIN } from '../support/platform.ts';

const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const TOO_SHORT = 'Le motif « contrat de travail suspendu » exige une suspension de plus de 15 jours.';

const session = useBrowserPlatform();
const { url, openPage } = session;
let api: ApiClient;
let employerToken: string;
let employerId: string;
beforeAll(async () => {
  api = apiClient(session.platform.baseUrl);
  employerToken = await api.token(EMPLOYER_EMAIL, DEMO_PASSWORD);
  const me = await api.get('/me', employerToken);
  expect(me.status).toBe(200);
  employerId = String(me.body.membership.organization.id);
}, 180_000);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "2026-03-05" → "05/03/2026", as the PASS pages show dates. */
const shortDate = (date: string) => date.split('-').reverse().join('/');

/** The employer registers a person, the administrator issues her PASS IAE from today: its number. */
async function issuePass(lastName: string): Promise<string> {
  const person = await api.post('/persons', { firstName: 'Awa', lastName, birthDate: '1990-04-12' }, employerToken);
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
  const pass = await api.post('/passes', { personId: person.body.id, employerId, hiringStartDate: parisDay() }, admin);
  expect(pass.status, JSON.stringify(pass.body)).toBe(201);
  return pass.body.passNumber as string;
}

/** Signs the employer (or `email`) in, landing on `path`. */
const signIn = (page: Page, path: string, javaScriptEnabled = true, email = EMPLOYER_EMAIL) =>
  session.signIn(page, email, path, javaScriptEnabled);

const field = (page: Page, term: string) => content(page, `main dt:text-is("${term}") + dd`);

/** Fills and sends the suspension form. */
async function suspend(page: Page, startDate: string, endDate: string, reason: string): Promise<void> {
  await page.getByLabel('Date de début de la suspension').fill(startDate);
  await page.getByLabel('Date de fin de la suspension').fill(endDate);
  await page.getByLabel('Motif de la suspension').selectOption(reason);
  await page.getByRole('button', { name: 'Suspendre le PASS IAE' }).click();
  // The DSFR modal with JavaScript, the confirmation step without (docs/rules.md §11).
  await page.getByRole('button', { name: 'Confirmer la suspension', exact: true }).click();
}

/** The PASS page shows what the API answers and the read model holds. */
async function expectPageMatchesApi(page: Page, number: string): Promise<{ end: string; status: string }> {
  const fromApi = await api.get(`/passes/${number}`, employerToken);
  expect(fromApi.status).toBe(200);
  const row = await session.platform.db.pass.findUniqueOrThrow({ where: { number } });
  expect(row.endDate).toBe(fromApi.body.end);
  expect(await field(page, 'Date de fin')).toBe(shortDate(fromApi.body.end));
  expect(await field(page, 'Date de début')).toBe(shortDate(fromApi.body.start));
  expect(await field(page, 'Jours restants')).toBe(`${fromApi.body.remainingDays} jours`);
  expect(await page.locator('main dt:text-is("État") + dd [data-statut]').getAttribute('data-statut')).toBe(
    fromApi.body.status,
  );
  return fromApi.body;
}

describe('PASS IAE', () => {
  test('accès : connexion exigée, numéro invalide refusé en français', async () => {
    const number = await issuePass('Diallo');
    const anonymous = await openPage();
    await anonymous.goto(url(`/passes/${number}`));
    expect(pathOf(anonymous)).toBe('/connexion');
    expect(new URL(anonymous.url()).searchParams.get('redirectTo')).toBe(`/passes/${number}`);

    await signIn(anonymous, '/passes');
    await anonymous.getByLabel('Numéro du PASS IAE').fill('12345');
    await anonymous.getByRole('button', { name: 'Consulter' }).click();
    await anonymous.waitForURL((u) => u.searchParams.get('numero') === '12345');
    expect(await text(anonymous, '#numero-erreur')).toBe(
      'Le numéro de PASS IAE est invalide : il comporte 12 chiffres et commence par 99999.',
    );
    await anonymous.getByLabel('Numéro du PASS IAE').fill('999999999999');
    await anonymous.getByRole('button', { name: 'Consulter' }).click();
    await anonymous.waitForURL((u) => u.searchParams.get('numero') === '999999999999');
    expect(await text(anonymous, '#numero-erreur')).toBe('Aucun PASS IAE ne porte le numéro 999999999999.');
    await expectNoSeriousAccessibilityViolation(anonymous, '/passes (erreur)');
  });

  test("l'employeur consulte son PASS IAE, se voit refuser une suspension trop courte, puis le suspend", async () => {
    const number = await issuePass('Traoré');
    const today = parisDay();
    const page = await openPage();
    await signIn(page, '/passes');
    await page.getByLabel('Numéro du PASS IAE').fill(number);
    await page.getByRole('button', { name: 'Consulter' }).click();
    await page.waitForURL(url(`/passes/${number}`));
    await ready(page);

    expect(await text(page, 'main h1')).toBe(`PASS IAE n° ${number}`);
    const issued = await expectPageMatchesApi(page, number);
    expect(issued.status).toBe('valid');
    expect(issued.end).toBe(addDays(today, 729));
    expect(await field(page, 'État')).toBe('Valide');
    expect(await text(page, 'main .historique')).toContain(`Délivré Début du PASS IAE le ${shortDate(today)}`);
    // The ACI may use every suspension reason, "contrat passerelle" included.
    expect(await page.locator('#suspension-motif option[value="CONTRAT_PASSERELLE"]').count()).toBe(1);
    await expectNoSeriousAccessibilityViolation(page, '/passes/[number]');

    // Refused by the API (422): its French message, and the typed values kept.
    await suspend(page, today, addDays(today, 9), 'CONTRAT_SUSPENDU');
    const refusal = page.locator('main .fr-alert--error');
    await refusal.waitFor();
    expect((await refusal.innerText()).replace(/\s+/g, ' ')).toContain(TOO_SHORT);
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await page.getByLabel('Date de fin de la suspension').inputValue()).toBe(addDays(today, 9));
    expect(await page.getByLabel('Motif de la suspension').inputValue()).toBe('CONTRAT_SUSPENDU');
    expect(await field(page, 'État')).toBe('Valide');
    expect((await session.platform.db.pass.findUniqueOrThrow({ where: { number } })).endDate).toBe(issued.end);
    await expectNoSeriousAccessibilityViolation(page, '/passes/[number] (refus affiché)');

    // Suspended for 20 days: the end date moves by 20 days (start + 749).
    await suspend(page, today, addDays(today, 19), 'CONTRAT_ROMPU');
    await page.locator('main .fr-alert--success').waitFor();
    expect(await text(page, 'main .fr-alert--success')).toContain(
      `Le PASS IAE est suspendu du ${shortDate(today)} au ${shortDate(addDays(today, 19))}.`,
    );
    expect(await field(page, 'État')).toBe('Suspendu');
    expect(await field(page, 'Date de fin')).toBe(shortDate(addDays(today, 749)));
    const suspended = await expectPageMatchesApi(page, number);
    expect(suspended).toMatchObject({ status: 'suspended', end: addDays(today, 749) });
    expect(await text(page, 'main .historique')).toContain(
      `Suspendu du ${shortDate(today)} au ${shortDate(addDays(today, 19))}`,
    );
    // Now the running suspension may be ended early; no second suspension is offered.
    expect(await page.getByRole('button', { name: 'Lever la suspension' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Suspendre le PASS IAE' }).count()).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, '/passes/[number] (suspendu)');
  });

  test("l'employeur suspend son PASS IAE sans JavaScript", async () => {
    const number = await issuePass('Nguyen');
    const today = parisDay();
    const page = await openPage(false);
    await signIn(page, `/passes/${number}`, false);
    await expectPageMatchesApi(page, number);
    expect(await field(page, 'État')).toBe('Valide');

    await suspend(page, today, addDays(today, 9), 'CONTRAT_SUSPENDU');
    await page.locator('main .fr-alert--error').waitFor();
    expect(await text(page, 'main .fr-alert--error')).toContain(TOO_SHORT);
    expect(await page.getByLabel('Date de fin de la suspension').inputValue()).toBe(addDays(today, 9));

    await suspend(page, today, addDays(today, 19), 'CONTRAT_ROMPU');
    await page.locator('main .fr-alert--success').waitFor();
    expect(await field(page, 'État')).toBe('Suspendu');
    expect(await field(page, 'Date de fin')).toBe(shortDate(addDays(today, 749)));
    const suspended = await expectPageMatchesApi(page, number);
    expect(suspended).toMatchObject({ status: 'suspended', end: addDays(today, 749) });
  });

  test("le prescripteur habilité voit les demandes de prolongation qui lui sont adressées et l'erreur de l'API", async () => {
    const number = await issuePass('Martin');
    const prescriber = await session.platform.db.membership.findFirstOrThrow({
      where: { user: { email: PRESCRIBER_EMAIL } },
      select: { organizationId: true },
    });
    // A request as the parcours workflow projects it into the read model; the workflow itself
    // has no pending request, so a decision is refused by the API.
    const requestId = crypto.randomUUID();
    const today = parisDay();
    await session.platform.db.prolongationRequest.create({
      data: {
        id: requestId,
        passNumber: number,
        employerId,
        prescriberOrganizationId: prescriber.organizationId,
        reason: 'RQTH',
        endDate: addDays(today, 1000),
        requestedOn: today,
        state: 'PENDING',
      },
    });

    const page = await openPage();
    await signIn(page, '/prolongations', true, PRESCRIBER_EMAIL);
    await ready(page);
    expect(await text(page, 'main h1')).toBe('Demandes de prolongation');
    const row = page.locator(`tr[data-demande="${requestId}"]`);
    const cells = (await row.innerText()).replace(/\s+/g, ' ');
    expect(cells).toContain(number);
    expect(cells).toContain('Reconnaissance de la qualité de travailleur handicapé (RQTH)');
    expect(cells).toContain(shortDate(addDays(today, 1000)));
    expect(await row.getByRole('link', { name: number }).getAttribute('href')).toBe(`/passes/${number}`);
    await expectNoSeriousAccessibilityViolation(page, '/prolongations');

    // A refusal needs a reason (checked by the web).
    await row.getByRole('button', { name: /^Refuser/ }).click();
    await page.locator(`#refus-${requestId}-erreur`).waitFor();
    expect(await text(page, `#refus-${requestId}-erreur`)).toBe('Saisissez le motif du refus.');

    await row.getByRole('button', { name: /^Accorder/ }).click();
    const refusal = page.locator('main .fr-alert--error');
    await refusal.waitFor({ state: 'visible' });
    await page.locator('main .fr-alert--error', { hasText: "n'est plus en attente" }).waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    await expectNoSeriousAccessibilityViolation(page, '/prolongations (erreur affichée)');
  });
});
