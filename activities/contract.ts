// Activity signatures, imported as types by workflows (never the implementations).
import type { AccreditationView, ActedBy } from '../workflows/accreditation/contract.ts';

export interface ProjectAccreditationInput {
  view: AccreditationView;
  actedBy: ActedBy | null;
  /** The audit action name, e.g. `accreditation.approve`. */
  action: string;
}

export interface Activities {
  projectAccreditation(input: ProjectAccreditationInput): Promise<void>;
}
