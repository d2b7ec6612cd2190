// The sender loop's daily work (docs/rules.md §9; docs/decisions/019-email-outbox.md): once a Paris
// day D is over, one digest e-mail per « récapitulatif quotidien » user with D's notifications,
// and the purge of delivered e-mails older than 62 days. Both are idempotent — digests are keyed
// `digest:<userId>:<D>` and inserted with skipDuplicates, a purge deletes what is old — so every
// sender process may run them, and a restarted one runs them again harmlessly.
import type { Clock } from '../../domain/clock.ts';
import { addDays, parisDateOf, startOfParisDay, type IsoDate } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { outboxKey } from './message-id.ts';
import { renderDigestEmail } from './templates.ts';
import type { MailSettings } from './write.ts';

/** Delivered e-mails and what the mail catcher received are kept this long (les-emplois keeps 62 days). */
export const SENT_MAIL_RETENTION_DAYS = 62;

export function digestKey(userId: string, day: IsoDate): string {
  return outboxKey([`digest:${userId}:${day}`]);
}

/** Writes the digests of Paris day `day`; returns how many outbox rows were inserted. */
export async function writeDailyDigests(db: Db, day: IsoDate, mail: MailSettings): Promise<number> {
  const users = await db.user.findMany({
    where: { isActive: true, emailNotifications: 'daily_digest', memberships: { some: {} } },
    select: {
      id: true,
      email: true,
      memberships: { select: { organizationId: true, role: true, organization: { select: { name: true } } } },
    },
  });
  const recipients = users.filter((u) => u.email.includes('@'));
  if (recipients.length === 0) return 0;
  const organizationIds = [...new Set(recipients.flatMap((u) => u.memberships.map((m) => m.organizationId)))];
  const notifications = await db.notification.findMany({
    where: {
      recipientOrganizationId: { in: organizationIds },
      createdAt: { gte: new Date(startOfParisDay(day)), lt: new Date(startOfParisDay(addDays(day, 1))) },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { recipientOrganizationId: true, recipientRole: true, subject: true, body: true, link: true },
  });
  const rows = recipients.flatMap((user) => {
    const mine = notifications.filter((n) =>
      user.memberships.some(
        (m) => m.organizationId === n.recipientOrganizationId && (!n.recipientRole || n.recipientRole === m.role),
      ),
    );
    if (mine.length === 0) return [];
    const organizationName = user.memberships.map((m) => m.organization.name).join(' », « ');
    return [
      {
        key: digestKey(user.id, day),
        userId: user.id,
        to: user.email,
        ...renderDigestEmail(
          mine.map((n) => ({ subject: n.subject, body: n.body, path: n.link ?? '/notifications' })),
          day,
          { publicUrl: mail.publicUrl, organizationName },
        ),
      },
    ];
  });
  if (rows.length === 0) return 0;
  const { count } = await db.emailOutbox.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** Deletes delivered outbox rows and received mails older than the retention period. */
export async function purgeSentMail(db: Db, now: Date): Promise<{ outbox: number; received: number }> {
  const before = new Date(startOfParisDay(addDays(parisDateOf(now), -SENT_MAIL_RETENTION_DAYS)));
  const [outbox, received] = await Promise.all([
    db.emailOutbox.deleteMany({ where: { state: 'sent', sentAt: { lt: before } } }),
    db.receivedMail.deleteMany({ where: { receivedAt: { lt: before } } }),
  ]);
  return { outbox: outbox.count, received: received.count };
}

export interface DailyReport {
  day: IsoDate;
  digests: number;
  purged: { outbox: number; received: number };
}

/**
 * Checked at every pass of the sender: runs when the business clock (the sandbox's, in the
 * sandbox) has entered a day whose previous day this process has not handled yet.
 */
export function dailyTasks(deps: { db: Db; clock: Clock; mail: MailSettings }): { run(): Promise<DailyReport | null> } {
  let handled: IsoDate | undefined;
  return {
    async run() {
      const now = deps.clock.now();
      const yesterday = addDays(parisDateOf(now), -1);
      if (handled === yesterday) return null;
      const digests = await writeDailyDigests(deps.db, yesterday, deps.mail);
      const purged = await purgeSentMail(deps.db, now);
      handled = yesterday;
      return { day: yesterday, digests, purged };
    },
  };
}
