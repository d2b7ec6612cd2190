// The job description workflow's message contract (one workflow per job description), shared
// by the workflow, the worker and the API. See docs/decisions/008-job-descriptions-and-imports.md.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { IsoDate } from '../../domain/dates.ts';

export const JOB_DESCRIPTION_WORKFLOW_TYPE = 'jobDescription';

/** The job description's UUID is the business key: no personal data in the id (docs/rules.md §11). */
export function jobDescriptionWorkflowId(jobDescriptionId: string): string {
  return `job-description-${jobDescriptionId}`;
}

/** What the employer last did to the job description, as written in PostgreSQL by the API. */
export interface JobDescriptionTouch {
  /** Paris day of the update (or reopening): the 90 days count from it. */
  lastUpdatedOn: IsoDate;
  recruitmentOpen: boolean;
}

export interface JobDescriptionInput extends JobDescriptionTouch {
  jobDescriptionId: string;
  employerId: string;
  /** Set when the workflow continues as new. */
  resumed?: { noticeSentFor: IsoDate | null; deactivatedOn: IsoDate | null; version: number };
}

export interface JobDescriptionView extends JobDescriptionTouch {
  jobDescriptionId: string;
  employerId: string;
  noticeSentFor: IsoDate | null;
  deactivatedOn: IsoDate | null;
  version: number;
}

/**
 * Sent with signal-with-start on every create and update: the API has already written the row,
 * the workflow only moves its timers (nothing to validate, nothing to answer).
 */
export const touchedSignal = defineSignal<[JobDescriptionTouch]>('touched');
export const jobDescriptionStateQuery = defineQuery<JobDescriptionView>('state');
