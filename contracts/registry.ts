// The registry as the API answers it (docs/rules.md §3, §13): public employer pages and job
// descriptions (public fields only — no contact person, nothing about applicants), the
// commune look-up, and an employer's own entry (contact included).
import { z } from 'zod';

export const publicJobDescriptionSchema = z.object({
  id: z.string(),
  romeCode: z.string(),
  title: z.string(),
  contractType: z.string(),
  openPositions: z.number().int(),
  hoursPerWeek: z.number().int(),
  recruitmentOpen: z.boolean(),
});
export type PublicJobDescription = z.output<typeof publicJobDescriptionSchema>;

export const employerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  siret: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departement: z.string(),
  distanceKm: z.number().nullable().meta({ description: 'Distance au centre de la commune cherchée, en km' }),
  certified: z.boolean(),
  applicationsOpen: z.boolean(),
  openPositions: z.number().int().meta({ description: 'Postes ouverts sur les fiches de poste ouvertes' }),
  recentApplications: z.number().int().meta({ description: 'Candidatures reçues ces 30 derniers jours' }),
  jobDescriptions: z.array(publicJobDescriptionSchema),
});

/** GET /employers/{id}: an employer's public page. */
export const employerDetailSchema = employerSummarySchema.omit({ distanceKm: true }).extend({
  address: z.string().nullable(),
  description: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type PublicEmployer = z.output<typeof employerDetailSchema>;

/** GET /employers: one page of the fair-ordered search. */
export const searchResultSchema = z.object({
  items: z.array(employerSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SearchResult = z.output<typeof searchResultSchema>;

export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  postalCodes: z.array(z.string()),
  centreKnown: z.boolean().meta({ description: 'Vrai si la recherche par distance peut partir de cette commune' }),
  centreApproximate: z
    .boolean()
    .meta({ description: 'Vrai si le centre est une moyenne (commune récente absente du fichier de référence)' }),
});
export type CommuneChoice = z.output<typeof communeSchema>;
export const communeListSchema = z.object({ items: z.array(communeSchema) });

/** GET /employers/{id}/entry, PATCH /employers/{id}: the employer's own entry. */
export const employerEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  contactEmail: z.string().nullable(),
  applicationsOpen: z.boolean(),
});
export type EmployerEntry = z.output<typeof employerEntrySchema>;

/** A ROME code (fiche métier) and its label, for the job autocomplete. */
export const romeCodeSchema = z.object({ code: z.string(), label: z.string() });
export type RomeChoice = z.output<typeof romeCodeSchema>;
export const romeCodeListSchema = z.object({ items: z.array(romeCodeSchema) });
