// The e-mail outbox as administrators read it (docs/rules.md §9, §13): « Courriels envoyés ».
import { z } from 'zod';

export const outboxStateSchema = z.enum(['pending', 'sent', 'failed']);
export type OutboxState = z.output<typeof outboxStateSchema>;

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  pending: 'En attente',
  sent: 'Envoyé',
  failed: 'Échec',
};

export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  state: outboxStateSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  messageId: z.string(),
  /** The text as the development mail catcher received it; null elsewhere or before delivery. */
  receivedText: z.string().nullable(),
});
export type OutboxMail = z.output<typeof outboxMailSchema>;

export const outboxPageSchema = z.object({
  items: z.array(outboxMailSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type OutboxPage = z.output<typeof outboxPageSchema>;
