// A real SMTP server for development and tests (docs/rules.md §9: "an outbox readable in the app
// in development"): accepts every message on a local port and stores it in ReceivedMail. Like a
// mail client, it keeps one message per Message-ID: a resend after a crash is not stored twice.
import { simpleParser, type AddressObject } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../db/client.ts';

export interface MailCatcher {
  port: number;
  /** Messages received, duplicates included (the stored rows are deduplicated). */
  received(): number;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((a) => a.text).join(', ');
}

export async function startMailCatcher(deps: { db: Db; port: number; host?: string }): Promise<MailCatcher> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          received += 1;
          await deps.db.receivedMail.createMany({
            data: [
              {
                messageId: mail.messageId ?? `sans-identifiant-${randomUUID()}`,
                to: addresses(mail.to),
                from: addresses(mail.from),
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
              },
            ],
            skipDuplicates: true,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const host = deps.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.port;
  return {
    port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
