// What the public registry shows of an employer and its job descriptions (docs/rules.md §3): public
// fields only — no contact person, no e-mail, nothing about applicants.
import { z } from 'zod';
import { findCommune } from '../../server/territories.ts';

export const publicJobDescriptionSchema = z.object({
  id: z.string(),
  romeCode: z.string(),
  title: z.string(),
  contractType: z.string(),
  openPositions: z.number().int(),
  hoursPerWeek: z.number().int(),
  recruitmentOpen: z.boolean(),
});

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

export const employerDetailSchema = employerSummarySchema.omit({ distanceKm: true }).extend({
  address: z.string().nullable(),
  description: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export interface JobDescriptionRow {
  id: string;
  employerId: string;
  romeCode: string;
  title: string;
  contractType: string;
  openPositions: number;
  hoursPerWeek: number;
  recruitmentOpen: boolean;
  deactivatedOn: string | null;
}

export function publicJobDescription(job: JobDescriptionRow): z.infer<typeof publicJobDescriptionSchema> {
  return {
    id: job.id,
    romeCode: job.romeCode,
    title: job.title,
    contractType: job.contractType,
    openPositions: job.openPositions,
    hoursPerWeek: job.hoursPerWeek,
    recruitmentOpen: job.recruitmentOpen && job.deactivatedOn === null,
  };
}

export const communeName = (code: string | null) => (code ? (findCommune(code)?.nom ?? null) : null);

/** Distances are shown to the 10 m: enough for people, stable for tests. */
export const roundedKm = (km: number | null) => (km === null ? null : Math.round(km * 100) / 100);
