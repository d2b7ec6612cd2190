// The employer's own registry entry through the JSON API (docs/rules.md §2, §3).
import { z } from 'zod';
import { requestJson, type Caller } from './api';

const entrySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  contactEmail: z.string().nullable(),
  applicationsOpen: z.boolean(),
});
export type EmployerEntry = z.output<typeof entrySchema>;

export interface EntryChanges {
  address?: string;
  description?: string;
  contactEmail?: string;
  applicationsOpen: boolean;
}

export const employerEntryApi = {
  entry: (caller: Caller, id: string) => requestJson('GET', `/employers/${id}/entry`, caller, entrySchema),
  update: (caller: Caller, id: string, changes: EntryChanges) =>
    requestJson('PATCH', `/employers/${id}`, caller, entrySchema, changes),
};
