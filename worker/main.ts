// The worker process: runs workflows and activities until SIGINT/SIGTERM.
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { loadConfigOrExit } from '../server/config.ts';
import { createDb } from '../server/db/client.ts';
import { createLogger } from '../server/logger.ts';
import { dailyTasks } from '../server/notifications/daily.ts';
import { startEmailSender } from '../server/notifications/sender.ts';
import { smtpTransport } from '../server/notifications/transport.ts';
import { requireRuntimeAddresses } from '../server/runtime.ts';
import { processClock } from '../server/sandbox/process-clock.ts';
import { createWorker } from './create.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'worker');
const { databaseUrl, temporalAddress } = requireRuntimeAddresses(config);

// The SDK's own logs go through the same JSON logger; its INFO chatter only when debugging.
const sdkLevel: LogLevel = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN';
Runtime.install({
  logger: new DefaultLogger(sdkLevel, ({ level, message, meta }) => {
    const method = level === 'ERROR' ? 'error' : level === 'WARN' ? 'warn' : 'debug';
    logger[method]({ sdk: meta }, message);
  }),
});

const db = createDb(databaseUrl);
const connection = await NativeConnection.connect({ address: temporalAddress });
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  db,
  publicUrl: config.PUBLIC_URL,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
});
// The e-mail outbox is sent from this process (docs/rules.md §9, docs/decisions/019-email-outbox.md).
const smtpHost = config.SMTP_HOST;
// Digests are due after each Paris day of the business clock: the sandbox's simulated one there.
const clock = smtpHost ? await processClock(config, temporalAddress) : undefined;
const sender =
  smtpHost && clock
    ? startEmailSender({
        db,
        transport: smtpTransport({ ...config, SMTP_HOST: smtpHost }),
        logger,
        daily: dailyTasks({ db, clock, mail: { publicUrl: config.PUBLIC_URL } }),
      })
    : undefined;
if (!sender) logger.warn('SMTP_HOST unset: e-mails stay in the outbox');
else logger.info({ smtpHost, smtpPort: config.SMTP_PORT }, 'e-mail sender started');
logger.info(
  { taskQueue: config.TEMPORAL_TASK_QUEUE, temporalAddress, maxCachedWorkflows: worker.options.maxCachedWorkflows },
  'worker started',
);
// Worker.run() returns after a graceful shutdown, which the SDK starts on SIGINT/SIGTERM.
await worker.run();
await sender?.stop();
await connection.close();
await db.$disconnect();
logger.info('worker stopped');
