// The employer's job descriptions through the JSON API (docs/rules.md §3): list, create, update.
import { jobDescriptionListSchema, jobDescriptionSchema } from '$contracts/job-descriptions.ts';
import { requestJson, type Caller } from './api';

export type { EmployerJobDescription } from '$contracts/job-descriptions.ts';

export interface JobDescriptionChanges {
  romeCode?: string;
  title?: string;
  contractType?: string;
  openPositions?: number;
  hoursPerWeek?: number;
  location?: string | null;
  recruitmentOpen?: boolean;
}

const path = (employerId: string) => `/employers/${encodeURIComponent(employerId)}/job-descriptions`;

export const jobDescriptionApi = {
  list: async (caller: Caller, employerId: string) =>
    (await requestJson('GET', path(employerId), caller, jobDescriptionListSchema)).items,
  create: (caller: Caller, employerId: string, body: Required<Omit<JobDescriptionChanges, 'recruitmentOpen'>>) =>
    requestJson('POST', path(employerId), caller, jobDescriptionSchema, body),
  update: (caller: Caller, id: string, changes: JobDescriptionChanges) =>
    requestJson('PATCH', `/job-descriptions/${encodeURIComponent(id)}`, caller, jobDescriptionSchema, changes),
};
