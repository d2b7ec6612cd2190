// The public registry through the JSON API (SPEC §3): search, one employer, commune look-up.
// Same client rules as $lib/server/api (IP forwarded, French ApiError on refusals).
import { z } from 'zod';
import { requestJson, type Caller } from './api';

const jobDescriptionSchema = z.object({
  id: z.string(),
  romeCode: z.string(),
  title: z.string(),
  contractType: z.string(),
  openPositions: z.number(),
  hoursPerWeek: z.number(),
  recruitmentOpen: z.boolean(),
});
export type PublicJobDescription = z.infer<typeof jobDescriptionSchema>;

const employerFields = {
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  siret: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departement: z.string(),
  certified: z.boolean(),
  applicationsOpen: z.boolean(),
  openPositions: z.number(),
  recentApplications: z.number(),
  jobDescriptions: z.array(jobDescriptionSchema),
};

const searchResultSchema = z.object({
  items: z.array(z.object({ ...employerFields, distanceKm: z.number().nullable() })),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

const employerSchema = z.object({
  ...employerFields,
  address: z.string().nullable(),
  description: z.string().nullable(),
});
export type PublicEmployer = z.infer<typeof employerSchema>;

const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  postalCodes: z.array(z.string()),
  centreKnown: z.boolean(),
  centreApproximate: z.boolean(),
});
export type CommuneChoice = z.infer<typeof communeSchema>;

const romeSchema = z.object({ code: z.string(), label: z.string() });
export type RomeChoice = z.infer<typeof romeSchema>;

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
    return requestJson('GET', `/employers/${encodeURIComponent(id)}`, caller, employerSchema);
  },

  /** GET /communes?q=: communes by name, postal code or INSEE code, the most populated first. */
  async communes(caller: Caller, text: string): Promise<CommuneChoice[]> {
    const { items } = await requestJson(
      'GET',
      `/communes?${new URLSearchParams({ q: text, limit: '10' })}`,
      caller,
      z.object({ items: z.array(communeSchema) }),
    );
    return items;
  },

  async romeCodes(caller: Caller, text: string): Promise<RomeChoice[]> {
    const { items } = await requestJson(
      'GET',
      `/rome-codes?${new URLSearchParams({ q: text, limit: '10' })}`,
      caller,
      z.object({ items: z.array(romeSchema) }),
    );
    return items;
  },
};
