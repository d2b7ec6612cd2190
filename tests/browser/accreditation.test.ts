// Accreditation journey in Chromium against the whole platform (docs/rules.md §7, §9): an organization
// (the demo orienteur's CCAS) asks its prefecture to be authorized; the prefecture asks for
// information; the organization answers (without JavaScript); the prefecture approves; the
// organization's member is then an authorized prescriber and finds the decision in its inbox.
// One browser context per user, an axe audit (WCAG 2 A/AA) of the prefecture's pages.
import { describe, expect, test } from 'vitest';
import { content, expectNoSeriousAccessibilityViolation, ready, text } from '../support/journey.ts';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';

const ORIENTEUR_EMAIL = 'orienteur@demo.inclusion.localhost';
const PREFECTURE_EMAIL = 'prefecture@demo.inclusion.localhost';
const ORGANIZATION_NAME = 'CCAS de Saint-Denis';

const JUSTIFICATION = 'Le CCAS accompagne chaque année 400 allocataires du RSA et réalise leur diagnostic.';
const REFERENCE = 'Arrêté préfectoral n° 2026-0042 du 5 janvier 2026';
const QUESTION = 'Merci de joindre la convention signée avec le conseil départemental.';
const ANSWER = 'La convention n° CD93-2025-118 a été signée le 3 mars 2025, copie envoyée par courrier.';

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;

/** The Paris calendar day `days` from now, as YYYY-MM-DD. */
function parisDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

describe("demande d'habilitation", () => {
  test('accès : connexion exigée, pages réservées à leur rôle', async () => {
    const anonymous = await openPage();
    for (const path of ['/habilitation', '/prefecture/habilitations', '/notifications']) {
      await anonymous.goto(url(path));
      expect(pathOf(anonymous)).toBe('/connexion');
      expect(new URL(anonymous.url()).searchParams.get('redirectTo')).toBe(path);
    }

    const orienteur = await openPage();
    await signIn(orienteur, ORIENTEUR_EMAIL, '/espace');
    const response = await orienteur.goto(url('/prefecture/habilitations'));
    expect(response?.status()).toBe(403);
    expect(await text(orienteur, 'main h1')).toBe('Accès refusé');
    expect(await text(orienteur, 'main')).toContain('Cette page est réservée aux agents de préfecture.');
    await orienteur.context().close();
  });

  test("l'organisation demande, la préfecture demande des informations, l'organisation répond, la préfecture habilite", async () => {
    const organization = await openPage();
    const prefecture = await openPage();
    await Promise.all([
      signIn(organization, ORIENTEUR_EMAIL, '/espace'),
      signIn(prefecture, PREFECTURE_EMAIL, '/espace'),
    ]);

    // 1. The organization submits its request from its space.
    expect(await content(organization, 'main dt:text-is("Habilitation") + dd')).toBe('Non habilitée (orienteur)');
    await organization.getByRole('link', { name: "Demander l'habilitation" }).click();
    await organization.waitForURL(url('/habilitation'));
    await ready(organization);
    expect(await text(organization, 'main h1')).toBe('Habilitation de mon organisation');
    await organization.getByLabel('Justification').fill(JUSTIFICATION);
    await organization.getByLabel("Référence de l'arrêté préfectoral ou du document justificatif").fill(REFERENCE);
    await organization.getByRole('button', { name: 'Déposer la demande' }).click();
    await organization.waitForURL(/\/habilitation\/[0-9a-f-]{36}\?depot=ok$/);
    const requestId = pathOf(organization).split('/').at(-1)!;
    expect(await text(organization, 'main .fr-alert--success')).toContain('Demande déposée');
    expect(await content(organization, 'main dt:text-is("État") + dd')).toBe('Déposée');
    expect(await text(organization, 'main .historique')).toContain('Déposée');

    // 2. The prefecture finds it in its queue, oldest first, and asks for information.
    await prefecture.goto(url('/prefecture/habilitations'));
    await ready(prefecture);
    expect(await text(prefecture, 'main h1')).toBe("Demandes d'habilitation");
    const row = prefecture.locator(`tr[data-demande="${requestId}"]`);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(ORGANIZATION_NAME);
    expect(await row.getAttribute('class')).not.toContain('en-retard');
    expect(await content(prefecture, 'header .fr-header__tools-links a[href="/notifications"]')).toBe(
      'Notifications 1 non lue',
    );
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations');

    // 30 days without decision: the workflow flags the request overdue in the read model the
    // lists are built from. Simulated here on the row (the next transition rewrites it).
    await session.platform.db.accreditationRequest.update({ where: { id: requestId }, data: { overdue: true } });
    await prefecture.reload();
    await ready(prefecture);
    expect(await row.getAttribute('class')).toContain('en-retard');
    expect(await content(prefecture, `tr[data-demande="${requestId}"] td:last-child`)).toBe('En retard');
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations (demande en retard)');

    // Filters are a GET form: "en retard seulement" keeps it, another state leaves nothing.
    // DSFR draws the checkbox on its label, which takes the click.
    await prefecture.locator('label[for="filtre-retard"]').click();
    expect(await prefecture.getByLabel('En retard seulement').isChecked()).toBe(true);
    await prefecture.getByRole('button', { name: 'Filtrer' }).click();
    await prefecture.waitForURL((u) => u.searchParams.get('retard') === 'oui');
    expect(await text(prefecture, 'main [role="status"]')).toBe('1 demande, dont 1 en retard');
    await prefecture.getByLabel('État de la demande').selectOption('APPROVED');
    await prefecture.getByRole('button', { name: 'Filtrer' }).click();
    await prefecture.waitForURL((u) => u.searchParams.get('etat') === 'APPROVED');
    expect(await text(prefecture, 'main [role="status"]')).toBe('Aucune demande');

    // The regional view lists it with its département.
    await prefecture.goto(url('/espace'));
    await prefecture.getByRole('link', { name: 'Vue régionale des retards' }).click();
    await prefecture.waitForURL(url('/prefecture/habilitations/region'));
    await ready(prefecture);
    const regionalRow = prefecture.locator('main tbody tr', { hasText: ORGANIZATION_NAME });
    expect((await regionalRow.innerText()).replace(/\s+/g, ' ')).toContain('Seine-Saint-Denis (93)');
    // A département is not a région: the view names the région.
    expect(await text(prefecture, 'main .fr-text--lead')).toContain(
      'dans les départements de la région Île-de-France.',
    );
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations/region');

    await prefecture.goto(url('/prefecture/habilitations'));
    await row.getByRole('link', { name: ORGANIZATION_NAME }).click();
    await prefecture.waitForURL(url(`/prefecture/habilitations/${requestId}`));
    await ready(prefecture);
    expect(await text(prefecture, 'main h1')).toBe(`Demande d'habilitation de ${ORGANIZATION_NAME}`);
    expect(await text(prefecture, 'main')).toContain(REFERENCE);
    expect(await text(prefecture, 'main')).toContain(JUSTIFICATION);
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations/[id]');

    // A message is required (checked by the web), then sent.
    await prefecture.getByRole('button', { name: 'Demander des informations' }).click();
    await prefecture.locator('#informations-message-erreur').waitFor();
    expect(await text(prefecture, '#informations-message-erreur')).toBe(
      "Saisissez les informations que l'organisation doit fournir.",
    );
    await prefecture.getByLabel('Informations demandées').fill(QUESTION);
    await prefecture.getByRole('button', { name: 'Demander des informations' }).click();
    await prefecture.locator('main .fr-alert--success').waitFor();
    expect(await text(prefecture, 'main .fr-alert--success')).toContain(
      "Votre demande d'informations a été transmise à l'organisation.",
    );
    expect(await content(prefecture, 'main .fr-badges-group')).toContain('Informations demandées');

    // The API's French refusal shows in a DSFR alert: an end date in the past.
    await prefecture.getByLabel("Date de fin de l'habilitation (facultatif)").fill(parisDay(-1));
    await prefecture.getByRole('button', { name: "Habiliter l'organisation" }).click();
    const refusal = prefecture.locator('main .fr-alert--error');
    await refusal.waitFor();
    expect((await refusal.innerText()).replace(/\s+/g, ' ')).toContain(
      "La date de fin d'habilitation doit être postérieure à aujourd'hui.",
    );
    expect(await refusal.getAttribute('role')).toBe('alert');
    await expectNoSeriousAccessibilityViolation(prefecture, '/prefecture/habilitations/[id] (erreur affichée)');

    // 3. The organization reads the question and answers, here without JavaScript.
    const organizationNoJs = await openPage(false);
    await signIn(organizationNoJs, ORIENTEUR_EMAIL, `/habilitation/${requestId}`, false);
    expect(await content(organizationNoJs, 'main dt:text-is("État") + dd')).toBe('Informations demandées');
    expect(await text(organizationNoJs, 'main .fr-alert--warning')).toContain(QUESTION);
    expect(await text(organizationNoJs, 'main .historique')).toContain(`Message de la préfecture : ${QUESTION}`);
    await organizationNoJs.getByLabel('Votre réponse').fill(ANSWER);
    await organizationNoJs.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await organizationNoJs.locator('main .fr-alert--success').waitFor();
    expect(await text(organizationNoJs, 'main .fr-alert--success')).toContain(
      'Votre réponse a été envoyée à la préfecture.',
    );
    // Completed, not new (docs/rules.md §7).
    expect(await content(organizationNoJs, 'main dt:text-is("État") + dd')).toBe('Complétée — à réexaminer');
    expect(await text(organizationNoJs, 'main .historique')).toContain(
      `Réponse envoyée Réponse de l'organisation : ${ANSWER}`,
    );

    // 4. The prefecture's queue shows the request as completed, to be examined again (not
    // « Déposée » like a new one); it reads the answer and approves, with an end date a year ahead.
    await prefecture.goto(url('/prefecture/habilitations'));
    await ready(prefecture);
    expect(await content(prefecture, `tr[data-demande="${requestId}"] .fr-badge`)).toBe('Complétée — à réexaminer');
    await prefecture.goto(url(`/prefecture/habilitations/${requestId}`));
    await ready(prefecture);
    expect(await content(prefecture, 'main .fr-badges-group')).toBe('Complétée — à réexaminer');
    expect(await text(prefecture, 'main .historique')).toContain(ANSWER);
    const endDate = parisDay(365);
    await prefecture.getByLabel("Date de fin de l'habilitation (facultatif)").fill(endDate);
    await prefecture.getByRole('button', { name: "Habiliter l'organisation" }).click();
    await prefecture.locator('main .fr-alert--success').waitFor();
    expect(await text(prefecture, 'main .fr-alert--success')).toContain("L'organisation est habilitée.");
    expect(await content(prefecture, 'main .fr-badges-group')).toBe('Habilitée');
    expect(await text(prefecture, 'main .historique')).toMatch(/Habilitée \(jusqu'au \d{1,2} \S+ \d{4}\)/);
    // Only the withdrawal remains possible.
    expect(await prefecture.getByRole('button', { name: "Retirer l'habilitation" }).count()).toBe(1);
    expect(await prefecture.getByRole('button', { name: "Habiliter l'organisation" }).count()).toBe(0);

    // 5. The organization's member is now an authorized prescriber and has been notified.
    await organization.goto(url('/espace'));
    expect(await content(organization, 'main dt:text-is("Habilitation") + dd')).toBe('Prescripteur habilité');
    const inboxLink = organization.locator('header .fr-header__tools-links a[href="/notifications"]');
    // Two notices came, but the request for information was handled when the organization
    // answered: it is read since (docs/rules.md §9), only the approval is unread.
    expect(((await inboxLink.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe('Notifications 1 non lue');
    await inboxLink.click();
    await organization.waitForURL(url('/notifications'));
    await ready(organization);
    const approval = organization.locator('li.notification', { hasText: 'Votre organisation est habilitée' });
    await approval.waitFor();
    expect(await approval.getAttribute('class')).toContain('notification--non-lue');
    const question = organization.locator('li.notification', {
      hasText: "Informations demandées sur votre demande d'habilitation",
    });
    expect(await question.count()).toBe(1);
    expect(await question.getAttribute('class')).not.toContain('notification--non-lue');
    expect(await question.getByRole('button', { name: /Marquer comme lue/ }).count()).toBe(0);
    // Unread first, newest first: the approval heads the list.
    expect(await text(organization, 'main li.notification h2')).toBe('Votre organisation est habilitée');
    await approval.getByRole('button', { name: /Marquer comme lue/ }).click();
    await inboxLink.locator('.fr-badge').waitFor({ state: 'detached' });
    expect(((await inboxLink.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe('Notifications');
    expect(await approval.getAttribute('class')).not.toContain('notification--non-lue');
    expect(await approval.getByRole('button', { name: /Marquer comme lue/ }).count()).toBe(0);
    await expectNoSeriousAccessibilityViolation(organization, '/notifications');

    const status = await session.platform.db.organization.findFirstOrThrow({
      where: { name: ORGANIZATION_NAME },
      select: { authorizationStatus: true },
    });
    expect(status.authorizationStatus).toBe('VALIDATED');
  });
});

// Runs after the approval above: the issue asks that "a member of the organization can then
// record a prescriber diagnosis", through the UI (docs/rules.md §4, §7).
describe("après l'habilitation", () => {
  test('un membre du CCAS inscrit une personne et réalise un diagnostic de prescripteur habilité', async () => {
    const status = await session.platform.db.organization.findFirstOrThrow({
      where: { name: ORGANIZATION_NAME },
      select: { authorizationStatus: true },
    });
    expect(status.authorizationStatus, "le test précédent doit avoir habilité l'organisation").toBe('VALIDATED');

    const member = await openPage();
    await signIn(member, ORIENTEUR_EMAIL, '/espace');
    await member.getByRole('link', { name: 'Inscrire une personne' }).click();
    await member.waitForURL(url('/personnes/nouvelle'));
    await ready(member);
    await member.getByLabel('Prénom').fill('Sofiane');
    await member.getByLabel('Nom', { exact: true }).fill('Haddad');
    await member.getByLabel('Date de naissance').fill('1988-03-21');
    await member.getByRole('button', { name: 'Inscrire la personne' }).click();
    await member.waitForURL(/\/personnes\/[0-9a-f-]{36}\?inscription=ok$/);
    const personId = pathOf(member).split('/').at(-1)!;
    await ready(member);

    // No more "authorized prescribers only" notice: the checklist and a plain submission.
    expect(await member.locator('main .fr-notice').count()).toBe(0);
    await member.locator('label[for="critere-RSA"]').click();
    await member.locator('label[for="critere-SANS_HEBERGEMENT"]').click();
    await member.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await member.waitForURL(url(`/personnes/${personId}?diagnostic=ok`));
    await member.locator('main li.diagnostic').waitFor();
    expect(await text(member, 'main li.diagnostic dt:text-is("Auteur") + dd')).toBe('Prescripteur habilité');
    expect(await text(member, 'main li.diagnostic dt:text-is("Valide jusqu\'au") + dd')).toMatch(/^\d{1,2} \S+ \d{4}$/);
    await expectNoSeriousAccessibilityViolation(member, '/personnes/[id] (membre du CCAS habilité)');

    const organization = await session.platform.db.organization.findFirstOrThrow({
      where: { name: ORGANIZATION_NAME },
      select: { id: true },
    });
    expect(await session.platform.db.diagnosis.findFirstOrThrow({ where: { personId } })).toMatchObject({
      author: 'PRESCRIBER',
      authorOrganizationId: organization.id,
      criteria: ['RSA', 'SANS_HEBERGEMENT'],
    });
  });
});
