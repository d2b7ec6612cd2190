// One browser test file's set-up: the whole platform (web app and demo data) and Chromium,
// started before its tests and stopped after, with pages in contexts of their own — on the
// shared Temporal dev server, or in the sandbox (time-skipping server and its clock) when asked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { cspViolations, launchBrowser, newPage } from './browser.ts';
import { signIn } from './journey.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';
import { startSandboxPlatform, type SandboxPlatform } from './sandbox-platform.ts';

export interface BrowserPlatform {
  /** Available from the first test on (set in beforeAll). */
  readonly platform: TestPlatform;
  /** The sandbox's clock and platform, with `useBrowserPlatform({ sandbox: true })` only. */
  readonly sandbox: SandboxPlatform;
  url(path: string): string;
  /** A page with its own cookies (own session), closed after all tests. */
  openPage(javaScriptEnabled?: boolean): Promise<Page>;
  /** Signs a demo user in through /connexion?redirectTo=…, landing on `path`. */
  signIn(page: Page, email: string, path: string, javaScriptEnabled?: boolean): Promise<void>;
}

export function useBrowserPlatform(options: { sandbox?: boolean } = {}): BrowserPlatform {
  let platform: TestPlatform | undefined;
  let sandbox: SandboxPlatform | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    const starting = options.sandbox
      ? startSandboxPlatform({ web: true, seed: true }).then((started) => {
          sandbox = started;
          return started.platform;
        })
      : startTestPlatform({ web: true, seed: true });
    [platform, browser] = await Promise.all([starting, launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await (sandbox ?? platform)?.stop();
    expect(cspViolations).toEqual([]);
  }, 60_000);

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
    async openPage(javaScriptEnabled = true) {
      const page = await newPage(browser!, { javaScriptEnabled });
      pages.push(page);
      return page;
    },
    signIn: (page, email, path, javaScriptEnabled = true) =>
      signIn(page, platform!.baseUrl, email, path, javaScriptEnabled),
  };
}

/** The path of the page's current URL. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;
