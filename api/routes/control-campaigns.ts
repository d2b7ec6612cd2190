// Control campaigns (docs/rules.md §8, §13): a DDETS opens one for its département and a
// period, chooses its ratio within 4 weeks, reads the draw and its seed. Each campaign is a
// controlCampaign workflow; lists read the PostgreSQL read model.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { campaignListSchema, campaignViewSchema } from '../../contracts/controls.ts';
import { checkPeriod } from '../../domain/controls/selection.ts';
import {
  CONTROL_CAMPAIGN_WORKFLOW_TYPE,
  controlCampaignStateQuery,
  controlCampaignSyncUpdate,
  controlCampaignWorkflowId,
  setRatioUpdate,
  type ControlCampaignInput,
  type ControlCampaignView,
} from '../../workflows/control-campaign/contract.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { actedBy, visibleCampaign } from '../controls/access.ts';
import { ApiError, conflict } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { departementCode, idParams, int32, isoDate } from '../schemas.ts';
import { businessRefusal, executeUpdate } from '../workflow-calls.ts';

const TAG = 'Contrôles a posteriori';

/** The campaign's live view, with each control's stage and deadline from the read model. */
async function withControls(deps: Deps, view: ControlCampaignView) {
  const rows = await deps.db.siaeControl.findMany({
    where: { campaignId: view.campaignId },
    select: { id: true, stage: true, state: true, phaseDeadline: true },
  });
  const names = await deps.db.organization.findMany({
    where: { id: { in: view.controls.map((c) => c.employerId) } },
    select: { id: true, name: true },
  });
  return {
    ...view,
    controls: view.controls.map(({ controlId, employerId, outcome }) => {
      const row = rows.find((r) => r.id === controlId);
      return {
        controlId,
        employerId,
        employerName: names.find((n) => n.id === employerId)?.name,
        outcome,
        ...(row ? { stage: row.stage, state: row.state, phaseDeadline: row.phaseDeadline } : {}),
      };
    }),
  };
}

const handleOf = (deps: Deps, row: { departement: string; periodStart: string; periodEnd: string }) =>
  deps.temporal.workflow.getHandle(
    controlCampaignWorkflowId(row.departement, { start: row.periodStart, end: row.periodEnd }),
  );

export const controlCampaignRoutes = [
  defineRoute({
    method: 'post',
    path: '/control-campaigns',
    tag: TAG,
    summary: 'Ouvrir la campagne de contrôle a posteriori d’un département sur une période',
    access: ['LABOUR_INSPECTOR'],
    body: z.strictObject({ departement: departementCode.optional(), periodStart: isoDate, periodEnd: isoDate }),
    responses: {
      201: { description: 'Campagne ouverte', schema: campaignViewSchema },
      409: { description: 'Une campagne existe déjà pour ce département et cette période' },
      422: { description: 'Période invalide' },
    },
    handle: async ({ deps, actor, body }) => {
      const departement = body.departement ?? actor.organization.departement;
      assertDepartementScope(actor, departement);
      const period = { start: body.periodStart, end: body.periodEnd };
      const [invalid] = checkPeriod(period);
      if (invalid) throw new ApiError(422, invalid.code, invalid.message);
      const input: ControlCampaignInput = { campaignId: randomUUID(), departement, period, openedBy: actedBy(actor) };
      const startWorkflowOperation = new WithStartWorkflowOperation(CONTROL_CAMPAIGN_WORKFLOW_TYPE, {
        workflowId: controlCampaignWorkflowId(departement, period),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      try {
        const view = await deps.temporal.workflow.executeUpdateWithStart(controlCampaignSyncUpdate, {
          startWorkflowOperation,
        });
        return { status: 201, body: await withControls(deps, view) };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError || String(error).includes('already'))
          throw conflict('Une campagne existe déjà pour ce département et cette période.');
        throw businessRefusal(error) ?? error;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/control-campaigns',
    tag: TAG,
    summary: 'Lister les campagnes de contrôle du département',
    access: ['LABOUR_INSPECTOR'],
    query: z.strictObject({ departement: departementCode.optional() }),
    responses: { 200: { description: 'Campagnes, les plus récentes en premier', schema: campaignListSchema } },
    handle: async ({ deps, actor, query }) => {
      const departement = query.departement ?? actor.organization.departement;
      assertDepartementScope(actor, departement);
      const rows = await deps.db.controlCampaign.findMany({
        where: { departement },
        orderBy: [{ periodEnd: 'desc' }, { openedOn: 'desc' }],
      });
      return {
        status: 200,
        body: rows.map((r) => ({
          id: r.id,
          departement: r.departement,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          openedOn: r.openedOn,
          state: r.state,
          ratio: r.ratio,
          selectedCount: r.selectedIds.length,
        })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/control-campaigns/{id}',
    tag: TAG,
    summary: 'Lire une campagne : taux, tirage (algorithme, version, graine, structures tirées), contrôles',
    access: ['LABOUR_INSPECTOR'],
    params: idParams,
    responses: { 200: { description: 'Campagne', schema: campaignViewSchema }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, actor, params }) => {
      const row = await visibleCampaign(deps, actor, params.id);
      const view = await handleOf(deps, row).query(controlCampaignStateQuery);
      return { status: 200, body: await withControls(deps, view) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/control-campaigns/{id}/ratio',
    tag: TAG,
    summary: 'Choisir le taux de sélection (20 à 40 %) dans les 4 semaines suivant l’ouverture',
    access: ['LABOUR_INSPECTOR'],
    params: idParams,
    body: z.strictObject({ ratio: int32(0, 100) }),
    responses: {
      200: { description: 'Taux enregistré', schema: campaignViewSchema },
      422: { description: 'Taux hors de 20–40 %, délai dépassé ou tirage déjà fait' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const row = await visibleCampaign(deps, actor, params.id);
      const view = await executeUpdate(handleOf(deps, row), setRatioUpdate, { ...actedBy(actor), ratio: body.ratio });
      return { status: 200, body: await withControls(deps, view) };
    },
  }),
];
