// The end user's address on the web app's own calls to the API (docs/rules.md §11). The web
// app runs in the same process and calls the API over loopback; the API cannot take the
// address from X-Forwarded-For there (any local client could send one), so the web app sends
// it with a key made at start-up that only this process knows.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';

/** Read by the web app when it is imported (web/src/lib/server/api.ts). */
export const WEB_HOP_KEY_ENV = 'INTERNAL_API_KEY';
export const WEB_HOP_KEY_HEADER = 'x-inclusion-web-key';
export const WEB_HOP_CLIENT_HEADER = 'x-inclusion-client-ip';

/** A fresh key, put in the environment before the web app is imported. */
export function newWebHopKey(): string {
  const key = randomBytes(32).toString('base64url');
  process.env[WEB_HOP_KEY_ENV] = key;
  return key;
}

function sameKey(given: string, expected: Buffer): boolean {
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

/** With the right key, `req.ip` becomes the address the web app saw; otherwise nothing changes. */
export function webHopClientAddress(key: string | undefined): RequestHandler {
  const expected = key ? Buffer.from(key) : null;
  return (req, _res, next) => {
    const given = req.get(WEB_HOP_KEY_HEADER);
    const address = req.get(WEB_HOP_CLIENT_HEADER);
    if (expected && given && address && isIP(address) !== 0 && sameKey(given, expected)) {
      Object.defineProperty(req, 'ip', { value: address, configurable: true, enumerable: true });
    }
    next();
  };
}
