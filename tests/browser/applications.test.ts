// Applications and hiring in Chromium against the whole platform (docs/rules.md §4, §5): an authorized
// prescriber registers a person, diagnoses her and sends her application to the demo ACI; the
// ACI opens it from its inbox and hires her from today, and reads the PASS IAE issued
// (today → today + 729 days) there and on the PASS page. The ACI, in a département where
// self-prescription is open, records its own application and hires: the PASS shows. The ACI
// refuses another application with a reason from the list (French label shown) after a hire
// refused for a start date in the past (French message, nothing changed). The forms work
// without JavaScript. axe audits (WCAG 2 A/AA) of the form, the inbox and the details with its forms.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { REFUSAL_REASONS } from '../../domain/applications.ts';
import { addDays, frenchDate } from '../../domain/dates.ts';
import { latestHiringStartDate, passEndDate } from '../../domain/pass/dates.ts';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import {
  confirmAction,
  hire,
  registerAndDiagnose as registerAndDiagnoseAt,
  SENT_PAGE,
  stateOf,
} from '../support/hiring-journey.ts';
import { content, expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';

const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const ACI_NAME = 'Jardins de Cocagne de Bobigny';
const PASS_NUMBER = /^99999\d{7}$/;

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;
let api: ApiClient;
let aciId: string;

beforeAll(async () => {
  const { platform } = session;
  api = apiClient(platform.baseUrl);
  const aci = await session.platform.db.organization.findFirstOrThrow({
    where: { name: ACI_NAME },
    select: { id: true },
  });
  aciId = aci.id;
  // The demo data opens self-prescription in its départements; said here since test b needs it.
  await platform.db.departementSetting.upsert({
    where: { code: '93' },
    create: { code: '93', selfPrescriptionEnabled: true },
    update: { selfPrescriptionEnabled: true },
  });
});

const registerAndDiagnose = (
  page: Page,
  person: { firstName: string; lastName: string; birthDate: string },
  criteria: string[],
) => registerAndDiagnoseAt(page, session.platform.baseUrl, person, criteria);

const field = (page: Page, scope: string, term: string) => content(page, `${scope} dt:text-is("${term}") + dd`);

/** The PASS IAE card of an accepted application shows the number and dates of the read model. */
async function expectPassShown(page: Page, applicationId: string, start: string): Promise<string> {
  const row = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
  expect(row.state).toBe('accepted');
  const number = row.passNumber!;
  expect(number).toMatch(PASS_NUMBER);
  expect(await field(page, 'main .pass-iae', 'Numéro')).toBe(number);
  expect(await field(page, 'main .pass-iae', 'Date de début')).toBe(frenchDate(start));
  expect(await field(page, 'main .pass-iae', 'Date de fin')).toBe(frenchDate(passEndDate(start)));
  // 730 days counting the first: the end is the start + 729 days.
  expect(passEndDate(start)).toBe(addDays(start, 729));
  return number;
}

/** Follows the link to the PASS page and reads the same dates there. */
async function expectPassPage(page: Page, number: string, start: string): Promise<void> {
  await page.getByRole('link', { name: `Voir le PASS IAE n° ${number}` }).click();
  await page.waitForURL(url(`/passes/${number}`));
  expect(await text(page, 'main h1')).toBe(`PASS IAE n° ${number}`);
  expect(await field(page, 'main', 'Date de début')).toBe(frenchDate(start));
  expect(await field(page, 'main', 'Date de fin')).toBe(frenchDate(addDays(start, 729)));
}

describe('candidatures et embauche', () => {
  test("le prescripteur habilité envoie une candidature à l'ACI, qui embauche dès aujourd'hui : le PASS IAE s'affiche", async () => {
    const prescriber = await openPage();
    await signIn(prescriber, PRESCRIBER_EMAIL, '/espace');
    expect(await prescriber.getByRole('link', { name: 'Mes candidatures' }).getAttribute('href')).toBe('/candidatures');
    const person = { firstName: 'Awa', lastName: 'Traoré', birthDate: '1988-04-12' };
    const fullName = `${person.firstName} ${person.lastName}`;
    const personId = await registerAndDiagnose(prescriber, person, ['RSA']);
    // From the person's page, the application starts with the person chosen (the employer next).
    expect(await prescriber.getByRole('link', { name: 'Envoyer une candidature' }).getAttribute('href')).toBe(
      `/candidatures/nouvelle?personne=${personId}`,
    );

    // The employer's public page (found in the registry) offers « Postuler » to a prescriber.
    await prescriber.goto(url(`/employeurs/${aciId}`));
    await ready(prescriber);
    await prescriber.getByRole('link', { name: 'Postuler' }).click();
    await prescriber.waitForURL(url(`/candidatures/nouvelle?employerId=${aciId}`));
    await ready(prescriber);
    expect(await text(prescriber, 'main h1')).toBe('Envoyer une candidature');
    expect(await text(prescriber, 'main [data-employeur]')).toBe(`${ACI_NAME} (ACI)`);
    expect(await prescriber.locator(`#personne-${personId}`).isChecked()).toBe(false);
    await expectNoSeriousAccessibilityViolation(prescriber, '/candidatures/nouvelle');

    // Sent without choosing anyone: the web asks for the person.
    await prescriber.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await prescriber.locator('#personnes-erreur').waitFor();
    expect(await text(prescriber, '#personnes-erreur')).toBe('Choisissez la personne qui candidate.');
    expect(await prescriber.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
    await expectNoSeriousAccessibilityViolation(prescriber, '/candidatures/nouvelle (erreur)');

    // The search form narrows the list to the persons on the organization's case.
    await prescriber.getByLabel('Rechercher une personne par son nom ou son prénom').fill('Tra');
    await prescriber.getByRole('button', { name: 'Rechercher' }).click();
    await prescriber.waitForURL((u) => u.searchParams.get('q') === 'Tra');
    await ready(prescriber);
    await prescriber.locator(`label[for="personne-${personId}"]`).click();
    await prescriber
      .getByLabel("Message à l'employeur (facultatif)")
      .fill('Awa cherche un poste en maraîchage, disponible tout de suite.');
    await prescriber.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await prescriber.waitForURL(SENT_PAGE);
    const applicationId = pathOf(prescriber).split('/').at(-1)!;
    expect(await text(prescriber, 'main .fr-alert--success')).toContain('Candidature envoyée');
    expect(await stateOf(prescriber)).toBe('new');
    expect(await text(prescriber, 'main .message')).toBe(
      'Awa cherche un poste en maraîchage, disponible tout de suite.',
    );
    // The prescriber follows it but does not decide.
    expect(await prescriber.getByRole('button', { name: `Embaucher ${fullName}` }).count()).toBe(0);

    // The same person to the same employer within 24 hours: a link to the first application.
    await prescriber.goto(url(`/candidatures/nouvelle?employerId=${aciId}&personId=${personId}`));
    await ready(prescriber);
    await prescriber.getByRole('button', { name: 'Envoyer la candidature' }).click();
    const duplicate = prescriber.locator('main [role="alert"]');
    await duplicate.waitFor();
    expect(await text(prescriber, 'main [role="alert"] .fr-alert__title')).toBe('Candidature déjà envoyée');
    expect(await duplicate.getByRole('link', { name: 'Voir la candidature déjà envoyée' }).getAttribute('href')).toBe(
      `/candidatures/${applicationId}`,
    );
    expect(await session.platform.db.application.count({ where: { personId } })).toBe(1);
    await expectNoSeriousAccessibilityViolation(prescriber, '/candidatures/nouvelle (doublon)');

    await prescriber.goto(url('/candidatures'));
    expect(await text(prescriber, 'main h1')).toBe('Candidatures envoyées');
    expect(await text(prescriber, `main tr[data-candidature="${applicationId}"]`)).toContain(ACI_NAME);

    // The ACI opens it from its inbox and hires from today.
    const employer = await openPage();
    await signIn(employer, EMPLOYER_EMAIL, '/espace');
    await employer.getByRole('link', { name: 'Mes candidatures' }).click();
    await employer.waitForURL(url('/candidatures'));
    await ready(employer);
    expect(await text(employer, 'main h1')).toBe('Candidatures reçues');
    const row = `main tr[data-candidature="${applicationId}"]`;
    expect(await text(employer, row)).toContain(fullName);
    expect(await text(employer, row)).toContain('France Travail Bobigny');
    expect(await employer.locator(`${row} [data-etat]`).getAttribute('data-etat')).toBe('new');
    await expectNoSeriousAccessibilityViolation(employer, '/candidatures (reçues)');

    // Filtered by state: none accepted yet.
    await employer.getByLabel('État').selectOption('accepted');
    await employer.getByRole('button', { name: 'Rechercher' }).click();
    await employer.waitForURL((u) => u.searchParams.get('etat') === 'accepted');
    expect(await employer.locator(row).count()).toBe(0);
    await employer.goto(url('/candidatures'));
    await ready(employer);

    await employer.getByRole('link', { name: `${fullName} : voir la candidature` }).click();
    await employer.waitForURL(url(`/candidatures/${applicationId}`));
    await ready(employer);
    expect(await text(employer, 'main h1')).toBe(`Candidature de ${fullName}`);
    expect(await text(employer, '#embaucher-aide')).toContain(
      `au plus tard dans 6 mois (${frenchDate(latestHiringStartDate(parisDay()))})`,
    );
    await expectNoSeriousAccessibilityViolation(employer, '/candidatures/[id] (formulaires de décision)');

    const today = parisDay();
    await hire(employer, fullName, today);
    await employer.waitForURL(url(`/candidatures/${applicationId}?action=embaucher`));
    expect(await text(employer, 'main .fr-alert--success')).toContain('Embauche enregistrée');
    expect(await stateOf(employer)).toBe('accepted');
    const number = await expectPassShown(employer, applicationId, today);
    expect(await text(employer, 'main .historique')).toContain('Embauche');
    await expectNoSeriousAccessibilityViolation(employer, '/candidatures/[id] (embauche et PASS IAE)');
    await expectPassPage(employer, number, today);

    // The prescriber reads the hire and the PASS on its side.
    await prescriber.goto(url(`/candidatures/${applicationId}`));
    expect(await field(prescriber, 'main .pass-iae', 'Numéro')).toBe(number);
  });

  test("l'ACI, où l'auto-prescription est ouverte, enregistre sa propre candidature et embauche : le PASS IAE s'affiche", async () => {
    const page = await openPage();
    await signIn(page, EMPLOYER_EMAIL, '/espace');
    const person = { firstName: 'Karim', lastName: 'Haddad', birthDate: '1979-01-30' };
    const fullName = `${person.firstName} ${person.lastName}`;
    const personId = await registerAndDiagnose(page, person, ['RSA']);
    expect(await text(page, 'main li.diagnostic')).toContain('Employeur (auto-prescription)');

    await page.getByRole('link', { name: 'Envoyer une candidature' }).click();
    await page.waitForURL(url(`/candidatures/nouvelle?personne=${personId}`));
    await ready(page);
    expect(await text(page, 'main [data-employeur]')).toBe(`${ACI_NAME} (ACI)`);
    expect(await page.locator(`#personne-${personId}`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await page.waitForURL(SENT_PAGE);
    await ready(page);
    const applicationId = pathOf(page).split('/').at(-1)!;
    expect(await text(page, 'main')).toContain(`${ACI_NAME} (l'employeur lui-même)`);

    const today = parisDay();
    await hire(page, fullName, today);
    await page.waitForURL(url(`/candidatures/${applicationId}?action=embaucher`));
    expect(await stateOf(page)).toBe('accepted');
    const number = await expectPassShown(page, applicationId, today);
    await expectPassPage(page, number, today);
  });

  test("l'ACI reporte la date de début d'une embauche : le PASS IAE est décalé d'autant ; au-delà de 30 jours, refus en français", async () => {
    const page = await openPage();
    await signIn(page, EMPLOYER_EMAIL, '/espace');
    const person = { firstName: 'Inès', lastName: 'Moreau', birthDate: '1990-09-09' };
    const fullName = `${person.firstName} ${person.lastName}`;
    const personId = await registerAndDiagnose(page, person, ['RSA']);
    await page.getByRole('link', { name: 'Envoyer une candidature' }).click();
    await page.waitForURL(url(`/candidatures/nouvelle?personne=${personId}`));
    await ready(page);
    await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await page.waitForURL(SENT_PAGE);
    await ready(page);
    const applicationId = pathOf(page).split('/').at(-1)!;
    const first = addDays(parisDay(), 3);
    await hire(page, fullName, first);
    await page.waitForURL(url(`/candidatures/${applicationId}?action=embaucher`));
    await ready(page);

    await page.getByLabel('Nouvelle date de début du contrat').fill(addDays(first, 31));
    await page.getByRole('button', { name: 'Reporter' }).click();
    await page.locator('#date-report-erreur').waitFor();
    expect(await text(page, '#date-report-erreur')).toContain('reportée que de 30 jours au plus');
    await expectNoSeriousAccessibilityViolation(page, 'report refusé');

    const later = addDays(first, 30);
    await page.getByLabel('Nouvelle date de début du contrat').fill(later);
    await page.getByRole('button', { name: 'Reporter' }).click();
    await page.waitForURL(url(`/candidatures/${applicationId}?action=reporter`));
    await ready(page);
    expect(await text(page, 'main')).toContain(`Le contrat commence désormais le ${frenchDate(later)}.`);
    await expectPassShown(page, applicationId, later);
    expect(await text(page, 'main .historique')).toContain(`Nouvelle date : ${frenchDate(later)}`);
  });

  test("l'ACI lit le refus d'une embauche datée d'hier, sans changement, puis refuse la candidature avec un motif de la liste", async () => {
    // The application comes through the API: the journey under test is the employer's.
    const prescriberToken = await api.token(PRESCRIBER_EMAIL, DEMO_PASSWORD);
    const created = await api.post(
      '/persons',
      { firstName: 'Lina', lastName: 'Rousseau', birthDate: '1992-08-08' },
      prescriberToken,
    );
    expect(created.status).toBe(201);
    const personId = created.body.id as string;
    expect((await api.post(`/persons/${personId}/diagnoses`, { criteria: ['ASS'] }, prescriberToken)).status).toBe(201);
    const sent = await api.post('/applications', { personId, employerId: aciId }, prescriberToken);
    expect(sent.status).toBe(201);
    const applicationId = sent.body.id as string;
    const fullName = 'Lina Rousseau';

    const page = await openPage();
    await signIn(page, EMPLOYER_EMAIL, `/candidatures/${applicationId}`);
    await ready(page);
    expect(await stateOf(page)).toBe('new');

    // A start date in the past: the API's French refusal beside the field, nothing changes.
    await hire(page, fullName, parisDay(-1));
    await page.locator('main [role="alert"]').waitFor();
    expect(pathOf(page)).toBe(`/candidatures/${applicationId}`);
    const refusal = 'La date de début du contrat ne peut pas être dans le passé.';
    expect(await text(page, 'main [role="alert"]')).toContain(refusal);
    expect(await text(page, '#date-debut-erreur')).toBe(refusal);
    expect(await page.getByLabel('Date de début du contrat').getAttribute('aria-describedby')).toBe(
      'date-debut-erreur',
    );
    expect(await page.getByLabel('Date de début du contrat').inputValue()).toBe(parisDay(-1));
    expect(await page.title()).toBe(`Erreur - Candidature de ${fullName} - Plateforme de l'inclusion`);
    expect(await stateOf(page)).toBe('new');
    const unchanged = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(unchanged).toMatchObject({ state: 'new', passNumber: null, hiringStartDate: null });
    expect(await session.platform.db.pass.count({ where: { personId } })).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, '/candidatures/[id] (embauche refusée)');

    await page.getByRole('button', { name: "Mettre à l'étude" }).click();
    await page.waitForURL(url(`/candidatures/${applicationId}?action=traiter`));
    await ready(page);
    expect(await stateOf(page)).toBe('processing');

    // No reason chosen: the web asks for one.
    await page.getByRole('button', { name: 'Refuser la candidature' }).click();
    await confirmAction(page, 'Confirmer le refus');
    await page.locator('#motif-refus-erreur').waitFor();
    expect(await text(page, '#motif-refus-erreur')).toBe('Choisissez le motif du refus dans la liste.');
    expect(await stateOf(page)).toBe('processing');

    await page.getByLabel('Motif du refus').selectOption('no_position');
    await page.getByLabel("Message à l'émetteur (facultatif)").fill('Tous nos postes sont pourvus jusqu’en septembre.');
    await page.getByRole('button', { name: 'Refuser la candidature' }).click();
    await confirmAction(page, 'Confirmer le refus');
    await page.waitForURL(url(`/candidatures/${applicationId}?action=refuser`));
    expect(await stateOf(page)).toBe('refused');
    expect(await content(page, '#motif-affiche')).toBe(REFUSAL_REASONS.no_position);
    expect(await text(page, 'main .historique')).toContain(REFUSAL_REASONS.no_position);
    expect(await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      state: 'refused',
      refusalReason: 'no_position',
      passNumber: null,
    });
    // From "refused", only hiring and archiving remain.
    expect(await page.getByRole('button', { name: 'Archiver' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: "Mettre à l'étude" }).count()).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, '/candidatures/[id] (refusée)');
  });
  test('sans JavaScript, les formulaires marchent : candidature enregistrée, puis mise en attente', async () => {
    const employerToken = await api.token(EMPLOYER_EMAIL, DEMO_PASSWORD);
    const created = await api.post(
      '/persons',
      { firstName: 'Théo', lastName: 'Lambert', birthDate: '1985-03-03' },
      employerToken,
    );
    expect(created.status).toBe(201);
    const personId = created.body.id as string;

    const page = await openPage(false);
    await signIn(page, EMPLOYER_EMAIL, `/candidatures/nouvelle?personId=${personId}`, false);
    expect(await page.locator(`#personne-${personId}`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await page.waitForURL(SENT_PAGE);
    const applicationId = pathOf(page).split('/').at(-1)!;
    expect(await stateOf(page)).toBe('new');

    await page.getByRole('button', { name: 'Mettre en attente' }).click();
    await page.waitForURL(url(`/candidatures/${applicationId}?action=attente`));
    expect(await stateOf(page)).toBe('postponed');
    expect(await text(page, 'main .historique')).toContain('Mise en attente');
    expect((await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe(
      'postponed',
    );
  });
});
