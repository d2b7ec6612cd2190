// The activities the parcours workflow calls, as it needs them: activities/parcours.ts
// implements them (docs/decisions/011-workflow-kit.md).
import type { ParcoursNotice } from '../../domain/pass/parcours.ts';
import type { ActedBy } from '../contract.ts';
import type { ParcoursView } from './contract.ts';

export interface ProjectParcoursInput {
  view: ParcoursView;
  /** Workflow time of the change (ISO 8601): audit and notifications carry it, not the database's clock. */
  at?: string;
  /** The audit action name, e.g. `parcours.suspend`. */
  action: string;
  actedBy: ActedBy | null;
  notices: ParcoursNotice[];
}

export interface ParcoursActivities {
  projectParcours(input: ProjectParcoursInput): Promise<void>;
  /** Anonymizes the person's personal data when no parcours of theirs remains (docs/rules.md §5). */
  anonymizePerson(input: { personId: string; passNumber: string; at?: string }): Promise<'anonymized' | 'kept'>;
}
