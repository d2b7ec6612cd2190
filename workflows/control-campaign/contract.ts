// The controlCampaign workflow's message contract (docs/rules.md §8; docs/decisions/018-control-workflows.md).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DrawResult } from '../../domain/controls/draw.ts';
import type { ControlPeriod } from '../../domain/controls/selection.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { ActedBy } from '../contract.ts';

export const CONTROL_CAMPAIGN_WORKFLOW_TYPE = 'controlCampaign';

/** Business keys only: one campaign per département and review period. */
export function controlCampaignWorkflowId(departement: string, period: ControlPeriod): string {
  return `control-campaign-${departement}-${period.start}-${period.end}`;
}

export type CampaignState = 'open' | 'selecting' | 'running' | 'closed';

export interface ControlCampaignInput {
  campaignId: string;
  departement: string;
  period: ControlPeriod;
  openedBy: ActedBy;
  resumed?: { view: ControlCampaignView };
}

export interface CampaignControl {
  controlId: string;
  employerId: string;
  /** The sampled hires' application ids. */
  applicationIds: string[];
  sample: DrawResult;
  outcome: 'accepted' | 'refused' | null;
}

export interface ControlCampaignView {
  campaignId: string;
  departement: string;
  period: ControlPeriod;
  state: CampaignState;
  openedOn: IsoDate;
  ratio: number | null;
  /** True when the DDETS chose it, false when 30 % applied after 4 weeks; null before. */
  ratioChosen: boolean | null;
  eligibleCount: number | null;
  /** The recorded draw of the SIAE (algorithm, version, seed, selected ids). */
  draw: DrawResult | null;
  controls: CampaignControl[];
  closedOn: IsoDate | null;
  version: number;
}

export const controlCampaignStateQuery = defineQuery<ControlCampaignView>('state');
export const controlCampaignSyncUpdate = defineUpdate<ControlCampaignView>('sync');
export const setRatioUpdate = defineUpdate<ControlCampaignView, [ActedBy & { ratio: number }]>('setRatio');
