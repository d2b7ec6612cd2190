// Projection of the application workflow into PostgreSQL: the read model, the transition log,
// the audit log and notifications, in one transaction. Idempotent: keys come from the
// application id and version, and an older version never overwrites a newer one.
import { applicationNotices, PENDING_APPLICATION_STATES } from '../domain/applications.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import type { ApplicationActivities } from '../workflows/application/activities.ts';

export function applicationActivities(
  db: Db,
  mail: MailSettings,
): Pick<ApplicationActivities, 'projectApplication' | 'pendingApplicationsOfPerson'> {
  return {
    async projectApplication({ view, entry }) {
      const key = `application:${view.applicationId}:v${view.version}`;
      const occurredAt = new Date(entry.at);
      await db.$transaction(async (tx) => {
        const row = {
          state: view.state,
          refusalReason: view.refusalReason,
          refusalMessage: view.refusalMessage,
          hiringStartDate: view.hiringStartDate,
          hiringEndDate: view.hiringEndDate,
          passNumber: view.passNumber,
          lastUpdatedOn: view.lastUpdatedOn,
          version: view.version,
        };
        // The API inserts the row in the transaction that starts this workflow: wait for it
        // (ON CONFLICT DO NOTHING) rather than fail on its key, then apply only a newer version.
        await tx.application.createMany({
          data: [
            {
              id: view.applicationId,
              personId: view.personId,
              employerId: view.employerId,
              jobDescriptionId: view.jobDescriptionId,
              senderOrganizationId: view.senderOrganizationId,
              senderUserId: view.senderUserId,
              senderKind: view.senderKind,
              message: view.message,
              createdAt: new Date(view.history[0]?.at ?? entry.at),
              ...row,
            },
          ],
          skipDuplicates: true,
        });
        await tx.application.updateMany({
          where: { id: view.applicationId, version: { lt: view.version } },
          data: row,
        });
        await tx.applicationTransition.createMany({
          data: [
            {
              key,
              applicationId: view.applicationId,
              transition: entry.transition,
              fromState: entry.from,
              toState: entry.to,
              actorUserId: entry.actorUserId,
              actorOrganizationId: entry.actorOrganizationId,
              reason: entry.reason,
              occurredAt,
            },
          ],
          skipDuplicates: true,
        });
        await writeAudit(tx, {
          key,
          action: `application.${entry.transition}`,
          entityType: 'Application',
          entityId: view.applicationId,
          actorUserId: entry.actorUserId,
          actorOrganizationId: entry.actorOrganizationId,
          occurredAt,
          details: { from: entry.from, to: entry.to, reason: entry.reason, passNumber: view.passNumber },
        });
        // docs/rules.md §9: inbox and e-mail outbox in this transaction.
        await writeNotifications(
          tx,
          applicationNotices(entry.transition, view).map((notice, index) => ({
            ...notice,
            key: `${key}:${index}`,
            about: { kind: 'application', applicationId: view.applicationId },
            createdAt: occurredAt,
          })),
          mail,
        );
      });
    },

    async pendingApplicationsOfPerson({ personId, exceptApplicationId }) {
      const pending = await db.application.findMany({
        where: { personId, id: { not: exceptApplicationId }, state: { in: [...PENDING_APPLICATION_STATES] } },
        select: { id: true },
      });
      return pending.map((a) => a.id);
    },
  };
}
