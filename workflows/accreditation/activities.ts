// The activities the accreditation workflow calls, as it needs them: activities/accreditation.ts
// implements them (docs/decisions/011-workflow-kit.md).
import type { ActedBy } from '../contract.ts';
import type { AccreditationView } from './contract.ts';

export interface ProjectAccreditationInput {
  view: AccreditationView;
  /** Workflow time of the change (ISO 8601): audit and notifications carry it, not the database's clock. */
  at?: string;
  actedBy: ActedBy | null;
  /** The audit action name, e.g. `accreditation.approve`. */
  action: string;
}

export interface AccreditationActivities {
  projectAccreditation(input: ProjectAccreditationInput): Promise<void>;
}
