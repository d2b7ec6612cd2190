// Projection of the selfPrescriptionRight workflow into PostgreSQL (docs/rules.md §8, §9): the
// SIAE's Organization columns the diagnoses and hires read, a history row, the audit entry and
// the SIAE's notice, in one transaction. Idempotent: keys derive from workflow id + version, and
// an older version never overwrites a newer one.
import { rightRecordOf } from '../domain/controls/right-record.ts';
import { writeAudit } from '../server/audit.ts';
import type { Db } from '../server/db/client.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import { rightNotice } from '../domain/controls/right-notices.ts';
import type {
  ProjectRightInput,
  SelfPrescriptionRightActivities,
} from '../workflows/self-prescription-right/activities.ts';
import { selfPrescriptionRightWorkflowId } from '../workflows/self-prescription-right/contract.ts';

export function selfPrescriptionRightActivities(db: Db, mail: MailSettings): SelfPrescriptionRightActivities {
  return {
    async projectSelfPrescriptionRight({ view, at }: ProjectRightInput): Promise<void> {
      const change = view.lastChange;
      if (!change) return;
      const occurredAt = new Date(at);
      const key = `${selfPrescriptionRightWorkflowId(view.employerId)}:v${view.version}`;
      const record = rightRecordOf(view.state);
      await db.$transaction(async (tx) => {
        const newest = await tx.selfPrescriptionRightChange.findFirst({
          where: { employerId: view.employerId },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        await tx.selfPrescriptionRightChange.createMany({
          data: [
            {
              employerId: view.employerId,
              version: view.version,
              action: change.action,
              on: change.on,
              ...record,
              reason: change.reason,
              actorUserId: change.actedBy?.userId ?? null,
              actorOrganizationId: change.actedBy?.organizationId ?? null,
              occurredAt,
            },
          ],
          skipDuplicates: true,
        });
        if (!newest || newest.version < view.version) {
          await tx.organization.update({
            where: { id: view.employerId },
            data: {
              selfPrescriptionStatus: record.status,
              selfPrescriptionRevokedFrom: record.revokedFrom,
              selfPrescriptionRevokedUntil: record.revokedUntil,
            },
          });
        }
        await writeAudit(tx, {
          key,
          action: `selfPrescriptionRight.${change.action}`,
          entityType: 'Organization',
          entityId: view.employerId,
          actorUserId: change.actedBy?.userId ?? null,
          actorOrganizationId: change.actedBy?.organizationId ?? null,
          details: { version: view.version, ...record, reason: change.reason },
          occurredAt,
        });
        const notice = rightNotice(change.action, view.state);
        await writeNotifications(
          tx,
          [
            {
              key,
              organizationId: view.employerId,
              ...notice,
              about: { kind: 'selfPrescriptionRight' },
              createdAt: occurredAt,
            },
          ],
          mail,
        );
      });
    },
  };
}
