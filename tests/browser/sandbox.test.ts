// The sandbox in Chromium (docs/rules.md §12, decision 015): the whole platform on Temporal's
// time-skipping server, with the demo data and the trainer, played through the pages only. On
// the first day a prescriber registers, diagnoses and applies for two persons, the ACI hires
// the first, the CCAS asks for its accreditation and the ACI publishes a job description; then
// the trainer moves the simulated date with the banner (its buttons and its "to a date" form)
// and each user reads what the deadlines did: the prefecture reminded at 7 days and the request
// overdue at 30, the untouched application refused at 60 days and archived 180 days after, the
// job description's notice at 83 days and its closing at 90, one notification 90, 30 and 7 days
// before the PASS IAE's end, never twice, and the PASS expired after its end — the page, the
// API and the workflow's query agreeing. The banner gives the date in French; axe audits
// (WCAG 2 A/AA) of the main pages with it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { REFUSAL_REASONS } from '../../domain/applications.ts';
import { today } from '../../domain/clock.ts';
import { addDays } from '../../domain/dates.ts';
import { PASS_STATUS_LABELS } from '../../domain/pass/status.ts';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { ensureTrainer, TRAINER } from '../../scripts/sandbox/trainer.ts';
import { longFrenchDate } from '../../web/src/lib/sandbox.ts';
import { parcoursStateQuery, parcoursWorkflowId } from '../../workflows/parcours/contract.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { hire, registerAndDiagnose, SENT_PAGE, stateOf } from '../support/hiring-journey.ts';
import { apiClient } from '../support/http.ts';
import { content, expectNoSeriousAccessibilityViolation, ready, text } from '../support/journey.ts';

const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const ORIENTEUR_EMAIL = 'orienteur@demo.inclusion.localhost';
const PREFECTURE_EMAIL = 'prefecture@demo.inclusion.localhost';
const ACI_NAME = 'Jardins de Cocagne de Bobigny';
const JOBS = '/structure/fiches-de-poste';
const JOB_TITLE = 'Ouvrier / Ouvrière maraîcher';
const REMINDER = "Rappel : demande d'habilitation en attente";
const OVERDUE = "Demande d'habilitation en retard";

const session = useBrowserPlatform({ sandbox: true });
const { url, openPage, signIn } = session;

/** The sandbox's first day, and what the first test leaves for the next ones. */
let start: string;
let trainer: Page;
let prescriber: Page;
let prefecture: Page;
let passNumber: string;
let untouchedId: string;
let accreditationId: string;

const simulatedToday = () => today(session.sandbox.clock);
const passEnd = () => addDays(start, 729);

/** The banner's title, e.g. « Bac à sable — nous sommes le mardi 14 mars 2028 ». */
const bannerTitle = (page: Page) => text(page, '[role="region"][aria-label="Bac à sable"] .fr-notice__title');

async function expectBanner(page: Page, day: string): Promise<void> {
  await page
    .locator('[role="region"][aria-label="Bac à sable"] .fr-notice__title', { hasText: longFrenchDate(day) })
    .waitFor();
  expect(await bannerTitle(page)).toBe(`Bac à sable — nous sommes le ${longFrenchDate(day)}`);
}

/** The trainer moves the date with the banner's "to a date" form, back on the page she was on. */
async function advanceTo(day: string): Promise<void> {
  const from = pathOf(trainer);
  await trainer.getByLabel("Avancer jusqu'au").fill(day);
  await trainer.getByRole('button', { name: "Avancer jusqu'à cette date" }).click();
  await expectBanner(trainer, day);
  expect(pathOf(trainer)).toBe(from);
  expect(simulatedToday()).toBe(day);
}

/** The trainer moves the date with one of the banner's buttons. */
async function advanceBy(label: string, days: number): Promise<void> {
  const to = addDays(simulatedToday(), days);
  await trainer.getByRole('button', { name: `Avancer de ${label}` }).click();
  await expectBanner(trainer, to);
  expect(simulatedToday()).toBe(to);
}

/** The subjects in a user's « Notifications » page, newest first. */
async function notificationSubjects(page: Page): Promise<string[]> {
  await page.goto(url('/notifications'));
  await ready(page);
  expect(await text(page, 'main h1')).toBe('Notifications');
  return (await page.locator('main li.notification h2').allInnerTexts()).map((subject) => subject.trim());
}

const count = (subjects: string[], subject: string | RegExp) =>
  subjects.filter((s) => (typeof subject === 'string' ? s === subject : subject.test(s))).length;

beforeAll(async () => {
  await ensureTrainer(session.platform.db);
  start = simulatedToday();
  [trainer, prescriber, prefecture] = await Promise.all([openPage(), openPage(), openPage()]);
  await Promise.all([
    signIn(trainer, TRAINER.email, '/espace'),
    signIn(prescriber, PRESCRIBER_EMAIL, '/espace'),
    signIn(prefecture, PREFECTURE_EMAIL, '/espace'),
  ]);
}, 60_000);

describe('le bac à sable, de page en page', () => {
  test('au premier jour : le bandeau donne la date en français ; candidatures, embauche, habilitation et fiche de poste', async () => {
    // Everyone sees the simulated date; only the trainer has the controls.
    await expectBanner(prescriber, start);
    expect(await prescriber.getByRole('button', { name: /^Avancer/ }).count()).toBe(0);
    await expectBanner(trainer, start);
    expect(await trainer.getByRole('button', { name: 'Avancer de 1 semaine' }).count()).toBe(1);
    await expectNoSeriousAccessibilityViolation(trainer, '/espace (bandeau du bac à sable, formateur)');

    // The prescriber registers, diagnoses and applies for two persons to the demo ACI.
    const aci = await session.platform.db.organization.findFirstOrThrow({ where: { name: ACI_NAME } });
    const apply = async (person: { firstName: string; lastName: string; birthDate: string }) => {
      const personId = await registerAndDiagnose(prescriber, session.platform.baseUrl, person, ['RSA']);
      await prescriber.goto(url(`/candidatures/nouvelle?employerId=${aci.id}&personId=${personId}`));
      await ready(prescriber);
      await prescriber.getByRole('button', { name: 'Envoyer la candidature' }).click();
      await prescriber.waitForURL(SENT_PAGE);
      return pathOf(prescriber).split('/').at(-1)!;
    };
    const hiredId = await apply({ firstName: 'Nadia', lastName: 'Benali', birthDate: '1986-06-21' });
    untouchedId = await apply({ firstName: 'Yanis', lastName: 'Oubliée', birthDate: '1994-11-02' });
    expect(await stateOf(prescriber)).toBe('new');

    // The trainer, a member of the ACI, hires the first from the simulated today.
    await trainer.goto(url(`/candidatures/${hiredId}`));
    await ready(trainer);
    await hire(trainer, 'Nadia Benali', start);
    await trainer.waitForURL(url(`/candidatures/${hiredId}?action=embaucher`));
    expect(await stateOf(trainer)).toBe('accepted');
    passNumber = await content(trainer, 'main .pass-iae dt:text-is("Numéro") + dd');
    expect(passNumber).toMatch(/^99999\d{7}$/);

    // The CCAS asks the prefecture for its accreditation.
    const orienteur = await openPage();
    await signIn(orienteur, ORIENTEUR_EMAIL, '/habilitation');
    await ready(orienteur);
    await orienteur.getByLabel('Justification').fill('Le CCAS accompagne 400 allocataires du RSA par an.');
    await orienteur
      .getByLabel("Référence de l'arrêté préfectoral ou du document justificatif")
      .fill('Arrêté préfectoral n° 2026-0077');
    await orienteur.getByRole('button', { name: 'Déposer la demande' }).click();
    await orienteur.waitForURL(/\/habilitation\/[0-9a-f-]{36}\?depot=ok$/);
    accreditationId = pathOf(orienteur).split('/').at(-1)!;

    // The ACI publishes a job description: 90 days without update close it.
    await trainer.goto(url(`${JOBS}/nouvelle`));
    await ready(trainer);
    await trainer.getByLabel('Intitulé du poste').fill(JOB_TITLE);
    await trainer.getByLabel('Code ROME du métier').fill('A1414');
    await trainer.getByLabel('Type de contrat').selectOption('CDDI');
    await trainer.getByLabel('Nombre de postes ouverts').fill('2');
    await trainer.getByLabel('Durée hebdomadaire de travail (heures)').fill('26');
    await trainer.getByRole('button', { name: 'Créer la fiche de poste' }).click();
    await trainer.waitForURL(url(`${JOBS}?succes=creee`));
    await ready(trainer);
  }, 90_000);

  test('7 jours après le dépôt, la préfecture est relancée ; à 30 jours, la demande est en retard', async () => {
    await advanceTo(addDays(start, 7));
    expect(count(await notificationSubjects(prefecture), REMINDER)).toBe(1);
    const row = prefecture.locator(`tr[data-demande="${accreditationId}"]`);
    await prefecture.goto(url('/prefecture/habilitations'));
    await ready(prefecture);
    await expectBanner(prefecture, addDays(start, 7));
    expect(await row.getAttribute('class')).not.toContain('en-retard');

    await advanceTo(addDays(start, 29));
    expect(count(await notificationSubjects(prefecture), OVERDUE)).toBe(0);
    await advanceBy('1 jour', 1);
    const subjects = await notificationSubjects(prefecture);
    expect(count(subjects, OVERDUE)).toBe(1);
    expect(count(subjects, REMINDER)).toBe(1);
    await expectNoSeriousAccessibilityViolation(prefecture, '/notifications (préfecture, bac à sable)');
    await prefecture.goto(url('/prefecture/habilitations'));
    await ready(prefecture);
    expect(await row.getAttribute('class')).toContain('en-retard');
    expect(await content(prefecture, `tr[data-demande="${accreditationId}"] td:last-child`)).toBe('En retard');
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations (bac à sable)');
  }, 60_000);

  test('une candidature laissée sans réponse est refusée automatiquement à 60 jours', async () => {
    await advanceTo(addDays(start, 59));
    await prescriber.goto(url(`/candidatures/${untouchedId}`));
    expect(await stateOf(prescriber)).toBe('new');
    await advanceBy('1 jour', 1);
    await prescriber.goto(url(`/candidatures/${untouchedId}`));
    await ready(prescriber);
    expect(await stateOf(prescriber)).toBe('refused');
    expect(await content(prescriber, '#motif-affiche')).toBe(REFUSAL_REASONS.automatic);
    await expectNoSeriousAccessibilityViolation(prescriber, '/candidatures/[id] (refus automatique)');
  }, 60_000);

  test("une fiche de poste est fermée à 90 jours, après l'avis de 7 jours", async () => {
    const row = `main tr:has(a:text-is("${JOB_TITLE}"))`;
    await trainer.goto(url(JOBS));
    await advanceTo(addDays(start, 82));
    expect(count(await notificationSubjects(trainer), 'Fiche de poste bientôt désactivée')).toBe(0);
    await advanceBy('1 jour', 1);
    expect(count(await notificationSubjects(trainer), 'Fiche de poste bientôt désactivée')).toBe(1);
    await trainer.goto(url(JOBS));
    await ready(trainer);
    expect(await content(trainer, `${row} .fr-badge`)).toBe('Ouvert');
    await advanceBy('1 semaine', 7);
    expect(await content(trainer, `${row} .fr-badge`)).toBe('Fermé automatiquement');
    await expectNoSeriousAccessibilityViolation(trainer, `${JOBS} (fermée par le bac à sable)`);
    const subjects = await notificationSubjects(trainer);
    expect(count(subjects, 'Fiche de poste bientôt désactivée')).toBe(1);
    expect(count(subjects, 'Fiche de poste désactivée')).toBe(1);
    await expectNoSeriousAccessibilityViolation(trainer, '/notifications (employeur, bac à sable)');
  }, 60_000);

  test('la candidature refusée est archivée 180 jours après son refus', async () => {
    // 180 days without update after the automatic refusal (docs/rules.md §4).
    await advanceTo(addDays(start, 60 + 179));
    await prescriber.goto(url(`/candidatures/${untouchedId}`));
    expect(await stateOf(prescriber)).toBe('refused');
    await advanceBy('1 jour', 1);
    await prescriber.goto(url(`/candidatures/${untouchedId}`));
    expect(await stateOf(prescriber)).toBe('archived');
  }, 60_000);

  test('90, 30 et 7 jours avant la fin du PASS IAE, une notification chacune, jamais deux ; après la fin, il a expiré', async () => {
    const reminders = async () =>
      (await notificationSubjects(trainer)).filter((subject) =>
        subject.startsWith(`Le PASS IAE ${passNumber} prend fin`),
      );
    for (const [days, expected] of [
      [90, 1],
      [30, 2],
      [7, 3],
    ] as const) {
      await advanceTo(addDays(passEnd(), -days));
      const sent = await reminders();
      expect(sent).toHaveLength(expected);
      expect(sent[0]).toBe(`Le PASS IAE ${passNumber} prend fin dans ${days} jours`);
    }
    // The end day is included: still valid on it, expired the day after.
    await advanceBy('1 semaine', 7);
    await trainer.goto(url(`/passes/${passNumber}`));
    await ready(trainer);
    expect(await trainer.locator('main [data-statut]').first().getAttribute('data-statut')).toBe('valid');
    await advanceBy('1 jour', 1);
    expect(simulatedToday()).toBe(addDays(passEnd(), 1));
    expect(await trainer.locator('main [data-statut]').first().getAttribute('data-statut')).toBe('expired');
    expect(await content(trainer, 'main [data-statut]')).toBe(PASS_STATUS_LABELS.expired);
    await expectNoSeriousAccessibilityViolation(trainer, '/passes/[number] (expiré, bac à sable)');
    const subjects = await notificationSubjects(trainer);
    expect(count(subjects, `Le PASS IAE ${passNumber} a expiré`)).toBe(1);
    expect(subjects.filter((subject) => subject.startsWith(`Le PASS IAE ${passNumber} prend fin`))).toHaveLength(3);

    // The API and the workflow's query agree with the page.
    const api = apiClient(session.platform.baseUrl);
    const fromApi = await api.get(`/passes/${passNumber}`, await api.token(TRAINER.email, DEMO_PASSWORD));
    expect(fromApi.body).toMatchObject({ status: 'expired', remainingDays: 0, end: passEnd() });
    const fromWorkflow = await session.platform.temporal.workflow
      .getHandle(parcoursWorkflowId(passNumber))
      .query(parcoursStateQuery, simulatedToday());
    expect(fromWorkflow).toMatchObject({ status: 'expired', end: passEnd() });
  }, 90_000);
});
