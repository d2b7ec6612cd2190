// What the public registry shows of an employer and its job descriptions (docs/rules.md §3): public
// fields only — no contact person, no e-mail, nothing about applicants.
import type { PublicJobDescription } from '../../contracts/registry.ts';
import { findCommune } from '../../server/territories.ts';

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

export function publicJobDescription(job: JobDescriptionRow): PublicJobDescription {
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
