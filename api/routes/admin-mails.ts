// « Courriels envoyés » (docs/rules.md §9): the e-mail outbox for administrators, newest first,
// with the body the development mail catcher received. Bodies may name people: each read is
// audited (docs/rules.md §9, §11).
import { z } from 'zod';
import { outboxPageSchema } from '../../contracts/mails.ts';
import { messageIdOf } from '../../server/notifications/message-id.ts';
import { auditRead } from '../audit-read.ts';
import { defineRoute } from '../route.ts';

const PAGE_SIZE = 50;

export const adminMailRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/mails',
    tag: 'Administration',
    summary: 'Les courriels de notification, les plus récents d’abord, avec leur état d’envoi (administrateurs)',
    access: [],
    query: z.strictObject({
      page: z.coerce.number({ message: 'numéro de page invalide' }).int().min(1).max(10_000).default(1),
    }),
    responses: { 200: { description: 'Une page de courriels', schema: outboxPageSchema } },
    handle: async ({ deps, actor, query }) => {
      const [rows, total] = await Promise.all([
        deps.db.emailOutbox.findMany({
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          skip: (query.page - 1) * PAGE_SIZE,
          take: PAGE_SIZE,
        }),
        deps.db.emailOutbox.count(),
      ]);
      const received = await deps.db.receivedMail.findMany({
        where: { messageId: { in: rows.map((row) => messageIdOf(row.key)) } },
        select: { messageId: true, text: true },
      });
      const texts = new Map(received.map((mail) => [mail.messageId, mail.text]));
      await auditRead(deps, actor, {
        action: 'read.emailOutbox',
        entityType: 'EmailOutbox',
        entityId: `page-${query.page}`,
        details: { count: rows.length },
      });
      return {
        status: 200,
        body: {
          page: query.page,
          pageSize: PAGE_SIZE,
          total,
          items: rows.map((row) => ({
            id: row.id,
            to: row.to,
            subject: row.subject,
            state: row.state,
            attempts: row.attempts,
            lastError: row.lastError,
            createdAt: row.createdAt.toISOString(),
            sentAt: row.sentAt?.toISOString() ?? null,
            messageId: messageIdOf(row.key),
            receivedText: texts.get(messageIdOf(row.key)) ?? null,
          })),
        },
      };
    },
  }),
];
