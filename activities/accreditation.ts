// Projection of the accreditation workflow into PostgreSQL: read model, organization
// status, audit log and notifications, in one transaction. Idempotent: a retry writes nothing
// twice (keys derived from workflow id + version) and an older version never overwrites a newer one.
import type { AccreditationState } from '../domain/accreditation.ts';
import { frenchDate } from '../domain/dates.ts';
import type { AuthorizationStatus } from '../domain/organizations.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import type { AccreditationActivities, ProjectAccreditationInput } from '../workflows/accreditation/activities.ts';
import { accreditationWorkflowId } from '../workflows/accreditation/contract.ts';

const STATUS_AFTER: Partial<Record<AccreditationState, AuthorizationStatus>> = {
  APPROVED: 'VALIDATED',
  REJECTED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  // The end date passed: no longer authorized, free to ask again.
  EXPIRED: 'NOT_SET',
};

interface NotificationText {
  to: 'ORGANIZATION' | 'PREFECTURE';
  subject: string;
  body: string;
}

function notificationsFor(action: string, view: ProjectAccreditationInput['view']): NotificationText[] {
  const message = view.events.at(-1)?.message;
  const suffix = message ? `\n\nMessage : ${message}` : '';
  const org = (subject: string, body: string): NotificationText => ({ to: 'ORGANIZATION', subject, body });
  const prefecture = (subject: string, body: string): NotificationText => ({ to: 'PREFECTURE', subject, body });
  switch (action) {
    case 'accreditation.submit':
      return [
        prefecture("Nouvelle demande d'habilitation", 'Une organisation demande à être habilitée comme prescripteur.'),
      ];
    case 'accreditation.requestInformation':
      return [
        org(
          "Informations demandées sur votre demande d'habilitation",
          `La préfecture demande des informations complémentaires. Sans réponse sous 30 jours, la demande sera abandonnée.${suffix}`,
        ),
      ];
    case 'accreditation.respond':
      return [
        prefecture(
          "Réponse à une demande d'informations",
          `L'organisation a répondu à votre demande d'informations.${suffix}`,
        ),
      ];
    case 'accreditation.approve':
      return [
        org(
          'Votre organisation est habilitée',
          `La préfecture a approuvé votre demande : vos membres sont désormais prescripteurs habilités${view.endDate ? ` jusqu'au ${frenchDate(view.endDate)}` : ''}.`,
        ),
      ];
    case 'accreditation.reject':
      return [org("Demande d'habilitation refusée", `La préfecture a refusé votre demande.${suffix}`)];
    case 'accreditation.withdraw':
      return [org('Habilitation retirée', `La préfecture a retiré votre habilitation.${suffix}`)];
    case 'accreditation.prefectureReminder':
      return [
        prefecture(
          "Rappel : demande d'habilitation en attente",
          `Une demande d'habilitation déposée le ${frenchDate(view.submittedOn)} attend votre décision.`,
        ),
      ];
    case 'accreditation.overdue':
      return [
        prefecture(
          "Demande d'habilitation en retard",
          `La demande déposée le ${frenchDate(view.submittedOn)} est sans décision depuis 30 jours : elle apparaît dans la vue régionale des retards.`,
        ),
      ];
    case 'accreditation.abandon':
      return [
        org(
          "Demande d'habilitation abandonnée",
          "Faute de réponse sous 30 jours à la demande d'informations, votre demande est abandonnée. Vous pouvez en déposer une nouvelle.",
        ),
        prefecture(
          "Demande d'habilitation abandonnée",
          "L'organisation n'a pas répondu sous 30 jours à votre demande d'informations.",
        ),
      ];
    case 'accreditation.renewalReminder':
      return [
        org(
          'Votre habilitation arrive à échéance',
          `Votre habilitation prend fin le ${frenchDate(view.endDate ?? '')}. Déposez une demande de renouvellement auprès de la préfecture.`,
        ),
      ];
    case 'accreditation.expire':
      return [
        org(
          'Habilitation expirée',
          `Votre habilitation a pris fin le ${frenchDate(view.endDate ?? '')}. Vos membres ne peuvent plus réaliser de diagnostic d'éligibilité.`,
        ),
        prefecture(
          'Habilitation expirée',
          `L'habilitation accordée jusqu'au ${frenchDate(view.endDate ?? '')} a pris fin.`,
        ),
      ];
    default:
      return [];
  }
}

export function accreditationActivities(db: Db, mail: MailSettings): AccreditationActivities {
  return {
    async projectAccreditation({ view, actedBy, action, at }: ProjectAccreditationInput): Promise<void> {
      // Older histories scheduled this activity without `at`: the database's clock then.
      const occurredAt = at ? new Date(at) : undefined;
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
          ...(occurredAt ? { occurredAt } : {}),
        });
        for (const text of notificationsFor(action, view)) {
          const recipients =
            text.to === 'ORGANIZATION'
              ? [view.organizationId]
              : (
                  await tx.organization.findMany({
                    where: { type: 'PREFECTURE', departement: view.departement },
                    select: { id: true },
                  })
                ).map((o) => o.id);
          // docs/rules.md §9: inbox and e-mail outbox in this transaction.
          await writeNotifications(
            tx,
            recipients.map((organizationId) => ({
              key: `${key}:${organizationId}`,
              organizationId,
              subject: text.subject,
              body: text.body,
              about: {
                kind: 'accreditationRequest',
                requestId: view.requestId,
                audience: text.to === 'ORGANIZATION' ? 'organization' : 'prefecture',
              },
              ...(occurredAt ? { createdAt: occurredAt } : {}),
            })),
            mail,
          );
        }
      });
    },
  };
}
