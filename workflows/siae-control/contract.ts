// The siaeControl workflow's message contract (docs/rules.md §8; docs/decisions/018-control-workflows.md),
// imported by the workflow, its activities, the campaign workflow and the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DrawResult } from '../../domain/controls/draw.ts';
import type { Sanction } from '../../domain/controls/sanctions.ts';
import type { ControlPhase, CriterionState, RefusalReason } from '../../domain/controls/states.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';

export const SIAE_CONTROL_WORKFLOW_TYPE = 'siaeControl';

/** Business key only (the control's UUID): no personal data in workflow ids (docs/rules.md §11). */
export function siaeControlWorkflowId(controlId: string): string {
  return `siae-control-${controlId}`;
}

export type ControlKind = 'CAMPAIGN' | 'SPOT_CHECK';

/** proofs / adversarial: the SIAE may act; awaiting_decision: refused, the DDETS decides sanctions. */
export type ControlStage = ControlPhase | 'awaiting_decision' | 'decided';

export interface SiaeControlInput {
  controlId: string;
  kind: ControlKind;
  campaignId: string | null;
  /** The campaign workflow told when the control is decided; null for a spot check. */
  campaignWorkflowId: string | null;
  employerId: string;
  departement: string;
  /** The sampled hires: application ids only (the workflow holds ids, never files or names). */
  applicationIds: string[];
  /** The recorded sample draw; null when the DDETS chose the hires. */
  sample: DrawResult | null;
  startedBy: ActedBy;
  resumed?: { view: SiaeControlView };
}

export interface ControlledCriterion {
  criterion: string;
  state: CriterionState;
  /** The proof in force (a row of ControlProof); never its content. */
  proofId: string | null;
  comment: string | null;
}

export interface ControlledHireView {
  applicationId: string;
  criteria: ControlledCriterion[];
  /** No criterion chosen when a deadline passed: the hire failed as a whole (docs/rules.md §8). */
  failedWithoutCriteria: boolean;
}

export interface ControlDecision {
  outcome: 'accepted' | 'refused';
  reason: RefusalReason | null;
  decidedOn: IsoDate;
  sanctions: Sanction[];
}

export interface SiaeControlView {
  controlId: string;
  kind: ControlKind;
  campaignId: string | null;
  employerId: string;
  departement: string;
  stage: ControlStage;
  phase: ControlPhase;
  phaseStartedOn: IsoDate;
  phaseDeadline: IsoDate;
  submittedInPhase: boolean;
  submittedEver: boolean;
  siaeReminded: boolean;
  deadlinePassed: boolean;
  lastDdetsReminderOn: IsoDate | null;
  /** Set when the adversarial deadline refused an SIAE that never submitted. */
  forcedReason: RefusalReason | null;
  hires: ControlledHireView[];
  /** Worst-wins state of the hires (domain/controls/states.ts). */
  state: CriterionState;
  sample: DrawResult | null;
  decision: ControlDecision | null;
  version: number;
}

export const siaeControlStateQuery = defineQuery<SiaeControlView>('state');
export const siaeControlSyncUpdate = defineUpdate<SiaeControlView>('sync');

export type ChooseCriteriaArgs = ActedBy & { applicationId: string; criteria: string[] };
export type UploadProofArgs = ActedBy & { applicationId: string; criterion: string; proofId: string };
export type ReviewArgs = ActedBy & {
  applicationId: string;
  criterion: string;
  verdict: 'accept' | 'refuse';
  comment?: string | null;
};
export type DecideArgs = ActedBy & { reason: RefusalReason; sanctions: Sanction[] };

export const chooseCriteriaUpdate = defineUpdate<SiaeControlView, [ChooseCriteriaArgs]>('chooseCriteria');
export const uploadProofUpdate = defineUpdate<SiaeControlView, [UploadProofArgs]>('uploadProof');
export const submitProofsUpdate = defineUpdate<SiaeControlView, [ActedBy]>('submit');
export const reviewUpdate = defineUpdate<SiaeControlView, [ReviewArgs]>('review');
export const decideUpdate = defineUpdate<SiaeControlView, [DecideArgs]>('decide');

/** Sent by a control to its campaign once decided. */
export const controlDecidedSignal =
  defineSignal<[{ controlId: string; outcome: 'accepted' | 'refused' }]>('controlDecided');
