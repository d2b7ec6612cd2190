// Projection of the parcours workflow into PostgreSQL: the PASS read model, prolongation
// requests, audit log and notifications, in one transaction. Idempotent: keys come from the
// workflow id and version, and an older version never overwrites a newer one.
import { workflowTime } from './workflow-time.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { PENDING_APPLICATION_STATES } from '../domain/applications.ts';
import { parisDateOf } from '../domain/dates.ts';
import { anonymizationDate } from '../domain/pass/waiting-period.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import type { ParcoursActivities, ProjectParcoursInput } from '../workflows/parcours/activities.ts';
import { parcoursWorkflowId } from '../workflows/parcours/contract.ts';

export function parcoursActivities(db: Db, mail: MailSettings): ParcoursActivities {
  return {
    async projectParcours({ view, action, actedBy, notices, at }: ProjectParcoursInput): Promise<void> {
      const occurredAt = workflowTime(at);
      const key = `${parcoursWorkflowId(view.passNumber)}:v${view.version}`;
      await db.$transaction(async (tx) => {
        const row = {
          personId: view.personId,
          employerId: view.holdingEmployerId,
          startDate: view.start,
          endDate: view.end,
          cancelled: view.cancelled,
          expired: view.expired,
          waitingPeriodEnded: view.waitingPeriodEnded,
          snapshot: view as unknown as Prisma.InputJsonValue,
          version: view.version,
        };
        // One statement for a new PASS (the issuance's path); a later version updates the row,
        // an older one (a retry after a newer projection) changes nothing.
        const created = await tx.pass.createMany({ data: [{ number: view.passNumber, ...row }], skipDuplicates: true });
        if (created.count === 0)
          await tx.pass.updateMany({ where: { number: view.passNumber, version: { lt: view.version } }, data: row });

        const pending = view.pendingRequest;
        if (pending) {
          await tx.prolongationRequest.upsert({
            where: { id: pending.id },
            create: {
              id: pending.id,
              passNumber: view.passNumber,
              employerId: pending.employerId,
              prescriberOrganizationId: pending.prescriberOrganizationId,
              reason: pending.reason,
              endDate: pending.endDate,
              requestedOn: pending.requestedOn,
              state: 'PENDING',
            },
            update: {},
          });
        }
        if (action === 'parcours.grantProlongation' || action === 'parcours.denyProlongation') {
          const last = view.events.at(-1);
          await tx.prolongationRequest.updateMany({
            where: { passNumber: view.passNumber, state: 'PENDING' },
            data: {
              state: action === 'parcours.grantProlongation' ? 'GRANTED' : 'DENIED',
              decidedOn: view.today,
              denyReason: action === 'parcours.denyProlongation' ? (last?.detail ?? null) : null,
            },
          });
        }
        await writeAudit(tx, {
          key,
          action,
          entityType: 'Pass',
          entityId: view.passNumber,
          actorUserId: actedBy?.userId ?? null,
          actorOrganizationId: actedBy?.organizationId ?? null,
          details: { status: view.status, end: view.end, version: view.version },
          occurredAt,
        });
        // docs/rules.md §9: inbox and e-mail outbox in this transaction.
        await writeNotifications(
          tx,
          notices.map((notice, index) => ({
            ...notice,
            key: `${key}:${index}`,
            about: { kind: 'pass', passNumber: view.passNumber },
            createdAt: occurredAt,
          })),
          mail,
        );
      });
    },

    /**
     * Personal data goes when the person has no parcours left (every PASS past its waiting
     * period, or cancelled); what aggregates need (birth year, commune) stays (docs/rules.md §5, §11).
     */
    async anonymizePerson({ personId, passNumber, at }: { personId: string; passNumber: string; at?: string }) {
      const others = await db.pass.count({
        where: { personId, number: { not: passNumber }, cancelled: false, waitingPeriodEnded: false },
      });
      if (others > 0) return 'kept' as const;
      // A person back on the platform — an application under way or a diagnosis still valid —
      // is being helped again: her data stay (docs/rules.md §5).
      const pass = at ? null : await db.pass.findUnique({ where: { number: passNumber }, select: { endDate: true } });
      const on = at ? parisDateOf(new Date(at)) : pass ? anonymizationDate(pass.endDate) : null;
      const [pending, valid] = await Promise.all([
        db.application.count({ where: { personId, state: { in: [...PENDING_APPLICATION_STATES] } } }),
        on ? db.diagnosis.count({ where: { personId, expiresOn: { gte: on } } }) : 0,
      ]);
      if (pending > 0 || valid > 0) return 'kept' as const;
      await db.$transaction(async (tx) => {
        const person = await tx.person.findUnique({ where: { id: personId } });
        if (!person || person.identityKey.startsWith('anonymized:')) return;
        await tx.person.update({
          where: { id: personId },
          data: {
            firstName: 'Anonyme',
            lastName: 'Anonyme',
            birthDate: `${person.birthDate.slice(0, 4)}-01-01`,
            identityKey: `anonymized:${personId}`,
            nir: null,
            franceTravailId: null,
            email: null,
            phone: null,
          },
        });
        await writeAudit(tx, {
          key: `person.anonymize:${personId}`,
          action: 'person.anonymize',
          entityType: 'Person',
          entityId: personId,
          details: { passNumber },
          // Workflow time; older histories lack it (the database's clock then).
          occurredAt: workflowTime(at),
        });
      });
      return 'anonymized' as const;
    },
  };
}
