// Notifications of the controls a posteriori (docs/rules.md §9): to an SIAE, or to the DDETS of
// a département, through the platform's one writer (inbox and e-mail outbox in the
// transaction). Keys make retried writes idempotent.
import type { Prisma } from '../generated/prisma/client.ts';
import type { NotificationAbout } from '../server/notifications/links.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';

interface Notice {
  key: string;
  subject: string;
  body: string;
  at: Date;
  about: NotificationAbout;
}

export async function notifyOrganizations(
  tx: Prisma.TransactionClient,
  recipients: readonly string[],
  notice: Notice,
  mail: MailSettings,
): Promise<void> {
  await writeNotifications(
    tx,
    recipients.map((organizationId) => ({
      key: `${notice.key}:${organizationId}`,
      organizationId,
      subject: notice.subject,
      body: notice.body,
      about: notice.about,
      createdAt: notice.at,
    })),
    mail,
  );
}

export async function notifyDdets(
  tx: Prisma.TransactionClient,
  notice: Notice & { departement: string },
  mail: MailSettings,
): Promise<void> {
  const ddets = await tx.organization.findMany({
    where: { type: 'DDETS', departement: notice.departement },
    select: { id: true },
  });
  await notifyOrganizations(
    tx,
    ddets.map((o) => o.id),
    notice,
    mail,
  );
}
