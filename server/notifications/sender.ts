// Delivers the e-mail outbox (docs/rules.md §9; docs/decisions/019-email-outbox.md). A claim takes
// due rows with FOR UPDATE SKIP LOCKED, counts the attempt and pushes the next one back before
// sending, and commits: several senders never take the same row, and a sender that dies after
// sending leaves a row that says an attempt was made. The Message-ID is the row's key, so the
// receiving side recognises a resend.
import type { Db } from '../db/client.ts';
import { systemClock } from '../clock.ts';
import type { DailyReport } from './daily.ts';
import { messageIdOf } from './message-id.ts';
import type { MailTransport } from './transport.ts';

export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 60_000;

/** Wait before the attempt after `attempts` attempts: 1 min × 2^(attempts−1). */
export function retryDelayMs(attempts: number): number {
  return BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1);
}

interface ClaimedRow {
  id: string;
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

async function claim(db: Db, now: Date, batchSize: number): Promise<ClaimedRow[]> {
  return db.$transaction(async (tx) => {
    // Rows whose last attempt was interrupted with no attempt left: failed, not retried forever.
    await tx.$executeRaw`
      UPDATE "EmailOutbox" SET state = 'failed', "lastError" = coalesce("lastError", 'envoi interrompu')
      WHERE state = 'pending' AND attempts >= ${MAX_ATTEMPTS} AND "nextAttemptAt" <= ${now}`;
    const rows = await tx.$queryRaw<ClaimedRow[]>`
      SELECT id, key, "to", subject, text, html, attempts FROM "EmailOutbox"
      WHERE state = 'pending' AND "nextAttemptAt" <= ${now} AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "nextAttemptAt", id LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    for (const row of rows) {
      row.attempts += 1;
      await tx.emailOutbox.update({
        where: { id: row.id },
        data: { attempts: row.attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
      });
    }
    return rows;
  });
}

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
}

/** One pass: claims due rows and delivers them one by one. */
export async function sendDueEmails(
  db: Db,
  transport: MailTransport,
  options: { now?: Date; batchSize?: number } = {},
): Promise<SendReport> {
  // Delivery and its back-off run on the machine's clock: SMTP retries happen in real time,
  // also in the sandbox (a mail's business date is its notification's).
  const now = options.now ?? systemClock.now();
  const report: SendReport = { sent: 0, retried: 0, failed: 0 };
  for (const row of await claim(db, now, options.batchSize ?? 20)) {
    try {
      await transport.send({
        messageId: messageIdOf(row.key),
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
      });
    } catch (error) {
      const lastError = (error as Error).message.slice(0, 1000);
      const failed = row.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.updateMany({
        where: { id: row.id, state: 'pending' },
        data: { lastError, ...(failed ? { state: 'failed' } : {}) },
      });
      report[failed ? 'failed' : 'retried'] += 1;
      continue;
    }
    await db.emailOutbox.updateMany({
      where: { id: row.id, state: 'pending' },
      data: { state: 'sent', sentAt: systemClock.now(), lastError: null },
    });
    report.sent += 1;
  }
  return report;
}

export interface EmailSender {
  stop(): Promise<void>;
}

export interface SenderLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** The worker's loop: a pass every `intervalMs`, until stopped. */
export function startEmailSender(deps: {
  db: Db;
  transport: MailTransport;
  logger: SenderLogger;
  /** The digests and the purge (daily.ts), checked before each pass's delivery. */
  daily?: { run(): Promise<DailyReport | null> };
  intervalMs?: number;
}): EmailSender {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        const daily = await deps.daily?.run();
        if (daily) deps.logger.info(daily, 'e-mail daily digests and purge');
      } catch (error) {
        deps.logger.error({ err: error }, 'e-mail daily digests or purge failed');
      }
      try {
        const report = await sendDueEmails(deps.db, deps.transport);
        if (report.sent + report.retried + report.failed > 0) deps.logger.info(report, 'e-mail outbox');
      } catch (error) {
        deps.logger.error({ err: error }, 'e-mail outbox pass failed');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, deps.intervalMs ?? 5_000).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      deps.transport.close();
    },
  };
}
