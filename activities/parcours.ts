// Projection of the parcours workflow into PostgreSQL: the PASS read model, prolongation
// requests, audit log and notifications, in one transaction. Idempotent: keys come from the
// workflow id and version, and an older version never overwrites a newer one.
import { workflowTime } from './workflow-time.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { PENDING_APPLICATION_STATES } from '../domain/applications.ts';
import { parisDateOf } from '../domain/dates.ts';
import { noticeName, withFacts } from '../domain/notice-facts.ts';
import { PERSON_TOLD_OF_PARCOURS, personParcoursNotice } from '../domain/person-notices.ts';
import { anonymizationDate } from '../domain/pass/waiting-period.ts';
import type { Db } from '../server/db/client.ts';
import { writeAudit } from '../server/audit.ts';
import type { NotificationAbout } from '../server/notifications/links.ts';
import { markHandled, type MailSettings, type Notice, writeNotifications } from '../server/notifications/write.ts';
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
        const about: NotificationAbout = { kind: 'pass', passNumber: view.passNumber };
        if (action === 'parcours.grantProlongation' || action === 'parcours.denyProlongation') {
          // docs/rules.md §9: the request is decided, the prescriber's notices about it are handled.
          const decided = await tx.prolongationRequest.findMany({
            where: { passNumber: view.passNumber, state: 'PENDING' },
            select: { prescriberOrganizationId: true },
          });
          await markHandled(tx, {
            organizationIds: decided.map((r) => r.prescriberOrganizationId),
            about,
            at: occurredAt,
          });
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
        if (action === 'parcours.prolong') {
          // The employer asked for or declared a prolongation: its end reminders are handled.
          await markHandled(tx, { organizationIds: [view.holdingEmployerId], about, at: occurredAt });
        }
        // docs/rules.md §9: inbox and e-mail outbox in this transaction, each notice naming the
        // person and the employer; the person's own e-mail when they are told of this change.
        const event = view.events.at(-1);
        const personIsTold = event !== undefined && PERSON_TOLD_OF_PARCOURS.includes(event.kind);
        if (notices.length === 0 && !personIsTold) return;
        const [person, employer] = await Promise.all([
          tx.person.findUnique({ where: { id: view.personId }, select: { firstName: true, lastName: true } }),
          tx.organization.findUnique({ where: { id: view.holdingEmployerId }, select: { name: true } }),
        ]);
        const facts = [
          ['Personne', person ? noticeName(person) : null],
          ['Employeur', employer?.name],
        ] as const;
        const written: Notice[] = notices.map((notice, index) => ({
          ...notice,
          body: withFacts(notice.body, facts),
          key: `${key}:${index}`,
          about,
          createdAt: occurredAt,
        }));
        const lastSuspension = view.suspensions.at(-1);
        const toPerson = event
          ? personParcoursNotice(event.kind, {
              passNumber: view.passNumber,
              start: view.start,
              end: view.end,
              today: view.today,
              employerName: employer?.name ?? 'votre employeur',
              lastSuspension: lastSuspension ? { start: lastSuspension.start, end: lastSuspension.end } : null,
            })
          : null;
        if (toPerson) {
          const { subject, body } = toPerson;
          written.push({ key: `${key}:person`, personId: view.personId, subject, body, createdAt: occurredAt });
        }
        await writeNotifications(tx, written, mail);
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
