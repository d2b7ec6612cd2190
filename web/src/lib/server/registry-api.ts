// The public registry through the JSON API (docs/rules.md §3): search, one employer, commune look-up.
// Same client rules as $lib/server/api (IP forwarded, French ApiError on refusals).
import {
  communeListSchema,
  employerDetailSchema,
  romeCodeListSchema,
  searchResultSchema,
  type CommuneChoice,
  type PublicEmployer,
  type RomeChoice,
  type SearchResult,
} from '$contracts/registry.ts';
import { requestJson, type Caller } from './api';

export type {
  CommuneChoice,
  PublicEmployer,
  PublicJobDescription,
  RomeChoice,
  SearchResult,
} from '$contracts/registry.ts';

export interface SearchQuery {
  commune?: string;
  radiusKm?: number;
  departement?: string;
  kind?: string;
  rome?: string;
  openOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export const registryApi = {
  /** GET /employers: the fair-ordered page of employers matching the query. */
  async search(caller: Caller, query: SearchQuery): Promise<SearchResult> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    return requestJson('GET', `/employers?${search}`, caller, searchResultSchema);
  },

  /** GET /employers/{id}: an employer's public page (404 when unknown). */
  async employer(caller: Caller, id: string): Promise<PublicEmployer> {
    return requestJson('GET', `/employers/${encodeURIComponent(id)}`, caller, employerDetailSchema);
  },

  /** GET /communes?q=: communes by name, postal code or INSEE code, the most populated first. */
  async communes(caller: Caller, text: string): Promise<CommuneChoice[]> {
    const { items } = await requestJson(
      'GET',
      `/communes?${new URLSearchParams({ q: text, limit: '10' })}`,
      caller,
      communeListSchema,
    );
    return items;
  },

  async romeCodes(caller: Caller, text: string): Promise<RomeChoice[]> {
    const { items } = await requestJson(
      'GET',
      `/rome-codes?${new URLSearchParams({ q: text, limit: '10' })}`,
      caller,
      romeCodeListSchema,
    );
    return items;
  },
};
