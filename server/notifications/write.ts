// The one way notifications are written (docs/rules.md §9): the inbox rows and, in the same
// transaction, one outbox row per recipient who wants each e-mail at once. Both are keyed, so a
// retried projection writes nothing twice (docs/decisions/019-email-outbox.md). A notice to a
// person (who has no account, hence no inbox) is only an e-mail, when the person gave an address.
import type { Prisma, Role } from '../../generated/prisma/client.ts';
import { type NotificationAbout, pagePath } from './links.ts';
import { outboxKey } from './message-id.ts';
import { renderNotificationEmail, renderPersonEmail } from './templates.ts';

interface NoticeContent {
  /** Unique per notification: the projection's key and an index or recipient. */
  key: string;
  subject: string;
  body: string;
  /** Workflow time, or the injected clock's (docs/rules.md §6). */
  createdAt: Date;
}

/** To the members of an organization (with a role, when set): an inbox row and e-mails. */
export interface OrganizationNotice extends NoticeContent {
  organizationId: string;
  /** Only the members with this role, when set. */
  role?: Role | null;
  about?: NotificationAbout;
}

/** To a person about their own case: an e-mail only, worded for them (domain/person-notices.ts). */
export interface PersonNotice extends NoticeContent {
  personId: string;
}

export type Notice = OrganizationNotice | PersonNotice;

const isPersonNotice = (notice: Notice): notice is PersonNotice => 'personId' in notice;

export interface MailSettings {
  /** PUBLIC_URL: links in e-mails point there. */
  publicUrl: string;
}

type Tx = Pick<Prisma.TransactionClient, 'notification' | 'membership' | 'emailOutbox' | 'person'>;

export async function writeNotifications(tx: Tx, all: readonly Notice[], mail: MailSettings): Promise<void> {
  await writePersonEmails(tx, all.filter(isPersonNotice));
  const notices = all.filter((notice): notice is OrganizationNotice => !isPersonNotice(notice));
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

/** The outbox key of a person's e-mail: its own namespace, a person is not a user. */
export function personOutboxKey(noticeKey: string, personId: string): string {
  return outboxKey([noticeKey, `person:${personId}`]);
}

async function writePersonEmails(tx: Tx, notices: readonly PersonNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const persons = await tx.person.findMany({
    where: { id: { in: [...new Set(notices.map((n) => n.personId))] }, email: { contains: '@' } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(persons.map((p) => [p.id, p.email!]));
  const rows = notices.flatMap((notice) => {
    const to = emailOf.get(notice.personId);
    if (!to) return [];
    return [{ key: personOutboxKey(notice.key, notice.personId), userId: null, to, ...renderPersonEmail(notice) }];
  });
  // The key makes a retried projection's rewrite a no-op.
  if (rows.length > 0) await tx.emailOutbox.createMany({ data: rows, skipDuplicates: true });
}

/**
 * The matter is handled (docs/rules.md §9): the unread notifications these organizations received
 * about this thing before `at` become read. `at` is the handling change's own time, so the
 * notices that change writes (same time) stay unread, also when a retried projection runs this
 * again. Notifications are matched on their link, which is derived from what they are about.
 */
export async function markHandled(
  tx: Pick<Prisma.TransactionClient, 'notification'>,
  handled: { organizationIds: readonly string[]; about: NotificationAbout; at: Date },
): Promise<number> {
  if (handled.organizationIds.length === 0) return 0;
  const { count } = await tx.notification.updateMany({
    where: {
      recipientOrganizationId: { in: [...handled.organizationIds] },
      link: pagePath(handled.about),
      readAt: null,
      createdAt: { lt: handled.at },
    },
    data: { readAt: handled.at },
  });
  return count;
}
