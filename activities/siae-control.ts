// The siaeControl workflow's activities (docs/rules.md §8, §9): the projection (read model,
// hires and criteria, audit, notifications to the SIAE and the DDETS) and the call to the
// self-prescription right workflow. Idempotent: keys from workflow id + version.
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Prisma } from '../generated/prisma/client.ts';
import { writeAudit } from '../server/audit.ts';
import type { Db } from '../server/db/client.ts';
import { scheduleSelfPrescriptionRevocation } from '../server/self-prescription-right/calls.ts';
import type { ProjectSiaeControlInput, SiaeControlActivities } from '../workflows/siae-control/activities.ts';
import { siaeControlWorkflowId, type SiaeControlView } from '../workflows/siae-control/contract.ts';
import { CONTROL_HANDLED_BY } from '../domain/handled-notices.ts';
import { withFacts } from '../domain/notice-facts.ts';
import { markHandled, type MailSettings } from '../server/notifications/write.ts';
import { notifyDdets, notifyOrganizations } from './control-notifications.ts';
import { controlNotices } from './siae-control-notices.ts';

async function writeRows(tx: Prisma.TransactionClient, view: SiaeControlView): Promise<void> {
  const row = {
    kind: view.kind,
    campaignId: view.campaignId,
    employerId: view.employerId,
    departement: view.departement,
    stage: view.stage,
    phase: view.phase,
    phaseStartedOn: view.phaseStartedOn,
    phaseDeadline: view.phaseDeadline,
    state: view.state,
    decision: view.decision?.outcome ?? null,
    refusalReason: view.decision?.reason ?? null,
    decidedOn: view.decision?.decidedOn ?? null,
    sanctions: (view.decision?.sanctions ?? []) as unknown as Prisma.InputJsonValue,
    sampleSeed: view.sample ? BigInt(view.sample.seed) : null,
    sampleVersion: view.sample?.version ?? null,
    version: view.version,
  };
  const current = await tx.siaeControl.findUnique({ where: { id: view.controlId }, select: { version: true } });
  if (current && current.version >= view.version) return;
  if (!current) await tx.siaeControl.create({ data: { id: view.controlId, ...row } });
  else await tx.siaeControl.update({ where: { id: view.controlId }, data: row });

  const applications = await tx.application.findMany({
    where: { id: { in: view.hires.map((h) => h.applicationId) } },
    select: { id: true, passNumber: true },
  });
  for (const hire of view.hires) {
    const states =
      hire.failedWithoutCriteria && hire.criteria.length === 0 ? ['refused'] : hire.criteria.map((c) => c.state);
    const hireRow = await tx.controlledHire.upsert({
      where: { controlId_applicationId: { controlId: view.controlId, applicationId: hire.applicationId } },
      create: {
        id: randomUUID(),
        controlId: view.controlId,
        applicationId: hire.applicationId,
        passNumber: applications.find((a) => a.id === hire.applicationId)?.passNumber ?? null,
        chosenCriteria: hire.criteria.map((c) => c.criterion),
        state: worst(states),
      },
      update: { chosenCriteria: hire.criteria.map((c) => c.criterion), state: worst(states) },
    });
    await tx.controlCriterion.deleteMany({
      where: { hireId: hireRow.id, criterion: { notIn: hire.criteria.map((c) => c.criterion) } },
    });
    for (const c of hire.criteria) {
      const data = { state: c.state, ddetsComment: c.comment, proofId: c.proofId };
      await tx.controlCriterion.upsert({
        where: { hireId_criterion: { hireId: hireRow.id, criterion: c.criterion } },
        create: { id: randomUUID(), hireId: hireRow.id, criterion: c.criterion, ...data },
        update: data,
      });
    }
  }
}

const PRECEDENCE = ['pending', 'uploaded', 'submitted', 'refused_2', 'refused', 'accepted'];
const worst = (states: readonly string[]) => PRECEDENCE.find((s) => states.includes(s)) ?? 'pending';

export function siaeControlActivities(db: Db, mail: MailSettings): SiaeControlActivities {
  return {
    async projectSiaeControl({ view, actedBy, action, at }: ProjectSiaeControlInput) {
      const key = `${siaeControlWorkflowId(view.controlId)}:v${view.version}:${action}`;
      const occurredAt = new Date(at);
      await db.$transaction(async (tx) => {
        await writeRows(tx, view);
        await writeAudit(tx, {
          key,
          action,
          entityType: 'SiaeControl',
          entityId: view.controlId,
          actorUserId: actedBy?.userId ?? null,
          actorOrganizationId: actedBy?.organizationId ?? null,
          details: { stage: view.stage, phase: view.phase, state: view.state, version: view.version },
          occurredAt,
        });
        // docs/rules.md §9: the side that just acted has handled its notices about this control.
        const handledBy = CONTROL_HANDLED_BY[action];
        if (handledBy) {
          const organizationIds =
            handledBy === 'siae'
              ? [view.employerId]
              : (
                  await tx.organization.findMany({
                    where: { type: 'DDETS', departement: view.departement },
                    select: { id: true },
                  })
                ).map((o) => o.id);
          await markHandled(tx, {
            organizationIds,
            about: { kind: 'control', controlId: view.controlId, audience: handledBy },
            at: occurredAt,
          });
        }
        const controlled = await tx.organization.findUnique({ where: { id: view.employerId }, select: { name: true } });
        for (const notice of controlNotices(action, view)) {
          const audience = notice.to === 'SIAE' ? 'siae' : 'ddets';
          const text = {
            key: `${key}:${notice.to}`,
            subject: notice.subject,
            // The DDETS is told which structure (docs/rules.md §9).
            body: notice.to === 'DDETS' ? withFacts(notice.body, [['Structure', controlled?.name]]) : notice.body,
            at: occurredAt,
            about: { kind: 'control', controlId: view.controlId, audience } as const,
          };
          if (notice.to === 'SIAE') await notifyOrganizations(tx, [view.employerId], text, mail);
          else await notifyDdets(tx, { ...text, departement: view.departement }, mail);
        }
      });
    },

    async revokeSelfPrescriptionRight({
      employerId,
      departement,
      controlId,
      sanction,
      notifiedOn: _notifiedOn,
      actedBy,
    }) {
      const { client, info } = Context.current();
      await scheduleSelfPrescriptionRevocation(
        { client, taskQueue: info.taskQueue, employer: { id: employerId, departement } },
        {
          ...(sanction.kind === 'temporary_revocation'
            ? { kind: 'temporary', start: sanction.from, end: sanction.until }
            : { kind: 'permanent', start: sanction.from }),
          reason: "Sanction décidée à l'issue du contrôle a posteriori.",
          decidedBy: actedBy,
        },
        `revocation-${controlId}`,
      );
    },
  };
}
