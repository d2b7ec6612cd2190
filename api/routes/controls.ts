// One SIAE's control (docs/rules.md §8, §13): read it, choose the criteria of a hire, submit,
// review each criterion, decide with sanctions. The control is a siaeControl workflow; its
// updates check the phase and states, the routes check who acts and the §4 criteria rule.
import { z } from 'zod';
import { controlListSchema, controlViewSchema } from '../../contracts/controls.ts';
import { isAdministrativeCriterion, type AdministrativeCriterion } from '../../domain/eligibility.ts';
import { checkChosenCriteria } from '../../domain/controls/proofs.ts';
import type { Sanction } from '../../domain/controls/sanctions.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import {
  chooseCriteriaUpdate,
  decideUpdate,
  reviewUpdate,
  siaeControlStateQuery,
  siaeControlWorkflowId,
  submitProofsUpdate,
  type SiaeControlView,
} from '../../workflows/siae-control/contract.ts';
import { actedBy, controlOfDdets, controlOfSiae, visibleControl } from '../controls/access.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { idParams, isoDate, nonEmptyText, text, uuid } from '../schemas.ts';
import { executeUpdate } from '../workflow-calls.ts';

const TAG = 'Contrôles a posteriori';
const ok = { description: 'Contrôle mis à jour', schema: controlViewSchema };

export const controlHandle = (deps: Deps, controlId: string) =>
  deps.temporal.workflow.getHandle(siaeControlWorkflowId(controlId));

/** The view with each hire's PASS number (from the read model: the workflow holds ids only). */
export async function withPasses(deps: Deps, view: SiaeControlView) {
  const hires = await deps.db.controlledHire.findMany({
    where: { controlId: view.controlId },
    select: { applicationId: true, passNumber: true },
  });
  return {
    ...view,
    hires: view.hires.map((h) => ({
      ...h,
      passNumber: hires.find((r) => r.applicationId === h.applicationId)?.passNumber ?? null,
    })),
  };
}

/** The criteria of the diagnosis the hire relied on: the one that opened its PASS (docs/rules.md §4). */
async function criteriaAtHire(deps: Deps, employerId: string, applicationId: string) {
  const application = await deps.db.application.findUnique({ where: { id: applicationId } });
  if (!application || application.employerId !== employerId || !application.passNumber) {
    throw notFound('Embauche introuvable.');
  }
  const diagnosis = await deps.db.diagnosis.findFirst({
    where: { passNumber: application.passNumber },
    select: { criteria: true },
  });
  return (diagnosis?.criteria ?? []).filter(isAdministrativeCriterion) as AdministrativeCriterion[];
}

const sanctionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('information_session') }),
  z.strictObject({ kind: z.literal('temporary_revocation'), from: isoDate, until: isoDate }),
  z.strictObject({ kind: z.literal('permanent_revocation'), from: isoDate }),
  z.strictObject({
    kind: z.literal('subsidy_cut'),
    percentByHire: z.record(uuid, z.number().int()),
  }),
  z.strictObject({ kind: z.literal('none'), reason: nonEmptyText(2000) }),
]);

export const controlRoutes = [
  defineRoute({
    method: 'get',
    path: '/controls',
    tag: TAG,
    summary: 'Lister les contrôles : ceux de sa structure (SIAE), ceux de son département (DDETS)',
    access: ['LABOUR_INSPECTOR', 'EMPLOYER_STAFF'],
    responses: { 200: { description: 'Contrôles, les plus récents en premier', schema: controlListSchema } },
    handle: async ({ deps, actor }) => {
      const rows = await deps.db.siaeControl.findMany({
        where:
          actor.role === 'EMPLOYER_STAFF'
            ? { employerId: actor.organization.id }
            : actor.role === 'ADMIN'
              ? {}
              : { departement: actor.organization.departement },
        orderBy: { phaseStartedOn: 'desc' },
        select: {
          id: true,
          kind: true,
          campaignId: true,
          employerId: true,
          stage: true,
          state: true,
          phaseDeadline: true,
          decision: true,
        },
      });
      return { status: 200, body: rows };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/controls/{id}',
    tag: TAG,
    summary: 'Lire un contrôle : phase, échéances, embauches contrôlées, critères et leur état',
    access: ['LABOUR_INSPECTOR', 'EMPLOYER_STAFF'],
    params: idParams,
    responses: { 200: { description: 'Contrôle', schema: controlViewSchema }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, actor, params }) => {
      await visibleControl(deps, actor, params.id);
      const view = await controlHandle(deps, params.id).query(siaeControlStateQuery);
      return { status: 200, body: await withPasses(deps, view) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/controls/{id}/criteria',
    tag: TAG,
    summary: 'Choisir les critères justifiés pour une embauche contrôlée (règle de combinaison du §4)',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: z.strictObject({ applicationId: uuid, criteria: z.array(text(64)).min(1).max(20) }),
    responses: { 200: ok, 422: { description: 'Critères insuffisants ou non modifiables' } },
    handle: async ({ deps, actor, params, body }) => {
      const row = await controlOfSiae(deps, actor, params.id);
      const [refusal, ...more] = checkChosenCriteria({
        siaeKind: actor.organization.employerKind as EmployerKind,
        chosen: body.criteria,
        recordedAtHire: await criteriaAtHire(deps, row.employerId, body.applicationId),
      });
      if (refusal) throw new ApiError(422, refusal.code, [refusal, ...more].map((r) => r.message).join(' '));
      const view = await executeUpdate(controlHandle(deps, params.id), chooseCriteriaUpdate, {
        ...actedBy(actor),
        applicationId: body.applicationId,
        criteria: body.criteria,
      });
      return { status: 200, body: await withPasses(deps, view) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/controls/{id}/submit',
    tag: TAG,
    summary: 'Transmettre les justificatifs à la DDETS',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    responses: { 200: ok, 422: { description: 'Justificatif manquant ou délai dépassé' } },
    handle: async ({ deps, actor, params }) => {
      await controlOfSiae(deps, actor, params.id);
      const view = await executeUpdate(controlHandle(deps, params.id), submitProofsUpdate, actedBy(actor));
      return { status: 200, body: await withPasses(deps, view) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/controls/{id}/review',
    tag: TAG,
    summary: 'Valider ou refuser (avec commentaire) le justificatif d’un critère',
    access: ['LABOUR_INSPECTOR'],
    params: idParams,
    body: z.strictObject({
      applicationId: uuid,
      criterion: text(64),
      verdict: z.enum(['accept', 'refuse']),
      comment: text(3000).optional(),
    }),
    responses: { 200: ok, 422: { description: 'Critère non transmis ou commentaire manquant' } },
    handle: async ({ deps, actor, params, body }) => {
      await controlOfDdets(deps, actor, params.id);
      const view = await executeUpdate(controlHandle(deps, params.id), reviewUpdate, {
        ...actedBy(actor),
        ...body,
        comment: body.comment ?? null,
      });
      return { status: 200, body: await withPasses(deps, view) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/controls/{id}/sanction',
    tag: TAG,
    summary: 'Décider d’un contrôle refusé : motif et sanctions (notifiés à la structure)',
    access: ['LABOUR_INSPECTOR'],
    params: idParams,
    body: z.strictObject({
      reason: z.enum(['delay', 'invalid_proof', 'missing_proof', 'other']),
      sanctions: z.array(sanctionSchema).max(5),
    }),
    responses: { 200: ok, 422: { description: 'Sanctions non conformes (docs/rules.md §8)' } },
    handle: async ({ deps, actor, params, body }) => {
      await controlOfDdets(deps, actor, params.id);
      const view = await executeUpdate(controlHandle(deps, params.id), decideUpdate, {
        ...actedBy(actor),
        reason: body.reason,
        sanctions: body.sanctions as Sanction[],
      });
      return { status: 200, body: await withPasses(deps, view) };
    },
  }),
];
