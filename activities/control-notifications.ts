// Notifications of the controls a posteriori (docs/rules.md §9): to an SIAE, or to the DDETS
// of a département. Keys make retried writes idempotent.
import type { Prisma } from '../generated/prisma/client.ts';

interface Notice {
  key: string;
  subject: string;
  body: string;
  at: Date;
}

export async function notifyOrganizations(
  tx: Prisma.TransactionClient,
  recipients: readonly string[],
  notice: Notice,
): Promise<void> {
  await tx.notification.createMany({
    data: recipients.map((recipientOrganizationId) => ({
      key: `${notice.key}:${recipientOrganizationId}`,
      recipientOrganizationId,
      subject: notice.subject,
      body: notice.body,
      createdAt: notice.at,
    })),
    skipDuplicates: true,
  });
}

export async function notifyDdets(
  tx: Prisma.TransactionClient,
  notice: Notice & { departement: string },
): Promise<void> {
  const ddets = await tx.organization.findMany({
    where: { type: 'DDETS', departement: notice.departement },
    select: { id: true },
  });
  await notifyOrganizations(
    tx,
    ddets.map((o) => o.id),
    notice,
  );
}
