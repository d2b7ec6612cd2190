// Projection of the accreditation workflow into PostgreSQL: read model, organization
// status, audit log and notifications, in one transaction. Idempotent: a retry writes nothing
// twice (keys derived from workflow id + version) and an older version never overwrites a newer one.
import type { AccreditationState } from '../domain/accreditation.ts';
import type { AuthorizationStatus } from '../domain/organizations.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import { accreditationWorkflowId } from '../workflows/accreditation/contract.ts';
import type { ProjectAccreditationInput } from './contract.ts';

const STATUS_AFTER: Partial<Record<AccreditationState, AuthorizationStatus>> = {
  APPROVED: 'VALIDATED',
  REJECTED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
};

interface NotificationText {
  to: 'ORGANIZATION' | 'PREFECTURE';
  subject: string;
  body: string;
}

function notificationFor(action: string, message: string | undefined): NotificationText | null {
  const suffix = message ? `\n\nMessage : ${message}` : '';
  switch (action) {
    case 'accreditation.submit':
      return { to: 'PREFECTURE', subject: "Nouvelle demande d'habilitation", body: "Une organisation demande à être habilitée comme prescripteur." };
    case 'accreditation.requestInformation':
      return { to: 'ORGANIZATION', subject: "Informations demandées sur votre demande d'habilitation", body: `La préfecture demande des informations complémentaires.${suffix}` };
    case 'accreditation.respond':
      return { to: 'PREFECTURE', subject: "Réponse à une demande d'informations", body: `L'organisation a répondu à votre demande d'informations.${suffix}` };
    case 'accreditation.approve':
      return { to: 'ORGANIZATION', subject: 'Votre organisation est habilitée', body: 'La préfecture a approuvé votre demande : vos membres sont désormais prescripteurs habilités.' };
    case 'accreditation.reject':
      return { to: 'ORGANIZATION', subject: "Demande d'habilitation refusée", body: `La préfecture a refusé votre demande.${suffix}` };
    case 'accreditation.withdraw':
      return { to: 'ORGANIZATION', subject: 'Habilitation retirée', body: `La préfecture a retiré votre habilitation.${suffix}` };
    default:
      return null;
  }
}

export function accreditationActivities(db: Db) {
  return {
    async projectAccreditation({ view, actedBy, action }: ProjectAccreditationInput): Promise<void> {
      const key = `${accreditationWorkflowId(view.requestId)}:v${view.version}`;
      const lastEvent = view.events.at(-1);
      await db.$transaction(async (tx) => {
        const current = await tx.accreditationRequest.findUnique({ where: { id: view.requestId }, select: { version: true } });
        const row = {
          organizationId: view.organizationId,
          departement: view.departement,
          state: view.state,
          justification: view.justification,
          reference: view.reference,
          submittedOn: view.submittedOn,
          decidedOn: view.decidedOn,
          overdue: view.overdue,
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
        });
        const text = notificationFor(action, lastEvent?.message);
        if (!text) return;
        const recipients =
          text.to === 'ORGANIZATION'
            ? [view.organizationId]
            : (await tx.organization.findMany({ where: { type: 'PREFECTURE', departement: view.departement }, select: { id: true } })).map((o) => o.id);
        await tx.notification.createMany({
          data: recipients.map((recipientOrganizationId) => ({
            key: `${key}:${recipientOrganizationId}`,
            recipientOrganizationId,
            subject: text.subject,
            body: text.body,
          })),
          skipDuplicates: true,
        });
      });
    },
  };
}
