// The activities the selfPrescriptionRight workflow calls: activities/self-prescription-right.ts
// implements them (docs/decisions/011-workflow-kit.md).
import type { SelfPrescriptionRightView } from './contract.ts';

export interface ProjectRightInput {
  /** The view after the change; `lastChange` says which. */
  view: SelfPrescriptionRightView;
  /** Workflow time of the change (ISO 8601): audit and notifications carry it. */
  at: string;
}

export interface SelfPrescriptionRightActivities {
  /** Read model (Organization columns + history row), audit and notification, once per version. */
  projectSelfPrescriptionRight(input: ProjectRightInput): Promise<void>;
}
