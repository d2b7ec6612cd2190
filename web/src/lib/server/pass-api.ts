// The PASS IAE part of the JSON API client (docs/rules.md §5, §13): a PASS's live view, suspensions,
// prolongations, and the prolongation requests sent to an authorized prescriber. Same
// conventions as api.ts (bearer token, forwarded IP, French ApiError); answers are checked
// against the API's contracts (contracts/passes.ts).
import {
  passDetailSchema,
  passViewSchema,
  prescriberChoiceListSchema,
  prolongationRequestListSchema,
  type PassDetail,
  type PassView,
  type PrescriberChoice,
  type ProlongationRequestItem,
} from '$contracts/passes.ts';
import { requestFile, requestJson, type Caller } from './api';

export type { PassDetail, PassView, PrescriberChoice, ProlongationRequestItem } from '$contracts/passes.ts';

const passPath = (number: string) => `/passes/${encodeURIComponent(number)}`;

export const passApi = {
  /** GET /passes/{number}: status, dates, remaining days, suspensions, prolongations, history, holder, employers. */
  pass(caller: Caller, number: string): Promise<PassDetail> {
    return requestJson('GET', passPath(number), caller, passDetailSchema);
  },

  /** GET /passes/{number}/attestation.pdf: the attestation as a PDF file (audited read). */
  attestationPdf(caller: Caller, number: string): Promise<Response> {
    return requestFile(`${passPath(number)}/attestation.pdf`, caller);
  },

  /** GET /prescriber-organizations?q=: the authorized prescribers of the caller's département, by name. */
  async prescribers(caller: Caller, q: string, limit = 20): Promise<PrescriberChoice[]> {
    const params = new URLSearchParams({ limit: String(limit), ...(q ? { q } : {}) });
    const { items } = await requestJson(
      'GET',
      `/prescriber-organizations?${params}`,
      caller,
      prescriberChoiceListSchema,
    );
    return items;
  },

  /** POST /passes/{number}/suspensions (the employer of the last hire). */
  suspend(
    caller: Caller,
    number: string,
    body: { startDate: string; endDate: string; reason: string },
  ): Promise<PassView> {
    return requestJson('POST', `${passPath(number)}/suspensions`, caller, passViewSchema, body);
  },

  /** POST /passes/{number}/suspensions/{id}/end: ends a running suspension early. */
  endSuspension(caller: Caller, number: string, suspensionId: string, endDate: string): Promise<PassView> {
    return requestJson(
      'POST',
      `${passPath(number)}/suspensions/${encodeURIComponent(suspensionId)}/end`,
      caller,
      passViewSchema,
      { endDate },
    );
  },

  /** POST /passes/{number}/prolongations: declared by the employer, or a request to an authorized prescriber. */
  prolong(
    caller: Caller,
    number: string,
    body: { reason: string; endDate: string; prescriberOrganizationId?: string },
  ): Promise<PassView> {
    return requestJson('POST', `${passPath(number)}/prolongations`, caller, passViewSchema, body);
  },

  /** GET /prolongation-requests?state=…: the requests sent to the caller's organization, oldest first. */
  async prolongationRequests(
    caller: Caller,
    state: 'PENDING' | 'GRANTED' | 'DENIED' = 'PENDING',
  ): Promise<ProlongationRequestItem[]> {
    const { items } = await requestJson(
      'GET',
      `/prolongation-requests?state=${state}`,
      caller,
      prolongationRequestListSchema,
    );
    return items;
  },

  /** POST /prolongation-requests/{id}/grant|deny. */
  decideProlongationRequest(
    caller: Caller,
    id: string,
    decision: { action: 'grant' } | { action: 'deny'; reason: string },
  ): Promise<PassView> {
    const body = decision.action === 'grant' ? {} : { reason: decision.reason };
    return requestJson(
      'POST',
      `/prolongation-requests/${encodeURIComponent(id)}/${decision.action}`,
      caller,
      passViewSchema,
      body,
    );
  },
};
