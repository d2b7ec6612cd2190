// The accreditation workflow's message contract, imported by the workflow, the worker and
// the API (never the workflow body itself). See docs/decisions/003-workflow-ids-and-messages.md.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AccreditationEvent, AccreditationState } from '../../domain/accreditation.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';

export const ACCREDITATION_WORKFLOW_TYPE = 'accreditation';

/** Business key only (the request's UUID): no personal data in workflow ids (docs/rules.md §11). */
export function accreditationWorkflowId(requestId: string): string {
  return `accreditation-${requestId}`;
}

export interface AccreditationInput {
  requestId: string;
  organizationId: string;
  departement: string;
  justification: string;
  reference: string;
  submittedByUserId: string;
}

export interface AccreditationView {
  requestId: string;
  organizationId: string;
  departement: string;
  justification: string;
  reference: string;
  state: AccreditationState;
  submittedOn: IsoDate;
  decidedOn: IsoDate | null;
  endDate: IsoDate | null;
  /** When the pending information request was made; null when none is pending. */
  informationRequestedOn: IsoDate | null;
  prefectureReminded: boolean;
  /** No decision 30 days after submission: flagged, shown in the regional view. */
  overdue: boolean;
  renewalReminded: boolean;
  /** Increases with every change; the read model keeps only the newest. */
  version: number;
  events: AccreditationEvent[];
}

export const accreditationStateQuery = defineQuery<AccreditationView>('state');

/** Returns once the submission is recorded in the read model: lets the API answer with a consistent view. */
export const accreditationSyncUpdate = defineUpdate<AccreditationView>('sync');

export const requestInformationUpdate = defineUpdate<AccreditationView, [ActedBy & { message: string }]>(
  'requestInformation',
);
export const respondUpdate = defineUpdate<AccreditationView, [ActedBy & { message: string }]>('respond');
export const approveUpdate = defineUpdate<AccreditationView, [ActedBy & { endDate?: IsoDate | null }]>('approve');
export const rejectUpdate = defineUpdate<AccreditationView, [ActedBy & { reason: string }]>('reject');
export const withdrawUpdate = defineUpdate<AccreditationView, [ActedBy & { reason: string }]>('withdraw');
