// The activities the controlCampaign workflow calls: activities/control-campaign.ts implements
// them (docs/decisions/011-workflow-kit.md).
import type { EligibleSiae, ControlPeriod } from '../../domain/controls/selection.ts';
import type { ActedBy } from '../contract.ts';
import type { ControlCampaignView } from './contract.ts';

export interface ProjectControlCampaignInput {
  view: ControlCampaignView;
  at: string;
  actedBy: ActedBy | null;
  action: string;
}

export interface ControlCampaignActivities {
  /** Read model, audit and DDETS notifications of one version; idempotent. */
  projectControlCampaign(input: ProjectControlCampaignInput): Promise<void>;
  /** A fresh unsigned 32-bit seed from crypto randomness; recorded in the history as its result. */
  drawSeed(): Promise<number>;
  /** The eligible SIAE of the département and period, ordered by id, with their controllable hires (ids only). */
  eligibleSiaes(input: {
    departement: string;
    period: ControlPeriod;
  }): Promise<(EligibleSiae & { certified: boolean })[]>;
}
