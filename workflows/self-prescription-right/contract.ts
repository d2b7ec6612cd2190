// The selfPrescriptionRight workflow's message contract (docs/rules.md §8; docs/decisions/
// 017-self-prescription-right.md): one workflow per SIAE, started by its first sanction with
// update-with-start. Imported by the workflow, the activities, the API and the web server.
//
// Callers (the API's revoke route today, the SIAE control workflow once it decides a sanction)
// go through server/self-prescription-right.ts `scheduleSelfPrescriptionRevocation`: it starts
// the workflow if needed and sends `scheduleRevocation`. The dates are checked by the caller
// with domain/controls/sanctions.ts (start ≥ notification + 1 month); the workflow refuses a
// second revocation while one is scheduled or running, and a temporary one without a valid end.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RevocationRequest } from '../../domain/controls/right-record.ts';
import type { RightAction, RightState } from '../../domain/controls/right.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';

export const SELF_PRESCRIPTION_RIGHT_WORKFLOW_TYPE = 'selfPrescriptionRight';

/** The employer's UUID is the business key: no personal data in the id (docs/rules.md §11). */
export function selfPrescriptionRightWorkflowId(employerId: string): string {
  return `self-prescription-right-${employerId}`;
}

export interface SelfPrescriptionRightInput {
  employerId: string;
  departement: string;
  /** Set when the workflow continues as new. */
  resumed?: { state: RightState; version: number };
}

/** The last change, as the projection writes it into the history. */
export interface RightChange {
  action: RightAction;
  on: IsoDate;
  reason: string | null;
  actedBy: ActedBy | null;
}

export interface SelfPrescriptionRightView {
  employerId: string;
  departement: string;
  state: RightState;
  /** Increases with every change; the read model keeps only the newest. */
  version: number;
  lastChange: RightChange | null;
}

export interface ScheduleRevocationArgs extends RevocationRequest {
  reason: string;
  decidedBy: ActedBy;
}

export interface LiftArgs {
  reason: string;
  actedBy: ActedBy;
}

export const selfPrescriptionRightStateQuery = defineQuery<SelfPrescriptionRightView>('state');
/** Schedules the revocation a sanction decided; answers once it is recorded in the read model. */
export const scheduleRevocationUpdate = defineUpdate<SelfPrescriptionRightView, [ScheduleRevocationArgs]>(
  'scheduleRevocation',
);
/** Lifts a permanent revocation (a prefecture agent of the SIAE's département: checked by the API). */
export const liftUpdate = defineUpdate<SelfPrescriptionRightView, [LiftArgs]>('lift');
