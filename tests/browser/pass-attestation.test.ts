// From an application received to the PASS IAE attestation, in Chromium against the whole
// platform (docs/rules.md §4, §5, §11): France Travail sends the demo ACI the application of a
// person it diagnosed (with her e-mail, phone and commune); the ACI opens it, sees her eligibility
// diagnosis and contact details, hires her — the DSFR modal first says the hire opens a two-year
// PASS IAE, and nothing happens before « Confirmer » —, sees the PASS card, opens the PASS page
// (holder and employer named), the printable attestation, downloads the PDF and its text is read
// back. Without JavaScript, refusing another application goes through the confirmation step.
// axe audits and no sideways scroll at 1280 px and 390 px; screenshots in SHOTS_DIR (or /tmp).
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, frenchDate } from '../../domain/dates.ts';
import { diagnosisExpiry } from '../../domain/eligibility.ts';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { useBrowserPlatform } from '../support/browser-platform.ts';
import { confirmAction, stateOf } from '../support/hiring-journey.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { content, expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';
import { pdfText } from '../support/pdf-text.ts';

const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const ACI_NAME = 'Jardins de Cocagne de Bobigny';
const PRESCRIBER_NAME = 'France Travail Bobigny';
const SHOTS = process.env.SHOTS_DIR ?? tmpdir();
const WIDTHS = [1280, 390] as const;

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;
let api: ApiClient;
let prescriberToken: string;
let aciId: string;

beforeAll(async () => {
  api = apiClient(session.platform.baseUrl);
  prescriberToken = await api.token(PRESCRIBER_EMAIL, DEMO_PASSWORD);
  aciId = (await session.platform.db.organization.findFirstOrThrow({ where: { name: ACI_NAME } })).id;
});

/** France Travail registers and diagnoses a person, and sends her application to the ACI: its id. */
async function applicationReceived(firstName: string, lastName: string): Promise<string> {
  const person = await api.post(
    '/persons',
    {
      firstName,
      lastName,
      birthDate: '1989-06-14',
      email: `${lastName.toLowerCase()}@example.org`,
      phone: '06 12 34 56 78',
      communeCode: '93008',
    },
    prescriberToken,
  );
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const diagnosis = await api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriberToken);
  expect(diagnosis.status, JSON.stringify(diagnosis.body)).toBe(201);
  const application = await api.post(
    '/applications',
    { personId: person.body.id, employerId: aciId, message: 'Disponible tout de suite.' },
    prescriberToken,
  );
  expect(application.status, JSON.stringify(application.body)).toBe(201);
  return application.body.id as string;
}

const field = (page: Page, scope: string, term: string) => content(page, `${scope} dt:text-is("${term}") + dd`);

/**
 * axe at both widths, no sideways scroll at either, and a screenshot of each. Without JavaScript
 * neither axe nor a measure can run in the page: the screenshots only.
 */
async function checkWidths(page: Page, name: string, javaScript = true): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    if (!javaScript) {
      await page.screenshot({ path: path.join(SHOTS, `pass-attestation-${name}-${width}.png`) });
      continue;
    }
    await expectNoSeriousAccessibilityViolation(page, `${name} (${width} px)`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `${name} défile horizontalement à ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `pass-attestation-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("de la candidature reçue à l'attestation du PASS IAE", () => {
  test("l'employeur voit le diagnostic et les coordonnées, embauche après confirmation, puis imprime et télécharge l'attestation", async () => {
    const applicationId = await applicationReceived('Inès', 'Attestation');
    const start = parisDay();
    const page = await openPage();
    // From « Mon espace »: its to-do count opens the applications to process, hers among them.
    await signIn(page, EMPLOYER_EMAIL, '/espace');
    await ready(page);
    const toProcess = page.getByRole('link', { name: /^\d+ candidatures? à traiter$/ });
    expect(Number((await toProcess.innerText()).split(' ')[0])).toBeGreaterThanOrEqual(1);
    await toProcess.click();
    await page.waitForURL((u) => u.pathname === '/candidatures' && u.searchParams.get('etat') === 'a-traiter');
    await ready(page);
    await page.locator(`a[href="/candidatures/${applicationId}"]`).first().click();
    await page.waitForURL(url(`/candidatures/${applicationId}`));
    await ready(page);

    // The person: her diagnosis (criteria, who, validity) and her contact details, as stored.
    expect(await field(page, 'main', 'Adresse électronique')).toBe('attestation@example.org');
    expect(await field(page, 'main', 'Téléphone')).toBe('06 12 34 56 78');
    expect(await field(page, 'main', 'Commune de résidence')).toBe('Bobigny (93) – code INSEE 93008');
    const diagnosis = await content(page, 'main section[aria-labelledby="personne-titre"] .fr-card');
    expect(diagnosis).toContain(`Diagnostic du ${frenchDate(start)} par ${PRESCRIBER_NAME}`);
    expect(diagnosis).toContain('Valide');
    expect(diagnosis).toContain(`jusqu'au ${frenchDate(diagnosisExpiry('PRESCRIBER', start))}`);
    expect(diagnosis).toMatch(/RSA|revenu de solidarité active/i);
    const audit = await session.platform.db.auditEntry.count({
      where: {
        action: 'person.read',
        entityId: (await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } })).personId,
      },
    });
    expect(audit).toBeGreaterThanOrEqual(1);
    await checkWidths(page, 'candidature');

    // « Embaucher » opens the modal, which says what the hire does; nothing is done yet.
    await page.getByLabel('Date de début du contrat').fill(start);
    await page.getByRole('button', { name: 'Embaucher Inès Attestation' }).click();
    const modal = page.locator('dialog[data-confirmation="embaucher"]');
    await modal.getByRole('button', { name: "Confirmer l'embauche" }).waitFor();
    expect(await text(page, 'dialog[data-confirmation="embaucher"] .fr-modal__title')).toBe(
      'Embaucher Inès Attestation ?',
    );
    expect(await text(page, 'dialog[data-confirmation="embaucher"] .fr-modal__content')).toContain(
      `Cette embauche ouvre à Inès Attestation un PASS IAE de deux ans, du ${frenchDate(start)} au ${frenchDate(addDays(start, 729))}`,
    );
    expect(await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      state: expect.not.stringMatching(/^accepted$/),
      passNumber: null,
    });
    await checkWidths(page, 'confirmation-modale');
    // « Annuler » closes it, still nothing done; then the hire is confirmed.
    await modal.getByRole('button', { name: 'Annuler' }).click();
    await modal.getByRole('button', { name: "Confirmer l'embauche" }).waitFor({ state: 'hidden' });
    expect((await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).not.toBe(
      'accepted',
    );
    await page.getByRole('button', { name: 'Embaucher Inès Attestation' }).click();
    await confirmAction(page, "Confirmer l'embauche");
    await page.waitForURL(url(`/candidatures/${applicationId}?action=embaucher`));
    expect(await stateOf(page)).toBe('accepted');
    const number = (await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } }))
      .passNumber!;
    expect(number).toMatch(/^99999\d{7}$/);
    expect(await field(page, 'main .pass-iae', 'Numéro')).toBe(number);

    // The PASS page names the holder and the employer, « (votre structure) » after it.
    await page.getByRole('link', { name: `Voir le PASS IAE n° ${number}` }).click();
    await page.waitForURL(url(`/passes/${number}`));
    await ready(page);
    expect(await field(page, 'main', 'Titulaire')).toBe('Inès Attestation, née ou né le 14/06/1989');
    expect(await field(page, 'main', 'Employeur actuel')).toBe(`${ACI_NAME} (ACI) (votre structure)`);
    expect(await text(page, 'main table:has(caption:text("Embauches")) tbody td:nth-child(2)')).toBe(
      `${ACI_NAME} (ACI) (votre structure)`,
    );
    expect(await page.getByText('Votre structure (', { exact: false }).count()).toBe(0);
    await checkWidths(page, 'pass');

    // The printable attestation: the same facts; on paper, no header, breadcrumb or footer.
    await page.getByRole('link', { name: 'Attestation à imprimer' }).click();
    await page.waitForURL(url(`/passes/${number}/attestation`));
    await ready(page);
    expect(await text(page, 'main h1')).toBe(`Attestation de PASS IAE n° ${number}`);
    expect(await field(page, 'main .attestation', 'Titulaire')).toBe('Inès ATTESTATION');
    expect(await field(page, 'main .attestation', 'Date de naissance')).toBe('14/06/1989');
    expect(await field(page, 'main .attestation', 'Date de début')).toBe(frenchDate(start));
    expect(await field(page, 'main .attestation', 'Délivré par')).toBe("Plateforme de l'inclusion");
    await checkWidths(page, 'attestation');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate<string[]>(
      `['.fr-header', '.fr-footer', '.fr-breadcrumb', '.screen-only'].map((selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display : 'absent';
      })`,
    );
    expect(printed.every((display) => display === 'none' || display === 'absent')).toBe(true);
    expect(await page.locator('main .attestation').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'pass-attestation-impression.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The PDF, downloaded, says the number, the holder, the dates and the issuing service.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: "Télécharger l'attestation (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`attestation-pass-iae-${number}.pdf`);
    const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(pdf).toContain(`Numéro du PASS IAE : ${number}`);
    expect(pdf).toContain('Titulaire : Inès ATTESTATION');
    expect(pdf).toContain('Date de naissance : 14/06/1989');
    expect(pdf).toContain(`Date de début : ${frenchDate(start)}`);
    expect(pdf).toContain(`Date de fin : ${frenchDate(addDays(start, 729))}`);
    expect(pdf).toContain("Délivré par : Plateforme de l'inclusion");
    expect(pdf).toContain(`Employeur actuel : ${ACI_NAME}`);
  });

  test('sans JavaScript, le refus passe par une étape de confirmation, et rien ne change avant « Confirmer »', async () => {
    const applicationId = await applicationReceived('Omar', 'Sansscript');
    const page = await openPage(false);
    await signIn(page, EMPLOYER_EMAIL, `/candidatures/${applicationId}`, false);
    const before = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    await page.getByLabel('Motif du refus').selectOption({ index: 1 });
    await page.getByLabel("Message à l'émetteur (facultatif)").fill('Le poste est pourvu.');
    await page.getByRole('button', { name: 'Refuser la candidature' }).click();
    await page.locator('main h1:text("Refuser la candidature ?")').waitFor();
    expect(await text(page, 'main .confirmation .fr-callout')).toContain(
      `${PRESCRIBER_NAME} en sera informé, avec votre message.`,
    );
    const waiting = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(waiting.state).toBe(before.state);
    expect(waiting.refusalReason).toBeNull();
    await checkWidths(page, 'confirmation-sans-js', false);
    await confirmAction(page, 'Confirmer le refus');
    await page.waitForURL(url(`/candidatures/${applicationId}?action=refuser`));
    const refused = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(refused.state).toBe('refused');
    expect(refused.refusalMessage).toBe('Le poste est pourvu.');
  });
});
