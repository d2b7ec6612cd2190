// The job description workflow's deadlines in PostgreSQL: the notice to the employer and the
// deactivation (docs/rules.md §3). Idempotent: notifications and audit entries are keyed, and the row
// changes only while it still counts from the day the workflow counted from.
import { workflowTime } from './workflow-time.ts';
import { jobDescriptionDeadlineNotice } from '../domain/job-descriptions.ts';
import { writeAudit } from '../server/audit.ts';
import type { Db } from '../server/db/client.ts';
import { type MailSettings, writeNotifications } from '../server/notifications/write.ts';
import type {
  JobDescriptionActivities,
  JobDescriptionDeadlineInput,
  JobDescriptionDeadlineResult,
} from '../workflows/job-description/activities.ts';

export function jobDescriptionActivities(db: Db, mail: MailSettings): JobDescriptionActivities {
  return {
    async applyJobDescriptionDeadline(input: JobDescriptionDeadlineInput): Promise<JobDescriptionDeadlineResult> {
      // Dated by the workflow, so a controlled clock (the sandbox, docs/rules.md §6, §12) shows here too.
      const occurredAt = workflowTime(input.at);
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
            occurredAt,
          });
        }
        // docs/rules.md §9: inbox and e-mail outbox in this transaction.
        await writeNotifications(
          tx,
          [
            {
              key: input.key,
              organizationId: input.employerId,
              ...jobDescriptionDeadlineNotice(input, row.title),
              about: { kind: 'jobDescription', jobDescriptionId: input.jobDescriptionId },
              createdAt: occurredAt,
            },
          ],
          mail,
        );
        return { outcome: 'applied' };
      });
    },
  };
}
