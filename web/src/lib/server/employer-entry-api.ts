// The employer's own registry entry through the JSON API (docs/rules.md §2, §3).
import { employerEntrySchema } from '$contracts/registry.ts';
import { requestJson, type Caller } from './api';

export type { EmployerEntry } from '$contracts/registry.ts';

export interface EntryChanges {
  address?: string;
  description?: string;
  contactEmail?: string;
  applicationsOpen: boolean;
}

export const employerEntryApi = {
  entry: (caller: Caller, id: string) => requestJson('GET', `/employers/${id}/entry`, caller, employerEntrySchema),
  update: (caller: Caller, id: string, changes: EntryChanges) =>
    requestJson('PATCH', `/employers/${id}`, caller, employerEntrySchema, changes),
};
