// Chromium for the browser tests: the Debian package driven by playwright-core (no browser
// download here), headless and without any background traffic to Google services.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface NewPageOptions {
  /** false: the page runs no script at all, as with a browser that has JavaScript off. */
  javaScriptEnabled?: boolean;
}

/**
 * A page in its own browser context (own cookies, hence own session), French locale.
 * Close it with `await page.context().close()`.
 */
export async function newPage(browser: Browser, { javaScriptEnabled = true }: NewPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      cspViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

/** What the CSP blocked (docs/rules.md §11), as Chromium reports it on the console, on every page. */
export const cspViolations: string[] = [];
