// The web server process: the JSON API, then the SvelteKit app, on one port.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import { createApp } from './app.ts';
import { newWebHopKey } from './web-hop.ts';
import { ensureAdministrator } from '../server/bootstrap-admin.ts';
import { ensureReferenceCommuneCentres } from '../server/registry/commune-centres.ts';
import { loadConfigOrExit } from '../server/config.ts';
import { createDb } from '../server/db/client.ts';
import { createLogger } from '../server/logger.ts';
import { requireRuntimeAddresses } from '../server/runtime.ts';
import { processClock } from '../server/sandbox/process-clock.ts';
import { connectTemporal } from '../server/temporal/client.ts';
import { WEB_BODY_SIZE_LIMIT } from '../server/web-limits.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'web');
const { databaseUrl, temporalAddress } = requireRuntimeAddresses(config);

const db = createDb(databaseUrl);
const temporal = await connectTemporal(temporalAddress, config.TEMPORAL_NAMESPACE);
await ensureAdministrator(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
// Reference data, not demo data: every deployment can search around these communes.
await ensureReferenceCommuneCentres(db);

// Before the web app is imported: it reads the key from the environment.
const webHopKey = newWebHopKey();

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
const app = createApp({ db, temporal, clock, config, logger }, await loadWebHandler(), { webHopKey });
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
