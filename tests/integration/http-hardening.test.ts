// Web hardening of the API (docs/rules.md §11): security headers, no caching of answers that
// may carry personal data, and the client's address taken from X-Forwarded-For only behind a
// configured proxy (TRUST_PROXY), or from the web app's own calls with this process's key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CSP, DOCS_CSP } from '../../api/http-headers.ts';
import { MAX_FAILURES_PER_IP } from '../../api/auth/throttle.ts';
import { WEB_HOP_CLIENT_HEADER, WEB_HOP_KEY_ENV, WEB_HOP_KEY_HEADER } from '../../api/web-hop.ts';
import { apiClient } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';

const LOOPBACK = ['127.0.0.1', '::ffff:127.0.0.1', '::1'];
let sequence = 0;

/** One failed sign-in with these headers; returns the address the API recorded for it. */
async function failedLoginAddress(platform: TestPlatform, headers: Record<string, string>): Promise<string> {
  const email = `inconnu-${++sequence}@test.inclusion.localhost`;
  const response = await fetch(`${platform.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: 'mauvais-mot-de-passe' }),
  });
  expect(response.status).toBe(401);
  return (await platform.db.loginFailure.findFirstOrThrow({ where: { email } })).ip;
}

describe('by default (no proxy configured)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform?.stop());

  it('authenticated answers are never stored; every API answer has a strict CSP, nosniff and a referrer policy', async () => {
    const admin = await apiClient(platform.baseUrl).token(TEST_ADMIN.email, TEST_ADMIN.password);
    const signedIn = await fetch(`${platform.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${admin}` } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${platform.baseUrl}/api/v1/persons`, { headers: { authorization: 'Bearer faux' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    for (const response of [signedIn, refused]) {
      expect(response.headers.get('content-security-policy')).toBe(API_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    }

    const openData = await fetch(`${platform.baseUrl}/api/v1/open-data/employers.json`);
    expect(openData.status).toBe(200);
    expect(openData.headers.get('cache-control')).toBeNull();
    expect(openData.headers.get('content-security-policy')).toBe(API_CSP);
    const docs = await fetch(`${platform.baseUrl}/api/v1/docs`);
    expect(docs.headers.get('content-security-policy')).toBe(DOCS_CSP);
  });

  it('X-Forwarded-For is ignored: the login limit per address counts the real peer, whatever it claims', async () => {
    expect(LOOPBACK).toContain(await failedLoginAddress(platform, { 'x-forwarded-for': '203.0.113.9' }));
    for (let i = 1; i < MAX_FAILURES_PER_IP; i++) {
      await failedLoginAddress(platform, { 'x-forwarded-for': `203.0.113.${i + 10}` });
    }
    const response = await fetch(`${platform.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.200' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(response.status).toBe(429);
    await platform.db.loginFailure.deleteMany({});
  });

  it("the web app's calls carry the end user's address with this process's key; a wrong key changes nothing", async () => {
    const key = process.env[WEB_HOP_KEY_ENV]!;
    expect(
      await failedLoginAddress(platform, { [WEB_HOP_KEY_HEADER]: key, [WEB_HOP_CLIENT_HEADER]: '198.51.100.4' }),
    ).toBe('198.51.100.4');
    expect(LOOPBACK).toContain(
      await failedLoginAddress(platform, { [WEB_HOP_KEY_HEADER]: `${key}x`, [WEB_HOP_CLIENT_HEADER]: '198.51.100.5' }),
    );
  });
});

describe('behind a configured proxy (TRUST_PROXY=1)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => platform?.stop());

  it('the address the proxy appended to X-Forwarded-For is the client, and only that one', async () => {
    expect(await failedLoginAddress(platform, { 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    // A client-chosen value before the proxy's own entry is not believed.
    expect(await failedLoginAddress(platform, { 'x-forwarded-for': '10.9.9.9, 203.0.113.10' })).toBe('203.0.113.10');
  });
});
