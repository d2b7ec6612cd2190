// The outbox key of one e-mail, also its Message-ID (docs/decisions/019-email-outbox.md): derived
// from the notification key and the recipient, so a rewrite finds the same row and a resend after
// a crash carries the same Message-ID.
import { createHash } from 'node:crypto';

export const MESSAGE_ID_DOMAIN = 'inclusion.localhost';

/** A hash, not the raw keys: Message-ID local parts may not hold `:` and keys do. */
export function outboxKey(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

export function messageIdOf(key: string): string {
  return `<${key}@${MESSAGE_ID_DOMAIN}>`;
}
