// The parcours workflow's message contract (one workflow per PASS IAE), shared by the
// workflow, the worker and the API. See docs/decisions/003-workflow-ids-and-messages.md.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';
import type { ParcoursHire, ParcoursState } from '../../domain/pass/parcours.ts';
import type { ProlongationReason } from '../../domain/pass/prolongations.ts';
import type { PassStatus } from '../../domain/pass/status.ts';
import type { SuspensionReason } from '../../domain/pass/suspensions.ts';

export const PARCOURS_WORKFLOW_TYPE = 'parcours';

/** The PASS number is the business key: no personal data in the id (docs/rules.md §11). */
export function parcoursWorkflowId(passNumber: string): string {
  return `parcours-${passNumber}`;
}

export interface ParcoursInput {
  passNumber: string;
  personId: string;
  hire: ParcoursHire;
  /** Set when the workflow continues as new: the state carried over. */
  resumed?: { state: ParcoursState; version: number };
  /**
   * Set when the PASS is taken over from the former service (docs/decisions/025-take-over-import.md):
   * its history-derived state (domain/pass/take-over.ts), already projected by the import in batches.
   * The workflow starts from it like from a continue-as-new, at version 1, without an issuance.
   */
  takenOver?: { state: ParcoursState };
}

/** The live view: the state plus what it means today. */
export interface ParcoursView extends ParcoursState {
  today: IsoDate;
  status: PassStatus;
  end: IsoDate;
  remainingDays: number;
  holdingEmployerId: string;
  version: number;
}

/**
 * The live view on a day. Pass the caller's "today": inside a query, workflow time stands
 * still at the last activation, so a sleeping parcours would otherwise answer as of then.
 */
export const parcoursStateQuery = defineQuery<ParcoursView, [IsoDate?]>('state');
/** Returns once the issuance is projected into the read model. */
export const parcoursSyncUpdate = defineUpdate<ParcoursView>('sync');

export const hireUpdate = defineUpdate<ParcoursView, [ActedBy & { hire: ParcoursHire }]>('hire');
export const suspendUpdate = defineUpdate<
  ParcoursView,
  [ActedBy & { employerId: string; start: IsoDate; end: IsoDate; reason: SuspensionReason }]
>('suspend');
export const endSuspensionUpdate = defineUpdate<
  ParcoursView,
  [ActedBy & { employerId: string; suspensionId: string; endDate: IsoDate }]
>('endSuspension');
export interface ProlongArgs extends ActedBy {
  employerId: string;
  reason: ProlongationReason;
  endDate: IsoDate;
  /** For reasons validated by an authorized prescriber: the organization asked. */
  prescriberOrganizationId?: string | null;
}
export const prolongUpdate = defineUpdate<ParcoursView, [ProlongArgs]>('prolong');

export interface DecideProlongationArgs extends ActedBy {
  requestId: string;
  decision: 'grant' | 'deny';
  reason?: string;
  /** The deciding prescriber's organization; null when an administrator decides. */
  prescriberOrganizationId: string | null;
}
export const decideProlongationUpdate = defineUpdate<ParcoursView, [DecideProlongationArgs]>('decideProlongation');
export const cancelUpdate = defineUpdate<ParcoursView, [ActedBy]>('cancel');
/** A hire cancelled before its contract starts: cancels the PASS it opened, or drops it from a reused one. */
export const cancelHireUpdate = defineUpdate<ParcoursView, [ActedBy & { hire: ParcoursHire }]>('cancelHire');
/** A hire's start date postponed before the contract starts: moves a PASS opened by that hire. */
export const postponeHireUpdate = defineUpdate<ParcoursView, [ActedBy & { hire: ParcoursHire; newStart: IsoDate }]>(
  'postponeHire',
);
