// Activities are built by a factory that receives their dependencies (docs/conventions.md). Each
// implements the interface its workflow declares beside it (workflows/<name>/activities.ts):
// activities depend on the workflows' contracts, never the other way round.
import type { Db } from '../server/db/client.ts';
import type { MailSettings } from '../server/notifications/write.ts';
import type { AccreditationActivities } from '../workflows/accreditation/activities.ts';
import type { ApplicationActivities } from '../workflows/application/activities.ts';
import type { EmployerImportActivities } from '../workflows/employer-import/activities.ts';
import type { JobDescriptionActivities } from '../workflows/job-description/activities.ts';
import type { ParcoursActivities } from '../workflows/parcours/activities.ts';
import type { ParcoursImportActivities } from '../workflows/parcours-import/activities.ts';
import type { SelfPrescriptionRightActivities } from '../workflows/self-prescription-right/activities.ts';
import type { ControlCampaignActivities } from '../workflows/control-campaign/activities.ts';
import type { SiaeControlActivities } from '../workflows/siae-control/activities.ts';
import { accreditationActivities } from './accreditation.ts';
import { applicationActivities } from './application.ts';
import { employerImportActivities } from './employer-imports.ts';
import { hiringActivities } from './hiring.ts';
import { jobDescriptionActivities } from './job-descriptions.ts';
import { parcoursActivities } from './parcours.ts';
import { parcoursImportActivities } from './parcours-import.ts';
import { selfPrescriptionRightActivities } from './self-prescription-right.ts';
import { controlCampaignActivities } from './control-campaign.ts';
import { siaeControlActivities } from './siae-control.ts';

/** Every activity the worker runs: what each workflow type asks for, one line per workflow. */
export type WorkerActivities = AccreditationActivities &
  ParcoursActivities &
  JobDescriptionActivities &
  EmployerImportActivities &
  ApplicationActivities &
  SelfPrescriptionRightActivities &
  ControlCampaignActivities &
  SiaeControlActivities &
  ParcoursImportActivities;

export function createActivities(deps: { db: Db; mail: MailSettings }): WorkerActivities {
  return {
    ...accreditationActivities(deps.db, deps.mail),
    ...parcoursActivities(deps.db, deps.mail),
    ...jobDescriptionActivities(deps.db, deps.mail),
    ...employerImportActivities(deps.db),
    ...applicationActivities(deps.db, deps.mail),
    ...hiringActivities(deps.db),
    ...selfPrescriptionRightActivities(deps.db, deps.mail),
    ...controlCampaignActivities(deps.db, deps.mail),
    ...siaeControlActivities(deps.db, deps.mail),
    ...parcoursImportActivities(deps.db),
  };
}
