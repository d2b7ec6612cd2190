// The job description workflow's deadlines in PostgreSQL: the notice to the employer and the
// deactivation (SPEC §3). Idempotent: notifications and audit entries are keyed, and the row
// changes only while it still counts from the day the workflow counted from.
import { frenchDate } from '../domain/dates.ts';
import { deactivationDay } from '../domain/job-descriptions.ts';
import { writeAudit } from '../server/audit.ts';
import type { Db } from '../server/db/client.ts';
import type { JobDescriptionDeadlineInput, JobDescriptionDeadlineResult } from './contract.ts';

function notificationText(input: JobDescriptionDeadlineInput, title: string): { subject: string; body: string } {
  if (input.kind === 'notice') {
    return {
      subject: 'Fiche de poste bientôt désactivée',
      body: `La fiche de poste « ${title} » n’a pas été mise à jour depuis le ${frenchDate(input.countedFrom)}. Sans mise à jour, le recrutement sera fermé le ${frenchDate(deactivationDay(input.countedFrom))}.`,
    };
  }
  return {
    subject: 'Fiche de poste désactivée',
    body: `La fiche de poste « ${title} » n’a pas été mise à jour depuis 90 jours : le recrutement est fermé depuis le ${frenchDate(input.on)}. Vous pouvez la rouvrir à tout moment.`,
  };
}

export function jobDescriptionActivities(db: Db) {
  return {
    async applyJobDescriptionDeadline(input: JobDescriptionDeadlineInput): Promise<JobDescriptionDeadlineResult> {
      // Dated by the workflow, so a controlled clock (the sandbox, docs/rules.md §6, §12) shows here too.
      const occurredAt = input.at ? new Date(input.at) : undefined;
      return db.$transaction(async (tx) => {
        const row = await tx.jobDescription.findUnique({
          where: { id: input.jobDescriptionId },
          select: { title: true, lastUpdatedOn: true, recruitmentOpen: true, deactivatedOn: true },
        });
        if (!row?.lastUpdatedOn) return { outcome: 'gone' };
        // A retry after the deactivation was committed finds it done.
        const alreadyDeactivated =
          input.kind === 'deactivation' && !row.recruitmentOpen && row.deactivatedOn === input.on;
        if (row.lastUpdatedOn !== input.countedFrom || (!row.recruitmentOpen && !alreadyDeactivated)) {
          return {
            outcome: 'stale',
            current: { lastUpdatedOn: row.lastUpdatedOn, recruitmentOpen: row.recruitmentOpen },
          };
        }
        if (input.kind === 'deactivation' && !alreadyDeactivated) {
          await tx.jobDescription.update({
            where: { id: input.jobDescriptionId },
            data: { recruitmentOpen: false, deactivatedOn: input.on },
          });
        }
        if (input.kind === 'deactivation') {
          await writeAudit(tx, {
            key: input.key,
            action: 'jobDescription.deactivate',
            entityType: 'JobDescription',
            entityId: input.jobDescriptionId,
            actorOrganizationId: null,
            details: { countedFrom: input.countedFrom, deactivatedOn: input.on },
            ...(occurredAt ? { occurredAt } : {}),
          });
        }
        await tx.notification.createMany({
          data: [
            {
              key: input.key,
              recipientOrganizationId: input.employerId,
              ...notificationText(input, row.title),
              ...(occurredAt ? { createdAt: occurredAt } : {}),
            },
          ],
          skipDuplicates: true,
        });
        return { outcome: 'applied' };
      });
    },
  };
}
