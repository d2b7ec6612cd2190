// Activities are built by a factory that receives their dependencies (docs/conventions.md).
import type { Db } from '../server/db/client.ts';
import { accreditationActivities } from './accreditation.ts';
import type { ApplicationActivities } from './application-contract.ts';
import { applicationActivities } from './application.ts';
import type { Activities } from './contract.ts';
import { employerImportActivities } from './employer-imports.ts';
import { jobDescriptionActivities } from './job-descriptions.ts';
import { hiringActivities } from './hiring.ts';
import { parcoursActivities } from './parcours.ts';

export function createActivities(deps: { db: Db }): Activities & ApplicationActivities {
  return {
    ...accreditationActivities(deps.db),
    ...parcoursActivities(deps.db),
    ...jobDescriptionActivities(deps.db),
    ...employerImportActivities(deps.db),
    ...applicationActivities(deps.db),
    ...hiringActivities(deps.db),
  };
}
