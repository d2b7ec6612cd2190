// The web server process: the JSON API, then the SvelteKit app, on one port.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import { createApp } from '../api/app.ts';
import { ensureAdministrator } from './bootstrap-admin.ts';
import { ensureReferenceCommuneCentres } from './registry/commune-centres.ts';
import { loadConfigOrExit } from './config.ts';
import { createDb } from './db/client.ts';
import { createLogger } from './logger.ts';
import { requireRuntimeAddresses } from './runtime.ts';
import { processClock } from './sandbox/process-clock.ts';
import { connectTemporal } from './temporal/client.ts';
import { WEB_BODY_SIZE_LIMIT } from './web-limits.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'web');
const { databaseUrl, temporalAddress } = requireRuntimeAddresses(config);

const db = createDb(databaseUrl);
const temporal = await connectTemporal(temporalAddress, config.TEMPORAL_NAMESPACE);
await ensureAdministrator(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
// Reference data, not demo data: every deployment can search around these communes.
await ensureReferenceCommuneCentres(db);

async function loadWebHandler(): Promise<RequestHandler | undefined> {
  const handlerPath = fileURLToPath(new URL('../web/build/handler.js', import.meta.url));
  if (!existsSync(handlerPath)) {
    logger.warn('web/build is missing: only the API is served (run `npm run web:build`)');
    return undefined;
  }
  // Read by the SvelteKit app at import time: its public origin (CSRF checks) and where the API is.
  process.env.ORIGIN ??= config.PUBLIC_URL;
  process.env.INTERNAL_API_URL ??= `http://127.0.0.1:${config.PORT}/api/v1`;
  process.env.BODY_SIZE_LIMIT ??= WEB_BODY_SIZE_LIMIT;
  const { handler } = (await import(handlerPath)) as { handler: RequestHandler };
  return handler;
}

const clock = await processClock(config, temporalAddress);
const app = createApp({ db, temporal, clock, config, logger }, await loadWebHandler());
const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ url: config.PUBLIC_URL }, 'web server listening');
});

function shutdown() {
  server.close(async () => {
    await temporal.connection.close();
    await db.$disconnect();
    process.exit(0);
  });
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
