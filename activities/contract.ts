// Activity signatures, imported as types by workflows (never the implementations).
import type { AccreditationView, ActedBy } from '../workflows/accreditation/contract.ts';
import type { ParcoursNotice } from '../domain/pass/parcours.ts';
import type { ActedBy as ParcoursActedBy, ParcoursView } from '../workflows/parcours/contract.ts';

export interface ProjectAccreditationInput {
  view: AccreditationView;
  actedBy: ActedBy | null;
  /** The audit action name, e.g. `accreditation.approve`. */
  action: string;
}

export interface ProjectParcoursInput {
  view: ParcoursView;
  /** The audit action name, e.g. `parcours.suspend`. */
  action: string;
  actedBy: ParcoursActedBy | null;
  notices: ParcoursNotice[];
}

export interface Activities {
  projectAccreditation(input: ProjectAccreditationInput): Promise<void>;
  projectParcours(input: ProjectParcoursInput): Promise<void>;
  /** Anonymizes the person's personal data when no parcours of theirs remains (SPEC §5). */
  anonymizePerson(input: { personId: string; passNumber: string }): Promise<'anonymized' | 'kept'>;
}
