// Projection of the application workflow into PostgreSQL: the read model, the transition log,
// the audit log and notifications, in one transaction. Idempotent: keys come from the
// application id and version, and an older version never overwrites a newer one.
import { applicationNotices, EMPLOYER_HANDLES_ON, PENDING_APPLICATION_STATES } from '../domain/applications.ts';
import { noticeName, withFacts } from '../domain/notice-facts.ts';
import { PERSON_TOLD_OF_APPLICATION, personApplicationNotice } from '../domain/person-notices.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import type { NotificationAbout } from '../server/notifications/links.ts';
import { markHandled, type MailSettings, type Notice, writeNotifications } from '../server/notifications/write.ts';
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
        // docs/rules.md §9: what the employer had to do about it is done; then inbox and e-mail
        // outbox in this transaction, each notice naming who and what, and the person's own e-mail.
        const about: NotificationAbout = { kind: 'application', applicationId: view.applicationId };
        if (EMPLOYER_HANDLES_ON.includes(entry.transition)) {
          await markHandled(tx, { organizationIds: [view.employerId], about, at: occurredAt });
        }
        const organizationNotices = applicationNotices(entry.transition, view);
        const personIsTold = (PERSON_TOLD_OF_APPLICATION as readonly string[]).includes(entry.transition);
        if (organizationNotices.length === 0 && !personIsTold) return;
        const [person, organizations, job] = await Promise.all([
          tx.person.findUnique({ where: { id: view.personId }, select: { firstName: true, lastName: true } }),
          tx.organization.findMany({
            where: { id: { in: [view.employerId, view.senderOrganizationId] } },
            select: { id: true, name: true },
          }),
          view.jobDescriptionId
            ? tx.jobDescription.findUnique({ where: { id: view.jobDescriptionId }, select: { title: true } })
            : null,
        ]);
        const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? null;
        const selfSent = view.senderOrganizationId === view.employerId;
        const facts = [
          ['Personne', person ? noticeName(person) : null],
          ['Employeur', nameOf(view.employerId)],
          ['Envoyée par', selfSent ? null : nameOf(view.senderOrganizationId)],
          ['Poste', job?.title ?? 'candidature spontanée'],
        ] as const;
        const notices: Notice[] = organizationNotices.map((notice, index) => ({
          ...notice,
          body: withFacts(notice.body, facts),
          key: `${key}:${index}`,
          about,
          createdAt: occurredAt,
        }));
        const toPerson = personApplicationNotice(entry.transition, {
          employerName: nameOf(view.employerId) ?? "l'employeur",
          senderName: selfSent ? null : nameOf(view.senderOrganizationId),
          hiringStartDate: view.hiringStartDate,
        });
        if (toPerson) {
          const { subject, body } = toPerson;
          notices.push({ key: `${key}:person`, personId: view.personId, subject, body, createdAt: occurredAt });
        }
        await writeNotifications(tx, notices, mail);
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
