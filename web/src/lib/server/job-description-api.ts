// The employer's job descriptions through the JSON API (docs/rules.md §3): list, create, update.
import { z } from 'zod';
import { requestJson, type Caller } from './api';

const jobDescriptionSchema = z.object({
  id: z.string(),
  romeCode: z.string(),
  title: z.string(),
  contractType: z.string(),
  openPositions: z.number(),
  hoursPerWeek: z.number(),
  location: z.string().nullable(),
  recruitmentOpen: z.boolean(),
  lastUpdatedOn: z.string().nullable(),
  deactivatedOn: z.string().nullable(),
});
export type EmployerJobDescription = z.infer<typeof jobDescriptionSchema>;
const listSchema = z.object({ items: z.array(jobDescriptionSchema) });

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
    (await requestJson('GET', path(employerId), caller, listSchema)).items,
  create: (caller: Caller, employerId: string, body: Required<Omit<JobDescriptionChanges, 'recruitmentOpen'>>) =>
    requestJson('POST', path(employerId), caller, jobDescriptionSchema, body),
  update: (caller: Caller, id: string, changes: JobDescriptionChanges) =>
    requestJson('PATCH', `/job-descriptions/${encodeURIComponent(id)}`, caller, jobDescriptionSchema, changes),
};
