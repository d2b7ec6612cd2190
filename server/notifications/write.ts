// The one way notifications are written (docs/rules.md §9): the inbox rows and, in the same
// transaction, one outbox row per recipient who wants each e-mail at once. Both are keyed, so a
// retried projection writes nothing twice (docs/decisions/019-email-outbox.md).
import type { Prisma, Role } from '../../generated/prisma/client.ts';
import { type NotificationAbout, pagePath } from './links.ts';
import { outboxKey } from './message-id.ts';
import { renderNotificationEmail } from './templates.ts';

export interface Notice {
  /** Unique per notification: the projection's key and an index or recipient. */
  key: string;
  organizationId: string;
  /** Only the members with this role, when set. */
  role?: Role | null;
  subject: string;
  body: string;
  about?: NotificationAbout;
  /** Workflow time, or the injected clock's (docs/rules.md §6). */
  createdAt: Date;
}

export interface MailSettings {
  /** PUBLIC_URL: links in e-mails point there. */
  publicUrl: string;
}

type Tx = Pick<Prisma.TransactionClient, 'notification' | 'membership' | 'emailOutbox'>;

export async function writeNotifications(tx: Tx, notices: readonly Notice[], mail: MailSettings): Promise<void> {
  if (notices.length === 0) return;
  const inserted = await tx.notification.createManyAndReturn({
    data: notices.map((notice) => ({
      key: notice.key,
      recipientOrganizationId: notice.organizationId,
      recipientRole: notice.role ?? null,
      subject: notice.subject,
      body: notice.body,
      link: pagePath(notice.about),
      createdAt: notice.createdAt,
    })),
    skipDuplicates: true,
    select: { key: true },
  });
  // A notification already written (a retry) already has its e-mails.
  const fresh = new Set(inserted.map((row) => row.key));
  const toMail = notices.filter((notice) => fresh.has(notice.key));
  if (toMail.length === 0) return;

  const members = await tx.membership.findMany({
    where: {
      organizationId: { in: [...new Set(toMail.map((n) => n.organizationId))] },
      user: { isActive: true, emailNotifications: 'immediate' },
    },
    select: {
      organizationId: true,
      role: true,
      organization: { select: { name: true } },
      user: { select: { id: true, email: true } },
    },
  });
  const rows = toMail.flatMap((notice) =>
    members
      .filter((m) => m.organizationId === notice.organizationId && (!notice.role || m.role === notice.role))
      .filter((m) => m.user.email.includes('@'))
      .map((m) => ({
        key: outboxKey([notice.key, m.user.id]),
        userId: m.user.id,
        to: m.user.email,
        ...renderNotificationEmail(
          { subject: notice.subject, body: notice.body, path: pagePath(notice.about) },
          { publicUrl: mail.publicUrl, organizationName: m.organization.name },
        ),
      })),
  );
  if (rows.length > 0) await tx.emailOutbox.createMany({ data: rows, skipDuplicates: true });
}
