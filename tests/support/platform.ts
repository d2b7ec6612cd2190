// The whole platform in one test process, on real parts: the shared Temporal dev server
// (global setup), a fresh PostgreSQL database, a real worker on its own task queue, and the
// Express app (API + built SvelteKit app when asked) listening on a random local port.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createApp } from '../../api/app.ts';
import { newWebHopKey } from '../../api/web-hop.ts';
import type { Clock } from '../../domain/clock.ts';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createDb, type Db } from '../../server/db/client.ts';
import { createLogger } from '../../server/logger.ts';
import { WEB_BODY_SIZE_LIMIT } from '../../server/web-limits.ts';
import { createWorker } from '../../worker/create.ts';
import { seedDemoData } from '../../scripts/seed/demo-data.ts';
import { createTestDatabase } from './database.ts';
import { installQuietRuntime } from './temporal-env.ts';

export const TEST_ADMIN = { email: 'admin@test.inclusion.localhost', password: 'Mot-de-passe-admin-test' };

export interface TestPlatform {
  baseUrl: string;
  db: Db;
  temporal: Client;
  taskQueue: string;
  worker: Worker;
  stop(): Promise<void>;
}

export interface TestPlatformOptions {
  web?: boolean;
  seed?: boolean;
  clock?: Clock;
  /** Configuration variables on top of the test defaults, e.g. `{ TRUST_PROXY: '1' }`. */
  env?: Record<string, string>;
  /** Another Temporal server than the shared dev server (the sandbox's time-skipping one). */
  temporalAddress?: string;
}

async function loadWebHandler(baseUrl: string): Promise<RequestHandler> {
  // WEB_BUILD_DIR: a copy of web/build, for a test run that must not see a concurrent rebuild.
  const handlerPath = process.env.WEB_BUILD_DIR
    ? `${process.env.WEB_BUILD_DIR}/handler.js`
    : fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));
  if (!existsSync(handlerPath))
    throw new Error('web/build manquant : lancez « npm run web:build » avant les tests navigateur.');
  process.env.ORIGIN = baseUrl;
  process.env.INTERNAL_API_URL = `${baseUrl}/api/v1`;
  process.env.BODY_SIZE_LIMIT ??= WEB_BODY_SIZE_LIMIT;
  return ((await import(handlerPath)) as { handler: RequestHandler }).handler;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  installQuietRuntime();
  const address = options.temporalAddress ?? inject('temporalAddress');
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL, 'test');
  const db = createDb(database.url);
  await ensureAdministrator(db, TEST_ADMIN.email, TEST_ADMIN.password);
  if (options.seed) await seedDemoData(db, options.clock);

  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default' });

  // Listen first: the web handler needs its own origin before it is imported.
  let handler: RequestHandler | undefined;
  const app = createApp(
    { db, temporal, clock: options.clock ?? systemClock, config, logger },
    (req, res, next) => (handler ? handler(req, res, next) : next()),
    { webHopKey: newWebHopKey() },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.web) handler = await loadWebHandler(baseUrl);

  return {
    baseUrl,
    db,
    temporal,
    taskQueue,
    worker,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
