// Every workflow type the worker runs. Bundled by the worker (workflowsPath), so only
// deterministic code may be reachable from here (enforced by the ESLint override).
export { accreditation } from './accreditation/workflow.ts';
export { parcours } from './parcours/workflow.ts';
export { jobDescription } from './job-description/workflow.ts';
export { employerImport } from './employer-import/workflow.ts';
export { application } from './application/workflow.ts';
export { selfPrescriptionRight } from './self-prescription-right/workflow.ts';
export { controlCampaign } from './control-campaign/workflow.ts';
export { siaeControl } from './siae-control/workflow.ts';
export { parcoursImport } from './parcours-import/workflow.ts';
