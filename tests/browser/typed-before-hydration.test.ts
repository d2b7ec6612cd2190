// Text typed before the page's scripts have run is kept (docs/decisions/024): the scripts are
// held back until the person has typed, then let through; once the page is hydrated the text is
// still in its field and the form sends it. On the three pages where users lost their input:
// « Inscrire une personne », the registry search, and the hire date of an application. The
// NIR that contradicts the birth date comes back on its field (docs/rules.md §4).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pathOf, useBrowserPlatform } from '../support/browser-platform.ts';
import { confirmAction, registerAndDiagnose, SENT_PAGE, stateOf } from '../support/hiring-journey.ts';
import { expectNoSeriousAccessibilityViolation, parisDay, ready, text } from '../support/journey.ts';

const PRESCRIBER_EMAIL = 'prescripteur@demo.inclusion.localhost';
const EMPLOYER_EMAIL = 'employeur@demo.inclusion.localhost';
const SCRIPTS = '**/_app/immutable/**';

const session = useBrowserPlatform();
const { url, openPage, signIn } = session;

/**
 * Opens `path` with the app's scripts held back (as on a slow connection: at least 2 s), and
 * returns once the server-rendered page shows, not yet hydrated. `hydrate` lets the scripts
 * through and waits for the hydrated page.
 */
async function openBeforeHydration(
  page: Page,
  path: string,
  firstField: string,
): Promise<{ hydrate(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const heldAt = Date.now();
  await page.route(SCRIPTS, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url(path), { waitUntil: 'commit' });
  await page.locator(firstField).waitFor();
  expect(await page.locator('html[data-fr-js="true"]').count(), 'page hydrated too early').toBe(0);
  return {
    async hydrate() {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2000 - (Date.now() - heldAt))));
      release();
      await ready(page);
      await page.unroute(SCRIPTS);
      // Svelte removes the server's value attributes in a microtask after hydration: let it run.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    },
  };
}

describe('ce qui est saisi avant la fin du chargement de la page est conservé', () => {
  test('« Inscrire une personne » : les champs saisis restent et la personne est inscrite', async () => {
    const page = await openPage();
    await signIn(page, PRESCRIBER_EMAIL, '/espace');
    const loading = await openBeforeHydration(page, '/personnes/nouvelle', '#prenom');
    await page.locator('#prenom').fill('Yasmine');
    await page.locator('#nom').fill('Benali');
    await page.locator('#date-naissance').fill('1992-02-29');
    await loading.hydrate();

    expect(await page.locator('#prenom').inputValue()).toBe('Yasmine');
    expect(await page.locator('#nom').inputValue()).toBe('Benali');
    expect(await page.locator('#date-naissance').inputValue()).toBe('1992-02-29');
    await page.getByRole('button', { name: 'Inscrire la personne' }).click();
    await page.waitForURL(/\/personnes\/[0-9a-f-]{36}\?inscription=ok$/);
    expect(await text(page, 'main h1')).toContain('Yasmine Benali');
  });

  test('la recherche : la commune saisie reste et la recherche se fait autour d’elle', async () => {
    const page = await openPage();
    const loading = await openBeforeHydration(page, '/recherche', '#commune');
    await page.locator('#commune').fill('Bobigny');
    await loading.hydrate();

    expect(await page.locator('#commune').inputValue()).toBe('Bobigny');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/\/recherche\?/);
    expect(new URL(page.url()).searchParams.get('commune')).toBe('Bobigny');
    expect(await text(page, 'main')).toContain('autour de Bobigny');
  });

  test("la date d'embauche saisie reste et l'embauche se fait à cette date", async () => {
    const page = await openPage();
    await signIn(page, EMPLOYER_EMAIL, '/espace');
    const person = { firstName: 'Lina', lastName: 'Robert', birthDate: '1991-06-21' };
    const personId = await registerAndDiagnose(page, session.platform.baseUrl, person, ['RSA']);
    await page.goto(url(`/candidatures/nouvelle?personne=${personId}`));
    await ready(page);
    await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await page.waitForURL(SENT_PAGE);
    const applicationId = pathOf(page).split('/').at(-1)!;

    const today = parisDay();
    const loading = await openBeforeHydration(page, `/candidatures/${applicationId}`, '#date-debut');
    await page.locator('#date-debut').fill(today);
    await loading.hydrate();

    expect(await page.locator('#date-debut').inputValue()).toBe(today);
    await page.getByRole('button', { name: `Embaucher ${person.firstName} ${person.lastName}` }).click();
    await confirmAction(page, "Confirmer l'embauche");
    await page.waitForURL(url(`/candidatures/${applicationId}?action=embaucher`));
    expect(await stateOf(page)).toBe('accepted');
    const row = await session.platform.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.hiringStartDate).toBe(today);
  });
});

describe("les refus de l'API s'affichent sur leur champ", () => {
  test('un NIR qui contredit la date de naissance est refusé sur le champ NIR, en français', async () => {
    const page = await openPage();
    await signIn(page, PRESCRIBER_EMAIL, '/personnes/nouvelle');
    await ready(page);
    const nir = '1841276451089'; // born in December 1984
    const key = String(97 - Number(BigInt(nir) % 97n)).padStart(2, '0');
    await page.locator('#prenom').fill('Hugo');
    await page.locator('#nom').fill('Lemaire');
    await page.locator('#date-naissance').fill('1985-12-03');
    await page.locator('#nir').fill(`${nir}${key}`);
    await page.getByRole('button', { name: 'Inscrire la personne' }).click();
    await page.locator('#nir-erreur').waitFor();

    expect(await text(page, '#nir-erreur')).toMatch(
      /^Le numéro de sécurité sociale ne correspond pas à la date de naissance : ses 2e et 3e chiffres/,
    );
    expect(await page.locator('#nir').getAttribute('aria-invalid')).toBe('true');
    const alert = await text(page, '[role="alert"]');
    expect(alert).not.toContain('corps de la requête');
    expect(alert).toContain('Numéro de sécurité sociale : Le numéro de sécurité sociale ne correspond pas');
    expect(await page.locator('#nir').inputValue()).toBe(`${nir}${key}`);
    expect(await session.platform.db.person.count({ where: { lastName: 'Lemaire' } })).toBe(0);
    await expectNoSeriousAccessibilityViolation(page, 'inscription refusée (NIR)');
  });
});
