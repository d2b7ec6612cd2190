// The controls a posteriori part of the JSON API client (docs/rules.md §8, §13): campaigns of
// the DDETS's département, opening, ratio. Answers are checked against contracts/controls.ts.
import { type z } from 'zod';
import { campaignListSchema, campaignViewSchema, type CampaignViewResponse } from '$contracts/controls.ts';
import { requestJson, type Caller } from './api';

export type CampaignView = CampaignViewResponse;
export type CampaignListItem = z.output<typeof campaignListSchema>[number];

const campaignPath = (id: string) => `/control-campaigns/${encodeURIComponent(id)}`;

export const controlApi = {
  /** GET /control-campaigns: the campaigns of the caller's département. */
  campaigns(caller: Caller): Promise<CampaignListItem[]> {
    return requestJson('GET', '/control-campaigns', caller, campaignListSchema);
  },
  /** GET /control-campaigns/{id}: ratio, draw and seed, selected SIAE. */
  campaign(caller: Caller, id: string): Promise<CampaignView> {
    return requestJson('GET', campaignPath(id), caller, campaignViewSchema);
  },
  /** POST /control-campaigns: opens the campaign of the département for a period. */
  open(caller: Caller, body: { periodStart: string; periodEnd: string }): Promise<CampaignView> {
    return requestJson('POST', '/control-campaigns', caller, campaignViewSchema, body);
  },
  /** POST /control-campaigns/{id}/ratio: 20–40 %, within 4 weeks of the opening. */
  setRatio(caller: Caller, id: string, ratio: number): Promise<CampaignView> {
    return requestJson('POST', `${campaignPath(id)}/ratio`, caller, campaignViewSchema, { ratio });
  },
};
