// The controls a posteriori part of the JSON API client (docs/rules.md §8, §13): campaigns of
// the DDETS's département, opening, ratio. Answers are checked against contracts/controls.ts.
import { type z } from 'zod';
import {
  campaignListSchema,
  campaignViewSchema,
  controlListSchema,
  controlViewSchema,
  proofReceiptSchema,
  type CampaignViewResponse,
  type ControlViewResponse,
} from '$contracts/controls.ts';
import { requestFile, requestJson, type Caller } from './api';

export type CampaignView = CampaignViewResponse;
export type CampaignListItem = z.output<typeof campaignListSchema>[number];
export type ControlListItem = z.output<typeof controlListSchema>[number];
export type ControlView = ControlViewResponse;

const controlPath = (id: string) => `/controls/${encodeURIComponent(id)}`;

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
  /** GET /controls: the SIAE's own controls (the DDETS's: its département's). */
  controls(caller: Caller): Promise<ControlListItem[]> {
    return requestJson('GET', '/controls', caller, controlListSchema);
  },
  /** POST /spot-checks: a control of one SIAE of the département now, on a draw over 12 months. */
  spotCheck(caller: Caller, employerId: string): Promise<ControlView> {
    return requestJson('POST', '/spot-checks', caller, controlViewSchema, { employerId });
  },
  /** GET /controls/{id}: phase, deadline, sampled hires and criteria. */
  control(caller: Caller, id: string): Promise<ControlView> {
    return requestJson('GET', controlPath(id), caller, controlViewSchema);
  },
  /** POST /controls/{id}/criteria: the criteria the SIAE justifies for a hire. */
  chooseCriteria(
    caller: Caller,
    id: string,
    body: { applicationId: string; criteria: string[] },
  ): Promise<ControlView> {
    return requestJson('POST', `${controlPath(id)}/criteria`, caller, controlViewSchema, body);
  },
  /** POST /controls/{id}/proofs: one file per criterion, its type checked by the API from the content. */
  async uploadProof(
    caller: Caller,
    id: string,
    body: { applicationId: string; criterion: string; filename: string; content: ArrayBuffer },
  ): Promise<void> {
    const { content, ...rest } = body;
    await requestJson('POST', `${controlPath(id)}/proofs`, caller, proofReceiptSchema, {
      ...rest,
      contentBase64: Buffer.from(content).toString('base64'),
    });
  },
  /** POST /controls/{id}/submit: sends the proofs to the DDETS. */
  submit(caller: Caller, id: string): Promise<ControlView> {
    return requestJson('POST', `${controlPath(id)}/submit`, caller, controlViewSchema, {});
  },
  /** GET /controls/{id}/proofs/{proofId}: the file (SIAE and its DDETS only; each read audited by the API). */
  proof(caller: Caller, id: string, proofId: string): Promise<Response> {
    return requestFile(`${controlPath(id)}/proofs/${encodeURIComponent(proofId)}`, caller);
  },
  /** POST /controls/{id}/review: accept or refuse (with a comment) one criterion. */
  review(
    caller: Caller,
    id: string,
    body: { applicationId: string; criterion: string; verdict: 'accept' | 'refuse'; comment?: string },
  ): Promise<ControlView> {
    return requestJson('POST', `${controlPath(id)}/review`, caller, controlViewSchema, body);
  },
  /** POST /controls/{id}/sanction: the decision on a refused control. */
  decide(caller: Caller, id: string, body: { reason: string; sanctions: unknown[] }): Promise<ControlView> {
    return requestJson('POST', `${controlPath(id)}/sanction`, caller, controlViewSchema, body);
  },
};
