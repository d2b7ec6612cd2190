// Prescriber accreditation requests (docs/rules.md §7, §13). Each request is a workflow; lists read
// the PostgreSQL read model, one request's live state comes from the workflow query.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { z } from 'zod';
import { accreditationListSchema, accreditationViewSchema } from '../../contracts/accreditation.ts';
import {
  accreditationAnsweredOn,
  ACCREDITATION_STATES,
  OPEN_ACCREDITATION_STATES,
} from '../../domain/accreditation.ts';
import { today } from '../../domain/clock.ts';
import {
  accreditationStateQuery,
  accreditationSyncUpdate,
  accreditationWorkflowId,
  ACCREDITATION_WORKFLOW_TYPE,
  approveUpdate,
  rejectUpdate,
  requestInformationUpdate,
  respondUpdate,
  withdrawUpdate,
  type AccreditationInput,
  type AccreditationView,
} from '../../workflows/accreditation/contract.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import type { Actor } from '../auth/actor.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { ApiError, conflict, forbidden, notFound } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { departementCode, idParams, isoDate, nonEmptyText, uuid } from '../schemas.ts';
import { departementsOfSameRegion } from '../../server/territories.ts';
import { businessRefusal, executeUpdate } from '../workflow-calls.ts';

/** Loads the request's read-model row and checks the actor may see it: its organization, its département's prefecture, or an administrator. */
async function visibleRequest(deps: Deps, actor: Actor, id: string) {
  const row = await deps.db.accreditationRequest.findUnique({ where: { id } });
  if (!row) throw notFound("Demande d'habilitation introuvable.");
  if (actor.role === 'PREFECTURE_AGENT') assertDepartementScope(actor, row.departement);
  else if (actor.role === 'PRESCRIBER' && actor.organization.id !== row.organizationId) throw forbidden();
  return row;
}

function handleOf(deps: Deps, id: string) {
  return deps.temporal.workflow.getHandle(accreditationWorkflowId(id));
}

/** The workflow's view as the contract answers it: with the day the organization completed it, read from its history. */
const answered = (view: AccreditationView) => ({ ...view, answeredOn: accreditationAnsweredOn(view.events) });

const message = z.strictObject({ message: nonEmptyText(3000) });
const reason = z.strictObject({ reason: nonEmptyText(3000) });

/** A prefecture decision on one request: scope check, then the workflow update. */
function prefectureDecision<B extends z.ZodType>(
  action: 'approve' | 'reject' | 'request-information' | 'withdraw',
  summary: string,
  body: B,
  run: (deps: Deps, actor: Actor, id: string, body: z.output<B>) => Promise<AccreditationView>,
) {
  return defineRoute({
    method: 'post',
    path: `/accreditation-requests/{id}/${action}`,
    tag: 'Habilitations',
    summary,
    access: ['PREFECTURE_AGENT'],
    params: idParams,
    body,
    responses: {
      200: { description: 'Demande mise à jour', schema: accreditationViewSchema },
      404: { description: 'Introuvable' },
      422: { description: 'Action impossible dans cet état' },
    },
    handle: async ({ deps, actor, params, body: input }) => {
      await visibleRequest(deps, actor, params.id);
      return { status: 200, body: answered(await run(deps, actor, params.id, input as z.output<B>)) };
    },
  });
}

const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });

export const accreditationRoutes = [
  defineRoute({
    method: 'post',
    path: '/accreditation-requests',
    tag: 'Habilitations',
    summary: "Demander l'habilitation d'une organisation prescriptrice à la préfecture",
    access: ['PRESCRIBER'],
    body: z.strictObject({
      organizationId: uuid,
      justification: nonEmptyText(5000),
      reference: nonEmptyText(300).meta({
        description: "Référence de l'arrêté préfectoral ou du document justificatif",
      }),
    }),
    responses: {
      201: { description: 'Demande déposée', schema: accreditationViewSchema },
      409: { description: 'Une demande est déjà en cours' },
      422: { description: 'Organisation déjà habilitée ou non prescriptrice' },
    },
    handle: async ({ deps, actor, body }) => {
      if (actor.role !== 'ADMIN' && actor.organization.id !== body.organizationId) {
        throw forbidden('Vous ne pouvez déposer une demande que pour votre organisation.');
      }
      const organization = await deps.db.organization.findUnique({ where: { id: body.organizationId } });
      if (!organization) throw notFound('Organisation introuvable.');
      if (organization.type !== 'PRESCRIBER') {
        throw new ApiError(
          422,
          'not_a_prescriber',
          'Seule une organisation prescriptrice peut demander une habilitation.',
        );
      }
      if (organization.authorizationStatus === 'VALIDATED') {
        throw new ApiError(422, 'already_authorized', 'Cette organisation est déjà habilitée.');
      }
      const open = await deps.db.accreditationRequest.findFirst({
        where: { organizationId: organization.id, state: { in: [...OPEN_ACCREDITATION_STATES] } },
        select: { id: true },
      });
      if (open)
        throw conflict('Une demande est déjà en cours pour cette organisation.', [
          { message: 'demande en cours', existingId: open.id },
        ]);

      const input: AccreditationInput = {
        requestId: randomUUID(),
        organizationId: organization.id,
        departement: organization.departement,
        justification: body.justification,
        reference: body.reference,
        submittedByUserId: actor.userId,
      };
      const startWorkflowOperation = new WithStartWorkflowOperation(ACCREDITATION_WORKFLOW_TYPE, {
        workflowId: accreditationWorkflowId(input.requestId),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.departement, value: organization.departement }],
      });
      try {
        const view = await deps.temporal.workflow.executeUpdateWithStart(accreditationSyncUpdate, {
          startWorkflowOperation,
        });
        return { status: 201, body: answered(view) };
      } catch (error) {
        throw businessRefusal(error) ?? error;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/accreditation-requests',
    tag: 'Habilitations',
    summary: "Lister les demandes d'habilitation (préfecture : son département ; organisation : les siennes)",
    access: ['PRESCRIBER', 'PREFECTURE_AGENT'],
    query: z.strictObject({
      state: z.enum(ACCREDITATION_STATES).optional(),
      departement: departementCode.optional(),
      overdue: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      region: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional()
        .meta({ description: 'Préfecture : toutes les demandes de la région (vue régionale, lecture seule)' }),
    }),
    responses: {
      200: {
        description: 'Demandes, les plus anciennes en premier',
        schema: accreditationListSchema,
      },
    },
    handle: async ({ deps, actor, query }) => {
      const scope =
        actor.role === 'PREFECTURE_AGENT'
          ? {
              departement: query.region
                ? { in: departementsOfSameRegion(actor.organization.departement) }
                : actor.organization.departement,
            }
          : actor.role === 'PRESCRIBER'
            ? { organizationId: actor.organization.id }
            : {};
      if (query.departement && actor.role === 'PREFECTURE_AGENT') {
        const visible = query.region
          ? departementsOfSameRegion(actor.organization.departement)
          : [actor.organization.departement];
        if (!visible.includes(query.departement)) throw forbidden("Ce département n'est pas dans votre périmètre.");
      }
      const rows = await deps.db.accreditationRequest.findMany({
        where: {
          ...scope,
          ...(query.departement ? { departement: query.departement } : {}),
          ...(query.state ? { state: query.state } : {}),
          // "Overdue" concerns requests still waiting for a decision.
          ...(query.overdue === true && !query.state ? { state: { in: [...OPEN_ACCREDITATION_STATES] } } : {}),
          ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
        },
        include: { organization: { select: { name: true } } },
        orderBy: [{ submittedOn: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      return {
        status: 200,
        body: {
          items: rows.map((row) => ({
            id: row.id,
            organizationId: row.organizationId,
            organizationName: row.organization.name,
            departement: row.departement,
            state: row.state,
            submittedOn: row.submittedOn,
            decidedOn: row.decidedOn,
            answeredOn: row.answeredOn,
            overdue: row.overdue,
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/accreditation-requests/{id}',
    tag: 'Habilitations',
    summary: "Consulter une demande d'habilitation et son historique",
    access: ['PRESCRIBER', 'PREFECTURE_AGENT'],
    params: idParams,
    responses: {
      200: { description: 'Demande', schema: accreditationViewSchema },
      404: { description: 'Introuvable' },
    },
    handle: async ({ deps, actor, params }) => {
      const row = await visibleRequest(deps, actor, params.id);
      const [view, organization] = await Promise.all([
        handleOf(deps, params.id).query(accreditationStateQuery),
        deps.db.organization.findUnique({ where: { id: row.organizationId }, select: { name: true } }),
      ]);
      return { status: 200, body: { ...answered(view), organizationName: organization?.name ?? '' } };
    },
  }),
  prefectureDecision(
    'approve',
    "Habiliter l'organisation (avec une date de fin facultative)",
    z.strictObject({ endDate: isoDate.optional() }),
    (deps, actor, id, input) => {
      if (input.endDate && input.endDate <= today(deps.clock)) {
        throw new ApiError(
          422,
          'end_date_not_future',
          "La date de fin d'habilitation doit être postérieure à aujourd'hui.",
        );
      }
      return executeUpdate(handleOf(deps, id), approveUpdate, { ...actedBy(actor), endDate: input.endDate ?? null });
    },
  ),
  prefectureDecision('reject', 'Refuser la demande (avec un motif)', reason, (deps, actor, id, input) =>
    executeUpdate(handleOf(deps, id), rejectUpdate, { ...actedBy(actor), reason: input.reason }),
  ),
  prefectureDecision(
    'request-information',
    "Demander des informations complémentaires à l'organisation",
    message,
    (deps, actor, id, input) =>
      executeUpdate(handleOf(deps, id), requestInformationUpdate, { ...actedBy(actor), message: input.message }),
  ),
  prefectureDecision('withdraw', "Retirer l'habilitation accordée (avec un motif)", reason, (deps, actor, id, input) =>
    executeUpdate(handleOf(deps, id), withdrawUpdate, { ...actedBy(actor), reason: input.reason }),
  ),
  defineRoute({
    method: 'post',
    path: '/accreditation-requests/{id}/respond',
    tag: 'Habilitations',
    summary: "Répondre à une demande d'informations de la préfecture",
    access: ['PRESCRIBER'],
    params: idParams,
    body: message,
    responses: {
      200: { description: 'Réponse envoyée', schema: accreditationViewSchema },
      404: { description: 'Introuvable' },
      422: { description: 'Aucune information demandée' },
    },
    handle: async ({ deps, actor, params, body }) => {
      await visibleRequest(deps, actor, params.id);
      return {
        status: 200,
        body: answered(
          await executeUpdate(handleOf(deps, params.id), respondUpdate, {
            ...actedBy(actor),
            message: body.message,
          }),
        ),
      };
    },
  }),
];
