// One browser test file's set-up: the whole platform (web app and demo data) and Chromium,
// started before its tests and stopped after, with pages in contexts of their own — on the
// shared Temporal dev server, or in the sandbox (time-skipping server and its clock) when asked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-data.ts';
import { cspViolations, launchBrowser, newPage } from './browser.ts';
import { signIn } from './journey.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from './platform.ts';
import { startSandboxPlatform, type SandboxPlatform } from './sandbox-platform.ts';

export interface BrowserPlatform {
  /** Available from the first test on (set in beforeAll). */
  readonly platform: TestPlatform;
  /** The sandbox's clock and platform, with `useBrowserPlatform({ sandbox: true })` only. */
  readonly sandbox: SandboxPlatform;
  url(path: string): string;
  /** A page with its own cookies (own session), closed after all tests. */
  openPage(javaScriptEnabled?: boolean): Promise<Page>;
  /** Signs a demo user (or the test administrator) in through /connexion?redirectTo=…, landing on `path`. */
  signIn(page: Page, email: string, path: string, javaScriptEnabled?: boolean): Promise<void>;
  /** A page of its own (`openPage`), signed in (`signIn`) and landed on `path`. */
  signedInPage(email: string, path: string, javaScriptEnabled?: boolean): Promise<Page>;
}

export interface BrowserPlatformOptions {
  /** On the sandbox (time-skipping server and its clock) rather than the shared dev server. */
  sandbox?: boolean;
  /** With the demo data (the default); the test administrator is there either way. */
  seed?: boolean;
}

/** The demo users share one password; the test administrator has its own. */
const passwordOf = (email: string) => (email === TEST_ADMIN.email ? TEST_ADMIN.password : DEMO_PASSWORD);

export function useBrowserPlatform(options: BrowserPlatformOptions = {}): BrowserPlatform {
  const seed = options.seed ?? true;
  let platform: TestPlatform | undefined;
  let sandbox: SandboxPlatform | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    const starting = options.sandbox
      ? startSandboxPlatform({ web: true, seed }).then((started) => {
          sandbox = started;
          return started.platform;
        })
      : startTestPlatform({ web: true, seed });
    [platform, browser] = await Promise.all([starting, launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await (sandbox ?? platform)?.stop();
    expect(cspViolations).toEqual([]);
  }, 60_000);

  const openPage = async (javaScriptEnabled = true) => {
    const page = await newPage(browser!, { javaScriptEnabled });
    pages.push(page);
    return page;
  };
  const signInPage = (page: Page, email: string, path: string, javaScriptEnabled = true) =>
    signIn(page, platform!.baseUrl, email, path, javaScriptEnabled, passwordOf(email));

  return {
    get platform() {
      if (!platform) throw new Error('the platform starts in beforeAll');
      return platform;
    },
    get sandbox() {
      if (!sandbox) throw new Error('useBrowserPlatform({ sandbox: true }) starts the sandbox in beforeAll');
      return sandbox;
    },
    url: (path) => `${platform!.baseUrl}${path}`,
    openPage,
    signIn: signInPage,
    async signedInPage(email, path, javaScriptEnabled = true) {
      const page = await openPage(javaScriptEnabled);
      await signInPage(page, email, path, javaScriptEnabled);
      return page;
    },
  };
}

/** The path of the page's current URL. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;
