// PostgreSQL down is a 503 with the error shape, answered fast, never a 500; when the server is
// back the same process serves again without a restart (docs/decisions/014-faults.md).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { freePort } from '../../server/free-port.ts';
import { createLogger } from '../../server/logger.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { TEST_ADMIN } from '../support/platform.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'outage-'));
chmodSync(folder, 0o755);
const dataDir = path.join(folder, 'data');
let port: number;
let postgres: EmbeddedPostgres;
let db: Db;
let connection: Connection;
let server: Server;
let api: ApiClient;

beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir, port, durability: 'fast' });
  await applyMigrations(postgres.url);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: postgres.url, LOG_LEVEL: 'silent' });
  db = createDb(postgres.url);
  await ensureAdministrator(db, TEST_ADMIN.email, TEST_ADMIN.password);
  connection = await Connection.connect({ address: inject('temporalAddress') });
  const temporal = new Client({ connection, namespace: 'default' });
  const app = createApp({ db, temporal, clock: systemClock, config, logger: createLogger('silent', 'test') });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  api = apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await connection?.close();
  await db?.$disconnect();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('PostgreSQL down', () => {
  it('answers 503 quickly while the server is stopped, then serves again when it is back', async () => {
    const token = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await api.get('/me', token)).status).toBe(200);

    await postgres.stop();
    for (const call of [
      () => api.get('/me', token),
      () => api.get('/employers?departement=93'),
      () => api.post('/auth/token', TEST_ADMIN),
    ]) {
      const started = Date.now();
      const answer = await call();
      expect(answer.status).toBe(503);
      expect(answer.body.error).toMatchObject({
        code: 'service_unavailable',
        message: expect.stringMatching(/indisponible/),
      });
      expect(Date.now() - started).toBeLessThan(5000);
    }

    postgres = await startEmbeddedPostgres({ dataDir, port, durability: 'fast' });
    // The pool drops its dead sessions on first use; within a few calls, all is served again.
    let me = await api.get('/me', token);
    for (let attempt = 0; me.status !== 200 && attempt < 5; attempt++) me = await api.get('/me', token);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(TEST_ADMIN.email);
  }, 120_000);
});
