// Projection of the accreditation workflow into PostgreSQL: read model, organization
// status, audit log and notifications, in one transaction. Idempotent: a retry writes nothing
// twice (keys derived from workflow id + version) and an older version never overwrites a newer one.
import { workflowTime } from './workflow-time.ts';
import {
  accreditationAnsweredOn,
  accreditationNotices,
  type AccreditationEvent,
  type AccreditationState,
} from '../domain/accreditation.ts';
import type { AuthorizationStatus } from '../domain/organizations.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import { ACCREDITATION_HANDLED_BY } from '../domain/handled-notices.ts';
import { withFacts } from '../domain/notice-facts.ts';
import { markHandled, type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import type { AccreditationActivities, ProjectAccreditationInput } from '../workflows/accreditation/activities.ts';
import { accreditationWorkflowId } from '../workflows/accreditation/contract.ts';

const STATUS_AFTER: Partial<Record<AccreditationState, AuthorizationStatus>> = {
  APPROVED: 'VALIDATED',
  REJECTED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  // The end date passed: no longer authorized, free to ask again.
  EXPIRED: 'NOT_SET',
};

/** The audit action `accreditation.<event>` names the event whose notices are sent. */
const eventOf = (action: string) => action.replace(/^accreditation\./, '') as AccreditationEvent['action'];

export function accreditationActivities(db: Db, mail: MailSettings): AccreditationActivities {
  return {
    async projectAccreditation({ view, actedBy, action, at }: ProjectAccreditationInput): Promise<void> {
      const occurredAt = workflowTime(at);
      const key = `${accreditationWorkflowId(view.requestId)}:v${view.version}`;
      await db.$transaction(async (tx) => {
        const current = await tx.accreditationRequest.findUnique({
          where: { id: view.requestId },
          select: { version: true },
        });
        const row = {
          organizationId: view.organizationId,
          departement: view.departement,
          state: view.state,
          justification: view.justification,
          reference: view.reference,
          submittedOn: view.submittedOn,
          decidedOn: view.decidedOn,
          // Read from the history, so that requests answered before this column existed have it too.
          answeredOn: accreditationAnsweredOn(view.events),
          overdue: view.overdue,
          endDate: view.endDate,
          version: view.version,
        };
        if (!current) {
          await tx.accreditationRequest.create({ data: { id: view.requestId, ...row } });
        } else if (current.version < view.version) {
          await tx.accreditationRequest.update({ where: { id: view.requestId }, data: row });
        }
        const isNewest = !current || current.version <= view.version;
        const status = STATUS_AFTER[view.state];
        if (status && isNewest) {
          await tx.organization.update({ where: { id: view.organizationId }, data: { authorizationStatus: status } });
        }
        await writeAudit(tx, {
          key,
          action,
          entityType: 'AccreditationRequest',
          entityId: view.requestId,
          actorUserId: actedBy?.userId ?? null,
          actorOrganizationId: actedBy?.organizationId ?? null,
          details: { state: view.state, version: view.version },
          occurredAt,
        });
        const event = eventOf(action);
        const prefectures = async () =>
          (
            await tx.organization.findMany({
              where: { type: 'PREFECTURE', departement: view.departement },
              select: { id: true },
            })
          ).map((o) => o.id);
        // docs/rules.md §9: whoever had to act on the request has acted, their notices are handled.
        const handledBy = ACCREDITATION_HANDLED_BY[event];
        if (handledBy) {
          await markHandled(tx, {
            organizationIds: handledBy === 'prefecture' ? await prefectures() : [view.organizationId],
            about: { kind: 'accreditationRequest', requestId: view.requestId, audience: handledBy },
            at: occurredAt,
          });
        }
        const notices = accreditationNotices(event, {
          submittedOn: view.submittedOn,
          endDate: view.endDate,
          message: view.events.at(-1)?.message,
        });
        for (const text of notices) {
          const recipients = text.to === 'ORGANIZATION' ? [view.organizationId] : await prefectures();
          // The prefecture is told which organization asks (docs/rules.md §9).
          const body =
            text.to === 'PREFECTURE'
              ? withFacts(text.body, [
                  [
                    'Organisation',
                    (await tx.organization.findUnique({ where: { id: view.organizationId }, select: { name: true } }))
                      ?.name,
                  ],
                ])
              : text.body;
          // docs/rules.md §9: inbox and e-mail outbox in this transaction.
          await writeNotifications(
            tx,
            recipients.map((organizationId) => ({
              key: `${key}:${organizationId}`,
              organizationId,
              subject: text.subject,
              body,
              about: {
                kind: 'accreditationRequest',
                requestId: view.requestId,
                audience: text.to === 'ORGANIZATION' ? 'organization' : 'prefecture',
              },
              createdAt: occurredAt,
            })),
            mail,
          );
        }
      });
    },
  };
}
