// A DDETS spot check (docs/rules.md §8): at any time, one SIAE of its département, on hires it
// chooses or on the sample rule applied to the last 12 months (seeded and recorded).
import { randomInt, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { z } from 'zod';
import { controlViewSchema } from '../../contracts/controls.ts';
import { drawSample } from '../../domain/controls/draw.ts';
import { CONTROLLABLE_SIAE_KINDS, spotCheckPeriod } from '../../domain/controls/selection.ts';
import { today } from '../../domain/clock.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import { findEligibleSiaes } from '../../server/controls/eligible-siaes.ts';
import {
  SIAE_CONTROL_WORKFLOW_TYPE,
  siaeControlSyncUpdate,
  siaeControlWorkflowId,
  type SiaeControlInput,
} from '../../workflows/siae-control/contract.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { actedBy } from '../controls/access.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { uuid } from '../schemas.ts';
import { businessRefusal } from '../workflow-calls.ts';
import { withPasses } from './controls.ts';

export const spotCheckRoutes = [
  defineRoute({
    method: 'post',
    path: '/spot-checks',
    tag: 'Contrôles a posteriori',
    summary: 'Contrôler une structure du département à tout moment (embauches choisies, ou tirage sur 12 mois)',
    access: ['LABOUR_INSPECTOR'],
    body: z.strictObject({ employerId: uuid, applicationIds: z.array(uuid).min(1).max(20).optional() }),
    responses: {
      201: { description: 'Contrôle ouvert', schema: controlViewSchema },
      422: { description: 'Structure non contrôlable ou embauches invalides' },
    },
    handle: async ({ deps, actor, body }) => {
      const employer = await deps.db.organization.findUnique({ where: { id: body.employerId } });
      if (!employer || employer.type !== 'EMPLOYER') throw notFound('Structure introuvable.');
      assertDepartementScope(actor, employer.departement);
      if (!CONTROLLABLE_SIAE_KINDS.includes(employer.employerKind as EmployerKind)) {
        throw new ApiError(
          422,
          'control_kind_not_controlled',
          'Seules les SIAE (ACI, AI, EI, ETTI, EITI) sont contrôlées.',
        );
      }
      let applicationIds = body.applicationIds ?? [];
      let sample: SiaeControlInput['sample'] = null;
      if (applicationIds.length > 0) {
        const found = await deps.db.application.count({
          where: { id: { in: applicationIds }, employerId: employer.id, state: 'accepted' },
        });
        if (found !== new Set(applicationIds).size) {
          throw new ApiError(
            422,
            'control_hires_invalid',
            'Chaque embauche choisie doit être une embauche acceptée de la structure.',
          );
        }
      } else {
        const period = spotCheckPeriod(today(deps.clock));
        const siae = (await findEligibleSiaes(deps.db, { departement: employer.departement, period })).find(
          (s) => s.siaeId === employer.id,
        );
        if (!siae) {
          throw new ApiError(
            422,
            'control_siae_not_eligible',
            'Cette structure n’a pas au moins 2 embauches contrôlables sur les 12 derniers mois.',
          );
        }
        sample = drawSample(siae, randomInt(0, 0x1_0000_0000));
        applicationIds = sample.selectedIds;
      }
      const controlId = randomUUID();
      const input: SiaeControlInput = {
        controlId,
        kind: 'SPOT_CHECK',
        campaignId: null,
        campaignWorkflowId: null,
        employerId: employer.id,
        departement: employer.departement,
        applicationIds: [...new Set(applicationIds)],
        sample,
        startedBy: actedBy(actor),
      };
      const startWorkflowOperation = new WithStartWorkflowOperation(SIAE_CONTROL_WORKFLOW_TYPE, {
        workflowId: siaeControlWorkflowId(controlId),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      });
      try {
        const view = await deps.temporal.workflow.executeUpdateWithStart(siaeControlSyncUpdate, {
          startWorkflowOperation,
        });
        return { status: 201, body: await withPasses(deps, view) };
      } catch (error) {
        throw businessRefusal(error) ?? error;
      }
    },
  }),
];
