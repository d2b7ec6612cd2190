// The caseworker's workspace through the JSON API (docs/rules.md §2, §9): « Mon espace »'s counts,
// and the lists (persons followed, PASS IAE). Same conventions as api.ts.
import { personListSchema } from '$contracts/persons.ts';
import {
  passListSchema,
  workspaceSchema,
  type PassListScope,
  type PassSort,
  type PersonSort,
  type Workspace,
} from '$contracts/worklists.ts';
import { requestJson, type Caller } from './api';

export type { PassListItem, Workspace } from '$contracts/worklists.ts';

/** The query string of the defined values. */
export function queryString(values: Record<string, string | number | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else search.set(key, String(value));
  }
  return search.size > 0 ? `?${search}` : '';
}

export const workspaceApi = {
  /** GET /workspace: the role's to-do counts. */
  workspace(caller: Caller): Promise<Workspace> {
    return requestJson('GET', '/workspace', caller, workspaceSchema);
  },

  /** GET /persons: one page of the persons the organization follows. */
  persons(caller: Caller, query: { q?: string; sort?: PersonSort; page?: number; pageSize?: number }) {
    return requestJson('GET', `/persons${queryString(query)}`, caller, personListSchema);
  },

  /** GET /passes: one page of the organization's PASS IAE (or one person's). */
  passes(
    caller: Caller,
    query: {
      scope?: PassListScope;
      endingWithin?: number;
      q?: string;
      personId?: string;
      sort?: PassSort;
      page?: number;
      pageSize?: number;
    },
  ) {
    return requestJson('GET', `/passes${queryString(query)}`, caller, passListSchema);
  },
};
