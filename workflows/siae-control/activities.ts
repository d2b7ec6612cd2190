// The activities the siaeControl workflow calls: activities/siae-control.ts implements them
// (docs/decisions/011-workflow-kit.md).
import type { Sanction } from '../../domain/controls/sanctions.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';
import type { SiaeControlView } from './contract.ts';

export interface ProjectSiaeControlInput {
  view: SiaeControlView;
  /** Workflow time of the change (ISO 8601). */
  at: string;
  actedBy: ActedBy | null;
  /** The audit action name, e.g. `siaeControl.submit`. */
  action: string;
}

export interface RevokeSelfPrescriptionRightInput {
  employerId: string;
  departement: string;
  controlId: string;
  sanction: Extract<Sanction, { kind: 'temporary_revocation' | 'permanent_revocation' }>;
  notifiedOn: IsoDate;
  actedBy: ActedBy;
}

export interface SiaeControlActivities {
  /** Read model, audit and notifications (SIAE, DDETS) of one version; idempotent. */
  projectSiaeControl(input: ProjectSiaeControlInput): Promise<void>;
  /**
   * Asks the selfPrescriptionRight workflow (branch `right`) to schedule the revocation:
   * update-with-start `scheduleRevocation` on `self-prescription-right-<employerId>` (decision 018).
   */
  revokeSelfPrescriptionRight(input: RevokeSelfPrescriptionRightInput): Promise<void>;
}
