// Job applications and hiring through the JSON API (docs/rules.md §4, §13): send, list, read, and the
// employer's transitions. Same conventions as api.ts (bearer token, forwarded IP, French
// ApiError on refusals, answers checked against the API's contracts in contracts/).
import {
  applicationListSchema,
  applicationSchema,
  personListSchema,
  type Application,
  type PersonSummary,
} from '$contracts/applications.ts';
import { employerDetailSchema, type PublicEmployer } from '$contracts/registry.ts';
import type { ApplicationState, RefusalReason } from '$domain/applications.ts';
import type { ApplicationSort } from '$contracts/worklists.ts';
import { requestJson, type Caller } from './api';
import { queryString } from './workspace-api';

export type { Application, PersonSummary } from '$contracts/applications.ts';
export type ApplicationEmployer = PublicEmployer;

export type ApplicationBox = 'received' | 'sent';

/** The employer's transitions without a body of their own. */
export type SimpleTransition = 'process' | 'postpone' | 'archive' | 'cancel';

const applicationPath = (id: string) => `/applications/${encodeURIComponent(id)}`;

export const applicationApi = {
  /** POST /applications: 409 (details[0].existingId) for the same person and employer within 24 h. */
  send(
    caller: Caller,
    body: { personId: string; employerId: string; jobDescriptionId?: string; message?: string },
  ): Promise<Application> {
    return requestJson('POST', '/applications', caller, applicationSchema, body);
  },

  /** GET /applications: one page, received (employer) or sent (prescriber), newest first unless sorted otherwise. */
  list(
    caller: Caller,
    query: {
      box?: ApplicationBox;
      state?: readonly ApplicationState[];
      personId?: string;
      q?: string;
      sort?: ApplicationSort;
      page?: number;
      pageSize?: number;
    } = {},
  ) {
    return requestJson('GET', `/applications${queryString(query)}`, caller, applicationListSchema);
  },

  /** GET /applications/{id}: the application, its history and the PASS IAE of its hire. */
  application(caller: Caller, id: string): Promise<Application> {
    return requestJson('GET', applicationPath(id), caller, applicationSchema);
  },

  /** POST /applications/{id}/process|postpone|archive|cancel. */
  transition(caller: Caller, id: string, transition: SimpleTransition): Promise<Application> {
    return requestJson('POST', `${applicationPath(id)}/${transition}`, caller, applicationSchema, {});
  },

  /** POST /applications/{id}/refuse: a reason from the list, an optional message. */
  refuse(caller: Caller, id: string, body: { reason: RefusalReason; message?: string }): Promise<Application> {
    return requestJson('POST', `${applicationPath(id)}/refuse`, caller, applicationSchema, body);
  },

  /** POST /applications/{id}/accept: the hire, with the PASS IAE issued or reused (SIAE). */
  accept(caller: Caller, id: string, body: { hiringStartDate: string; hiringEndDate?: string }): Promise<Application> {
    return requestJson('POST', `${applicationPath(id)}/accept`, caller, applicationSchema, body);
  },

  /** POST /applications/{id}/postpone-hire: a later start (30 days at most), the PASS it opened moved too. */
  postponeHire(caller: Caller, id: string, hiringStartDate: string): Promise<Application> {
    return requestJson('POST', `${applicationPath(id)}/postpone-hire`, caller, applicationSchema, { hiringStartDate });
  },

  /** GET /persons?q=: the persons on the caller's organization's case, found by name (first page). */
  async persons(caller: Caller, q: string): Promise<PersonSummary[]> {
    const { items } = await requestJson('GET', `/persons${queryString({ q, pageSize: 50 })}`, caller, personListSchema);
    return items;
  },

  /** GET /employers/{id}: the public employer page (name, kind, open job descriptions). */
  employer(caller: Caller, id: string): Promise<ApplicationEmployer> {
    return requestJson('GET', `/employers/${encodeURIComponent(id)}`, caller, employerDetailSchema);
  },
};
