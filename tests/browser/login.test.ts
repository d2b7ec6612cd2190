// Sign-in journey in Chromium against the whole platform (API, worker, Temporal, PostgreSQL,
// built SvelteKit app): DSFR home page, login with and without JavaScript, wrong password,
// logout, and an axe audit (WCAG 2 A/AA) of each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { cspViolations, launchBrowser, newPage } from '../support/browser.ts';
import { expectNoSeriousAccessibilityViolation, signIn, text } from '../support/journey.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const PRESCRIBER_EMAIL = DEMO_LOGINS.find((login) => login.email.startsWith('prescripteur@'))!.email;
const WRONG_CREDENTIALS_MESSAGE = 'Adresse e-mail ou mot de passe incorrect.';

let platform: TestPlatform;
let browser: Browser;
let prescriber: { firstName: string; lastName: string };

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ web: true, seed: true }), launchBrowser()]);
  prescriber = await platform.db.user.findUniqueOrThrow({
    where: { email: PRESCRIBER_EMAIL },
    select: { firstName: true, lastName: true },
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  expect(cspViolations).toEqual([]);
}, 60_000);

const url = (path: string) => `${platform.baseUrl}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Runs `body` on a page of its own browser context (own cookies), closed afterwards. */
async function withPage(javaScriptEnabled: boolean, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await newPage(browser, { javaScriptEnabled });
  try {
    await body(page);
  } finally {
    await page.context().close();
  }
}

/** With JavaScript, waits for the app to be hydrated: the layout starts DSFR in onMount. */
async function ready(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) await page.locator('html[data-fr-js="true"]').waitFor({ state: 'attached' });
}

/**
 * Fills and submits the /connexion form. With JavaScript the form is submitted by
 * SvelteKit's `enhance` (a fetch with `x-sveltekit-action`), without it by the browser.
 */
async function submitLoginForm(page: Page, javaScriptEnabled: boolean, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  const posted = page.waitForRequest(
    (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/connexion',
  );
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const request = await posted;
  if (javaScriptEnabled) {
    expect(request.isNavigationRequest(), 'le formulaire devrait être envoyé par enhance').toBe(false);
    expect(request.headers()['x-sveltekit-action']).toBe('true');
  } else {
    expect(request.isNavigationRequest(), 'sans JavaScript, le navigateur envoie le formulaire').toBe(true);
  }
}

describe("page d'accueil", () => {
  test('se charge en français avec le gabarit et la feuille de style DSFR', async () => {
    await withPage(true, async (page) => {
      const response = await page.goto(url('/'));
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.title()).toBe("Accueil - Plateforme de l'inclusion");

      expect(await text(page, 'header.fr-header .fr-header__service-title')).toBe("Plateforme de l'inclusion");
      // Rendered text: DSFR's .fr-logo is upper-cased by CSS.
      expect(await text(page, 'header.fr-header .fr-logo')).toBe('RÉPUBLIQUE FRANÇAISE');
      expect(await text(page, 'main h1')).toBe("Plateforme de l'inclusion");

      // The DSFR stylesheet applies: Marianne is the body font and its file actually loads.
      expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toContain('Marianne');
      const marianneLoaded = await page.evaluate(
        "document.fonts.ready.then((fonts) => [...fonts].some((f) => f.family.includes('Marianne') && f.status === 'loaded'))",
      );
      expect(marianneLoaded, 'la police Marianne devrait être chargée').toBe(true);
      // DSFR colours: a primary button is blue France (#000091).
      expect(await page.evaluate("getComputedStyle(document.querySelector('main .fr-btn')).backgroundColor")).toBe(
        'rgb(0, 0, 145)',
      );

      await ready(page, true);
      await expectNoSeriousAccessibilityViolation(page, '/');
    });
  });
});

describe('sécurité des pages (docs/rules.md §11)', () => {
  test("une CSP stricte (scripts de l'application seulement, avec nonce) ; les pages d'un utilisateur connecté ne sont pas mises en cache", async () => {
    await withPage(true, async (page) => {
      const home = await page.goto(url('/'));
      const csp = home?.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(home?.headers()['cache-control']).toBeUndefined();
      await ready(page, true);

      await signIn(page, platform.baseUrl, PRESCRIBER_EMAIL, '/espace');
      const space = await page.goto(url('/espace'));
      expect(space?.headers()['cache-control']).toBe('no-store');
      await ready(page, true);
      // Static assets keep their long-lived caching.
      const asset = await page.locator('link[rel="modulepreload"]').first().getAttribute('href');
      const assetResponse = await page.request.get(new URL(asset!, page.url()).href);
      expect(assetResponse.headers()['cache-control']).toContain('immutable');
    });
  });
});

describe.each([
  { javaScriptEnabled: true, mode: 'avec JavaScript' },
  { javaScriptEnabled: false, mode: 'sans JavaScript' },
])('connexion $mode', ({ javaScriptEnabled }) => {
  test('un prescripteur se connecte, voit son espace, puis se déconnecte', async () => {
    await withPage(javaScriptEnabled, async (page) => {
      await page.goto(url('/'));
      await ready(page, javaScriptEnabled);
      await page.locator('header .fr-header__tools-links').getByRole('link', { name: 'Se connecter' }).click();
      await page.waitForURL(url('/connexion'));
      await ready(page, javaScriptEnabled);

      await submitLoginForm(page, javaScriptEnabled, PRESCRIBER_EMAIL, DEMO_PASSWORD);
      await page.waitForURL(url('/espace'));
      expect(await text(page, 'main h1')).toBe('Mon espace');
      expect(await text(page, 'main .fr-text--lead')).toBe(`Bonjour ${prescriber.firstName} ${prescriber.lastName}`);
      expect(await text(page, 'main dt:text-is("Rôle") + dd')).toBe('Prescripteur');
      expect(await text(page, 'main dt:text-is("Organisation") + dd')).toBe('France Travail Bobigny');
      expect(await page.title()).toBe("Mon espace - Plateforme de l'inclusion");
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'inclusion_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

      if (javaScriptEnabled) {
        await ready(page, true);
        await expectNoSeriousAccessibilityViolation(page, '/espace');
      }

      await page.locator('header .fr-header__tools-links').getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(url('/'));
      await page.locator('header .fr-header__tools-links').getByRole('link', { name: 'Se connecter' }).waitFor();
      expect((await page.context().cookies()).some((c) => c.name === 'inclusion_session')).toBe(false);

      await page.goto(url('/espace'));
      expect(pathOf(page)).toBe('/connexion');
      expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/espace');
      expect(await text(page, 'main h1')).toBe("Connexion à la Plateforme de l'inclusion");
    });
  });

  test("un mauvais mot de passe affiche l'erreur de l'API et est enregistré", async () => {
    await withPage(javaScriptEnabled, async (page) => {
      const failuresBefore = await platform.db.loginFailure.count();
      await page.goto(url('/connexion'));
      await ready(page, javaScriptEnabled);

      await submitLoginForm(page, javaScriptEnabled, PRESCRIBER_EMAIL, 'pas-le-bon-mot-de-passe');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(WRONG_CREDENTIALS_MESSAGE);
      expect(await text(page, '.fr-alert__title')).toBe('Connexion impossible');
      expect(pathOf(page)).toBe('/connexion');
      expect(await page.title()).toBe("Erreur - Connexion - Plateforme de l'inclusion");
      // The e-mail is kept for the next attempt.
      expect(await page.getByLabel('Adresse électronique').inputValue()).toBe(PRESCRIBER_EMAIL);
      expect((await page.context().cookies()).some((c) => c.name === 'inclusion_session')).toBe(false);

      expect(await platform.db.loginFailure.count()).toBe(failuresBefore + 1);
      const failure = await platform.db.loginFailure.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(failure.email).toBe(PRESCRIBER_EMAIL);

      if (javaScriptEnabled) await expectNoSeriousAccessibilityViolation(page, '/connexion (erreur affichée)');
    });
  });
});
