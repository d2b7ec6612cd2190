// Activity signatures, imported as types by workflows (never the implementations).
import type { AccreditationView, ActedBy } from '../workflows/accreditation/contract.ts';
import type { ParcoursNotice } from '../domain/pass/parcours.ts';
import type { ActedBy as ParcoursActedBy, ParcoursView } from '../workflows/parcours/contract.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { JobDescriptionTouch } from '../workflows/job-description/contract.ts';

export interface ProjectAccreditationInput {
  view: AccreditationView;
  /** Workflow time of the change (ISO 8601): audit and notifications carry it, not the database's clock. */
  at?: string;
  actedBy: ActedBy | null;
  /** The audit action name, e.g. `accreditation.approve`. */
  action: string;
}

export interface ProjectParcoursInput {
  view: ParcoursView;
  /** Workflow time of the change (ISO 8601): audit and notifications carry it, not the database's clock. */
  at?: string;
  /** The audit action name, e.g. `parcours.suspend`. */
  action: string;
  actedBy: ParcoursActedBy | null;
  notices: ParcoursNotice[];
}

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

export interface EmployerImportProgress {
  totalRows: number;
  processedRows: number;
}

export interface Activities {
  projectAccreditation(input: ProjectAccreditationInput): Promise<void>;
  projectParcours(input: ProjectParcoursInput): Promise<void>;
  /** Anonymizes the person's personal data when no parcours of theirs remains (SPEC §5). */
  anonymizePerson(input: { personId: string; passNumber: string; at?: string }): Promise<'anonymized' | 'kept'>;
  /** The notice or the deactivation of a job description, unless it was updated since (SPEC §3). */
  applyJobDescriptionDeadline(input: JobDescriptionDeadlineInput): Promise<JobDescriptionDeadlineResult>;
  /** Marks an employer import running; returns where it stands (a resumed import goes on from there). */
  startEmployerImport(input: { importId: string }): Promise<EmployerImportProgress>;
  /** Upserts the valid rows [from, from + size) of the import; applied once even if retried. */
  importEmployerBatch(input: { importId: string; from: number; size: number }): Promise<EmployerImportProgress>;
  /** `finishedAt`: workflow time (ISO instant), so a controlled clock shows in the import too. */
  finishEmployerImport(input: { importId: string; finishedAt: string; failed?: boolean }): Promise<void>;
}
