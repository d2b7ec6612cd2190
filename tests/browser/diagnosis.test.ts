// Persons and eligibility diagnoses in Chromium against the whole platform (docs/rules.md §4): an
// authorized prescriber registers a person and records a diagnosis valid 6 months; an SIAE
// sees live whether the criteria ticked allow self-prescription (the API's 422 says it
// without JavaScript) and records a diagnosis valid 92 days; an orienteur (prescriber
// organization not authorized) gets a notice and no form. axe audits (WCAG 2 A/AA).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  CRITERION_LABELS,
  diagnosisExpiry,
  evaluateSelfPrescription,
  type AdministrativeCriterion,
} from '../../domain/eligibility.ts';
import { formatDate } from '../../web/src/lib/format.ts';
import { expectNoSeriousAccessibilityViolation, ready, text } from '../support/journey.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';

const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const ORIENTEUR_EMAIL = 'orienteur@demo.inclusion.localhost';
const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const PERSON_PAGE = /\/personnes\/[0-9a-f-]{36}\?(inscription|diagnostic)=ok$/;

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;

/** The Paris calendar day `days` from now, as YYYY-MM-DD (the API's "today"). */
function parisDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

interface PersonInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  nir?: string;
}

/** Fills the registration form of /personnes/nouvelle and submits it. */
async function fillRegistration(page: Page, person: PersonInput): Promise<void> {
  await page.getByLabel('Prénom').fill(person.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(person.lastName);
  await page.getByLabel('Date de naissance').fill(person.birthDate);
  await page.getByLabel('Numéro de sécurité sociale (facultatif)').fill(person.nir ?? '');
  await page.getByRole('button', { name: 'Inscrire la personne' }).click();
}

/** Registers a person from /personnes/nouvelle and lands on their page; returns their id. */
async function register(page: Page, person: PersonInput, javaScriptEnabled = true): Promise<string> {
  await page.goto(url('/personnes/nouvelle'));
  if (javaScriptEnabled) await ready(page);
  await fillRegistration(page, person);
  await page.waitForURL(PERSON_PAGE);
  expect(await text(page, 'main h1')).toBe(`${person.firstName} ${person.lastName}`);
  if (javaScriptEnabled) await ready(page);
  return pathOf(page).split('/').at(-1)!;
}

/** Ticks a criterion: DSFR draws the checkbox on its label, which takes the click. */
async function tick(page: Page, criterion: AdministrativeCriterion): Promise<void> {
  await page.locator(`label[for="critere-${criterion}"]`).click();
  expect(await page.locator(`#critere-${criterion}`).isChecked()).toBe(true);
}

/** The definition of `term` in the diagnosis card, as rendered. */
async function diagnosisField(page: Page, term: string): Promise<string> {
  return text(page, `main li.diagnostic dt:text-is("${term}") + dd`);
}

describe("inscription d'une personne et diagnostic d'éligibilité", () => {
  test('le prescripteur habilité inscrit une personne et réalise un diagnostic valable 6 mois', async () => {
    const page = await openPage();
    await signIn(page, PRESCRIBER_EMAIL, '/espace');
    await page.getByRole('link', { name: 'Inscrire une personne' }).click();
    await page.waitForURL(url('/personnes/nouvelle'));
    await ready(page);
    expect(await text(page, 'main h1')).toBe('Inscrire une personne');
    await expectNoSeriousAccessibilityViolation(page, '/personnes/nouvelle');

    // Required fields are checked by the web, the NIR by the API (400, path body.nir):
    // each message shows beside its field and in the summary, which takes the focus.
    await page.getByLabel('Numéro de sécurité sociale (facultatif)').fill('1 84 12');
    await page.getByRole('button', { name: 'Inscrire la personne' }).click();
    await page.locator('#prenom-erreur').waitFor();
    expect(await text(page, '#prenom-erreur')).toBe('Saisissez le prénom de la personne.');
    expect(await text(page, '#date-naissance-erreur')).toBe('Saisissez la date de naissance de la personne.');
    expect(await page.getByLabel('Prénom').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
    expect(await text(page, 'main [role="alert"]')).toContain('Prénom : Saisissez le prénom de la personne.');
    expect(await page.title()).toBe("Erreur - Inscrire une personne - Plateforme de l'inclusion");
    await expectNoSeriousAccessibilityViolation(page, '/personnes/nouvelle (erreurs du formulaire)');

    await fillRegistration(page, { firstName: 'Camille', lastName: 'Martin', birthDate: '1984-06-15', nir: '1 84 12' });
    await page.locator('#nir-erreur').waitFor();
    expect(await text(page, '#nir-erreur')).toBe(
      'Le numéro de sécurité sociale doit comporter 15 caractères : 13 pour le numéro et 2 pour la clé.',
    );
    // The values typed are kept.
    expect(await page.getByLabel('Prénom').inputValue()).toBe('Camille');

    await page.getByLabel('Numéro de sécurité sociale (facultatif)').fill('');
    await page.getByRole('button', { name: 'Inscrire la personne' }).click();
    await page.waitForURL(PERSON_PAGE);
    const personId = pathOf(page).split('/').at(-1)!;
    await ready(page);
    expect(await text(page, 'main h1')).toBe('Camille Martin');
    expect(await text(page, 'main .fr-alert--success')).toContain('Personne inscrite');
    expect(await text(page, 'main dt:text-is("Date de naissance") + dd')).toBe('15 juin 1984');
    expect(await text(page, '#diagnostics-titre + p')).toBe(
      "Aucun diagnostic d'éligibilité n'a été réalisé pour cette personne.",
    );
    await expectNoSeriousAccessibilityViolation(page, '/personnes/[id] (prescripteur habilité)');

    // An authorized prescriber needs no minimum: no live explanation, a plain submission.
    await tick(page, 'RSA');
    await tick(page, 'NIVEAU_INFRA_4');
    expect(await text(page, '#explication-criteres').catch(() => '')).toBe('');
    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await page.waitForURL(url(`/personnes/${personId}?diagnostic=ok`));
    await page.locator('main li.diagnostic').waitFor();
    expect(await text(page, 'main .fr-alert--success')).toContain('Diagnostic enregistré');

    const madeOn = parisDay();
    expect(await diagnosisField(page, 'Auteur')).toBe('Prescripteur habilité');
    expect(await diagnosisField(page, 'Réalisé le')).toBe(formatDate(madeOn));
    expect(await diagnosisField(page, "Valide jusqu'au")).toBe(formatDate(diagnosisExpiry('PRESCRIBER', madeOn)));
    expect(await diagnosisField(page, 'Critères retenus')).toBe(
      `${CRITERION_LABELS.RSA} ${CRITERION_LABELS.NIVEAU_INFRA_4}`,
    );
    // Made on + 6 months − 1 day, e.g. 15 March → 14 September.
    const [year, month, day] = madeOn.split('-').map(Number) as [number, number, number];
    const sixMonthsLater = new Date(Date.UTC(year, month - 1 + 6, day));
    if (sixMonthsLater.getUTCDate() === day) {
      sixMonthsLater.setUTCDate(day - 1);
      expect(diagnosisExpiry('PRESCRIBER', madeOn)).toBe(sixMonthsLater.toISOString().slice(0, 10));
    }
    // The checklist is emptied for the next diagnosis.
    expect(await page.locator('#critere-RSA').isChecked()).toBe(false);
    await expectNoSeriousAccessibilityViolation(page, '/personnes/[id] (diagnostic enregistré)');

    const stored = await session.platform.db.diagnosis.findFirstOrThrow({ where: { personId } });
    expect(stored).toMatchObject({ author: 'PRESCRIBER', criteria: ['RSA', 'NIVEAU_INFRA_4'] });

    // Registering the same person again: the existing record, with a link to it.
    await page.goto(url('/personnes/nouvelle'));
    await ready(page);
    await fillRegistration(page, { firstName: 'camille', lastName: 'MARTIN', birthDate: '1984-06-15' });
    const duplicate = page.locator('main [role="alert"]');
    await duplicate.waitFor();
    expect(await text(page, 'main [role="alert"] .fr-alert__title')).toBe('Cette personne est déjà inscrite');
    await duplicate.getByRole('link', { name: 'Voir la fiche de la personne déjà inscrite' }).click();
    await page.waitForURL(url(`/personnes/${personId}`));
    expect(await text(page, 'main h1')).toBe('Camille Martin');
    expect(
      await session.platform.db.person.count({ where: { lastName: { equals: 'Martin', mode: 'insensitive' } } }),
    ).toBe(1);
  });

  test("l'employeur (SIAE) voit en direct si les critères suffisent à l'auto-prescription, puis réalise son diagnostic", async () => {
    const page = await openPage();
    await signIn(page, EMPLOYER_EMAIL, '/espace');
    expect(await page.getByRole('link', { name: 'Ouvrir un PASS IAE' }).getAttribute('href')).toBe('/passes');
    await page.getByRole('link', { name: 'Inscrire une personne' }).click();
    await page.waitForURL(url('/personnes/nouvelle'));
    const personId = await register(page, { firstName: 'Nadia', lastName: 'Benali', birthDate: '1979-11-02' });
    expect(await text(page, 'main')).toContain('valable 92 jours');

    const explanation = page.locator('#explication-criteres');
    expect(await explanation.getAttribute('aria-live')).toBe('polite');
    const expected = (criteria: AdministrativeCriterion[]) => evaluateSelfPrescription('ACI', criteria).explanation;

    await tick(page, 'NIVEAU_INFRA_4');
    await tick(page, 'PARENT_ISOLE');
    await explanation.getByText(expected(['NIVEAU_INFRA_4', 'PARENT_ISOLE'])).waitFor();
    expect(await text(page, '#explication-criteres')).toBe(
      'Il manque 1 critère de niveau 2 (3 requis pour un ACI) ou 1 critère de niveau 1.',
    );
    expect(await explanation.locator('.fr-alert--success').count()).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, '/personnes/[id] (auto-prescription, critères insuffisants)');

    await tick(page, 'MOBILITE');
    await explanation.locator('.fr-alert--success').waitFor();
    expect(await text(page, '#explication-criteres')).toBe('Critères suffisants : 3 critères de niveau 2.');
    expect(await text(page, '#explication-criteres')).toBe(expected(['NIVEAU_INFRA_4', 'PARENT_ISOLE', 'MOBILITE']));

    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await page.waitForURL(url(`/personnes/${personId}?diagnostic=ok`));
    await page.locator('main li.diagnostic').waitFor();
    const madeOn = parisDay();
    expect(await diagnosisField(page, 'Auteur')).toBe('Employeur (auto-prescription)');
    expect(await diagnosisField(page, "Valide jusqu'au")).toBe(formatDate(parisDay(91)));
    expect(diagnosisExpiry('EMPLOYER', madeOn)).toBe(parisDay(91));
    await expectNoSeriousAccessibilityViolation(page, '/personnes/[id] (diagnostic de l’employeur)');

    const organization = await session.platform.db.organization.findFirstOrThrow({
      where: { name: 'Jardins de Cocagne de Bobigny' },
      select: { id: true },
    });
    expect(await session.platform.db.diagnosis.findFirstOrThrow({ where: { personId } })).toMatchObject({
      author: 'EMPLOYER',
      authorOrganizationId: organization.id,
      criteria: ['NIVEAU_INFRA_4', 'PARENT_ISOLE', 'MOBILITE'],
    });
  });

  test("sans JavaScript, l'employeur qui coche 2 critères de niveau 2 lit le refus de l'API", async () => {
    const page = await openPage(false);
    await signIn(page, EMPLOYER_EMAIL, '/personnes/nouvelle', false);
    const personId = await register(page, { firstName: 'Lucas', lastName: 'Moreau', birthDate: '1975-02-20' }, false);
    // No live explanation without JavaScript: the rule is written out instead.
    expect(await text(page, 'main')).toContain(
      "Pour un ACI, l'auto-prescription demande au moins 1 critère de niveau 1 ou 3 critères de niveau 2.",
    );
    expect((await page.locator('#explication-criteres').innerText()).trim()).toBe('');

    await tick(page, 'TH');
    await tick(page, 'QPV');
    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    const refusal = page.locator('main [role="alert"]');
    await refusal.waitFor();
    expect(pathOf(page)).toBe(`/personnes/${personId}`);
    expect(await text(page, 'main [role="alert"] .fr-alert__title')).toBe('Diagnostic non enregistré');
    expect(await text(page, 'main [role="alert"]')).toContain(
      evaluateSelfPrescription('ACI', ['TH', 'QPV']).explanation,
    );
    expect(await text(page, 'main [role="alert"]')).toContain(
      'Il manque 1 critère de niveau 2 (3 requis pour un ACI) ou 1 critère de niveau 1.',
    );
    // The criteria sent stay ticked; nothing is recorded.
    expect(await page.locator('#critere-TH').isChecked()).toBe(true);
    expect(await page.locator('#critere-QPV').isChecked()).toBe(true);
    expect(await session.platform.db.diagnosis.count({ where: { personId } })).toBe(0);
  });

  test("l'orienteur voit qu'il faut être habilité, sans formulaire ; une personne hors de ses dossiers lui est refusée", async () => {
    const page = await openPage();
    await signIn(page, ORIENTEUR_EMAIL, '/espace');
    await page.getByRole('link', { name: 'Inscrire une personne' }).click();
    await page.waitForURL(url('/personnes/nouvelle'));
    await register(page, { firstName: 'Inès', lastName: 'Garnier', birthDate: '1990-09-09' });

    const notice = page.locator('main .fr-notice');
    expect(await text(page, 'main .fr-notice')).toContain(
      "Seul un prescripteur habilité peut réaliser un diagnostic d'éligibilité.",
    );
    expect(
      await notice.getByRole('link', { name: "Demander l'habilitation de votre organisation" }).getAttribute('href'),
    ).toBe('/habilitation');
    expect(await page.locator('main input[name="criteria"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).count()).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, '/personnes/[id] (orienteur)');

    // Camille Martin was registered by France Travail: not on the CCAS's case.
    const other = await session.platform.db.person.findFirstOrThrow({
      where: { firstName: 'Camille', lastName: 'Martin' },
    });
    const response = await page.goto(url(`/personnes/${other.id}`));
    expect(response?.status()).toBe(403);
    expect(await text(page, 'main h1')).toBe('Accès refusé');
    expect(await text(page, 'main')).toContain('Vous ne travaillez pas sur le dossier de cette personne');
  });

  test('accès : connexion exigée, page réservée aux prescripteurs et employeurs', async () => {
    const anonymous = await openPage();
    await anonymous.goto(url('/personnes/nouvelle'));
    expect(pathOf(anonymous)).toBe('/connexion');
    expect(new URL(anonymous.url()).searchParams.get('redirectTo')).toBe('/personnes/nouvelle');

    const prefecture = await openPage();
    await signIn(prefecture, 'prefecture@demo.inclusion.localhost', '/espace');
    const response = await prefecture.goto(url('/personnes/nouvelle'));
    expect(response?.status()).toBe(403);
    expect(await text(prefecture, 'main')).toContain(
      'Seuls les prescripteurs et les employeurs peuvent inscrire une personne.',
    );
  });
});
