import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { requestDeadline } from './request-deadline.ts';

describe('request deadline', () => {
  it('answers 503 with the error shape when the handler is still busy, and ignores its late answer', async () => {
    const app = express();
    app.use(requestDeadline(1));
    let lateWrite: unknown = 'not yet';
    app.get('/slow', (_req, res) => {
      setTimeout(() => {
        lateWrite = res.headersSent; // the deadline answered first
      }, 1500);
    });
    app.get('/fast', (_req, res) => void res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const slow = await fetch(`${base}/slow`);
      expect(slow.status).toBe(503);
      expect(slow.headers.get('retry-after')).toBe('5');
      expect((await slow.json()) as unknown).toMatchObject({ error: { code: 'service_unavailable' } });
      expect(Date.now() - started).toBeLessThan(1400);
      const fast = await fetch(`${base}/fast`);
      expect([fast.status, await fast.json()]).toEqual([200, { ok: true }]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(lateWrite).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
