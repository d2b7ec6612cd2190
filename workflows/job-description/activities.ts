// The activities the job description workflow calls, as it needs them:
// activities/job-descriptions.ts implements them (docs/decisions/011-workflow-kit.md).
import type { IsoDate } from '../../domain/dates.ts';
import type { JobDescriptionTouch } from './contract.ts';

export interface JobDescriptionDeadlineInput {
  /** Idempotency key of the notification and audit entry (workflow id + version + kind). */
  key: string;
  jobDescriptionId: string;
  employerId: string;
  kind: 'notice' | 'deactivation';
  /** The last update day the workflow counted from: nothing happens if the row moved on. */
  countedFrom: IsoDate;
  on: IsoDate;
  /** Workflow time (ISO instant) of the deadline; older histories lack it (the database's clock then). */
  at?: string;
}

export type JobDescriptionDeadlineResult =
  { outcome: 'applied' } | { outcome: 'stale'; current: JobDescriptionTouch } | { outcome: 'gone' };

export interface JobDescriptionActivities {
  /** The notice or the deactivation of a job description, unless it was updated since (docs/rules.md §3). */
  applyJobDescriptionDeadline(input: JobDescriptionDeadlineInput): Promise<JobDescriptionDeadlineResult>;
}
