// PASS IAE and prolongation requests (docs/rules.md §5, §13). Each PASS is a parcours workflow; one
// PASS's live state is the workflow's answer, computed for the API's "today".
import { WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import {
  passDetailSchema,
  passViewSchema,
  prescriberChoiceListSchema,
  prolongationRequestListSchema,
  type PassDetail,
} from '../../contracts/passes.ts';
import { today } from '../../domain/clock.ts';
import { SIAE_KINDS } from '../../domain/organizations.ts';
import { throwIfRefused } from '../../domain/errors.ts';
import { checkHiringStartDate } from '../../domain/pass/dates.ts';
import { attestationFileName, attestationOfPass } from '../../domain/pass/attestation.ts';
import { PROLONGATION_REASONS } from '../../domain/pass/prolongations.ts';
import { SUSPENSION_REASONS } from '../../domain/pass/suspensions.ts';
import {
  decideProlongationUpdate,
  endSuspensionUpdate,
  parcoursStateQuery,
  parcoursSyncUpdate,
  parcoursWorkflowId,
  PARCOURS_WORKFLOW_TYPE,
  prolongUpdate,
  suspendUpdate,
  type ParcoursInput,
  type ParcoursView,
} from '../../workflows/parcours/contract.ts';
import { attestationPdf } from '../../server/pdf/pass-attestation.ts';
import { readerWorksOnCase } from '../../server/rules/case-access.ts';
import { withPassIssuance } from '../../server/rules/pass-issuance.ts';
import { auditRead } from '../audit-read.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, conflict, forbidden, notFound } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { departementCode, idParams, isoDate, nonEmptyText, pageQuery, text, uuid } from '../schemas.ts';
import { listProlongationRequests, PROLONGATION_REQUEST_STATES } from '../../server/worklists/prolongations.ts';
import { businessRefusal, executeUpdate } from '../workflow-calls.ts';

const passNumber = z.string().regex(/^99999\d{7}$/, { message: 'numéro de PASS IAE invalide (12 chiffres)' });
const passParams = z.strictObject({ number: passNumber });

// The live view is the workflow's own type; its contract is checked against it here.
const _viewIsTheContract = (view: ParcoursView): z.input<typeof passViewSchema> => view;

const handleOf = (deps: Deps, number: string) => deps.temporal.workflow.getHandle(parcoursWorkflowId(number));
const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });

/** Who may see a PASS: the organizations on the person's case (its employers among them), administrators. */
async function visiblePass(deps: Deps, actor: Actor, number: string) {
  const pass = await deps.db.pass.findUnique({ where: { number } });
  if (!pass) throw notFound('PASS IAE introuvable.');
  if (actor.role === 'ADMIN') return pass;
  // Its employers and a prescriber asked to decide a prolongation are on the case too.
  const onCase = await readerWorksOnCase(deps.db, actor, pass.personId);
  if (!onCase) throw forbidden('Ce PASS IAE concerne une personne dont vous ne suivez pas le dossier.');
  return pass;
}

const asEmployer = (actor: Actor) => actor.organization.id;

/**
 * The live view with its holder and the organizations it names. Only readers on the holder's case
 * get here (visiblePass), so the holder is named; null once her data is anonymized (§5).
 */
async function passDetail(deps: Deps, personId: string, view: ParcoursView): Promise<PassDetail> {
  const ids = new Set<string>([view.holdingEmployerId]);
  for (const hire of view.hires) ids.add(hire.employerId);
  for (const suspension of view.suspensions) ids.add(suspension.employerId);
  if (view.pendingRequest) {
    ids.add(view.pendingRequest.employerId);
    ids.add(view.pendingRequest.prescriberOrganizationId);
  }
  const [person, organizations] = await Promise.all([
    deps.db.person.findUnique({
      where: { id: personId },
      select: { id: true, firstName: true, lastName: true, birthDate: true, identityKey: true },
    }),
    deps.db.organization.findMany({
      where: { id: { in: [...ids].filter(Boolean) } },
      select: { id: true, name: true, employerKind: true, prescriberKind: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const anonymized = view.anonymized || !person || person.identityKey.startsWith('anonymized:');
  return {
    ...view,
    holder: anonymized
      ? null
      : { personId: person.id, firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, kind: o.employerKind ?? o.prescriberKind })),
  };
}

/**
 * The view of a parcours another request is starting, once it is projected; null when it does
 * not appear within a few seconds (that request failed before starting it: start it again).
 */
async function joinIssuedParcours(deps: Deps, number: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await handleOf(deps, number).executeUpdate(parcoursSyncUpdate);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return null;
}

export const passRoutes = [
  defineRoute({
    method: 'post',
    path: '/passes',
    tag: 'PASS IAE',
    summary: "Délivrer un PASS IAE (administrateurs, en attendant le parcours d'embauche)",
    access: [],
    body: z.strictObject({
      personId: uuid,
      employerId: uuid,
      hiringStartDate: isoDate,
      issuanceKey: z
        .string()
        .min(8)
        .max(200)
        .optional()
        .meta({ description: 'Clé d’idempotence : une même clé délivre un seul PASS' }),
    }),
    responses: {
      201: { description: 'PASS délivré', schema: passViewSchema },
      409: { description: 'La personne détient déjà un PASS valide ou à venir' },
      422: { description: "Employeur hors SIAE, date d'embauche invalide" },
    },
    handle: async ({ deps, body }) => {
      const { db } = deps;
      const on = today(deps.clock);
      throwIfRefused(checkHiringStartDate(body.hiringStartDate, on));
      const [person, employer] = await Promise.all([
        db.person.findUnique({ where: { id: body.personId }, select: { id: true } }),
        db.organization.findUnique({ where: { id: body.employerId } }),
      ]);
      if (!person) throw new ApiError(422, 'unknown_person', "La personne indiquée n'existe pas.");
      if (!employer?.employerKind || !SIAE_KINDS.includes(employer.employerKind)) {
        throw new ApiError(422, 'not_siae', 'Seule une embauche en SIAE ouvre un PASS IAE (pas en GEIQ ni en EA).');
      }
      const issuanceKey = body.issuanceKey ?? `${body.personId}:${body.employerId}:${body.hiringStartDate}`;
      const allocation = await withPassIssuance(
        db,
        { personId: body.personId, issuanceKey, on, at: deps.clock.now() },
        async (issuance) => {
          if (issuance.ownNumber) return { number: issuance.ownNumber, repeated: true };
          // A person holds at most one valid or future PASS (docs/rules.md §5), including one
          // whose issuance is under way and not yet projected.
          const existingNumber = issuance.current?.number ?? issuance.underWay;
          if (existingNumber) {
            throw conflict(
              `La personne détient déjà le PASS IAE ${existingNumber} : il est repris pour cette embauche.`,
              [{ message: 'PASS existant', existingNumber }],
            );
          }
          return { number: await issuance.allocate(), repeated: false };
        },
      );
      const number = allocation.number;
      const input: ParcoursInput = {
        passNumber: number,
        personId: body.personId,
        hire: { employerId: employer.id, employerKind: employer.employerKind, start: body.hiringStartDate },
      };
      const startWorkflowOperation = new WithStartWorkflowOperation(PARCOURS_WORKFLOW_TYPE, {
        workflowId: parcoursWorkflowId(number),
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        // A retried issuance finds the workflow already there and answers the same PASS.
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      try {
        // A repeated issuance (retry, double click) joins the workflow the first request
        // starts, rather than racing it with a second update-with-start on the same id.
        const joined = allocation.repeated ? await joinIssuedParcours(deps, number) : null;
        const view =
          joined ??
          (await deps.temporal.workflow.executeUpdateWithStart(parcoursSyncUpdate, { startWorkflowOperation }));
        return { status: 201, body: view };
      } catch (error) {
        throw businessRefusal(error) ?? error;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/passes/{number}',
    tag: 'PASS IAE',
    summary: 'Consulter un PASS IAE : état, dates, jours restants, suspensions, prolongations, historique',
    access: ['EMPLOYER_STAFF', 'PRESCRIBER'],
    params: passParams,
    responses: {
      200: { description: 'PASS IAE, son titulaire et les organisations nommées', schema: passDetailSchema },
      404: { description: 'Introuvable' },
    },
    handle: async ({ deps, actor, params }) => {
      const pass = await visiblePass(deps, actor, params.number);
      const view = await handleOf(deps, params.number).query(parcoursStateQuery, today(deps.clock));
      // A PASS is personal data of its holder: every read is audited (docs/rules.md §9).
      await auditRead(deps, actor, {
        action: 'pass.read',
        entityType: 'Pass',
        entityId: pass.number,
        details: { personId: pass.personId },
      });
      return { status: 200, body: await passDetail(deps, pass.personId, view) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/passes/{number}/attestation.pdf',
    tag: 'PASS IAE',
    summary: 'Attestation de PASS IAE (PDF) : numéro, titulaire, dates, service émetteur (lecture journalisée)',
    access: ['EMPLOYER_STAFF', 'PRESCRIBER'],
    params: passParams,
    responses: {
      200: { description: 'Le PDF (application/pdf)' },
      404: { description: 'Introuvable' },
      409: { description: 'Les données du titulaire sont anonymisées' },
    },
    handle: async ({ deps, actor, params }) => {
      const pass = await visiblePass(deps, actor, params.number);
      const view = await handleOf(deps, params.number).query(parcoursStateQuery, today(deps.clock));
      const detail = await passDetail(deps, pass.personId, view);
      if (!detail.holder) {
        throw conflict("Les données du titulaire de ce PASS IAE sont anonymisées : aucune attestation n'est possible.");
      }
      await auditRead(deps, actor, {
        action: 'pass.attestation',
        entityType: 'Pass',
        entityId: pass.number,
        details: { personId: pass.personId },
      });
      const attestation = attestationOfPass(detail, detail.holder);
      const content = await attestationPdf(attestation, deps.clock.now());
      return {
        status: 200,
        file: { contentType: 'application/pdf', filename: attestationFileName(pass.number), content },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/prescriber-organizations',
    tag: 'PASS IAE',
    summary:
      'Les prescripteurs habilités d’un département (le vôtre par défaut), par nom : à qui demander une prolongation',
    access: ['EMPLOYER_STAFF'],
    query: z.strictObject({
      q: text(100).trim().optional().meta({ description: 'Une partie du nom' }),
      departement: departementCode.optional(),
      limit: z.coerce.number().int().min(1).max(50).default(20),
    }),
    responses: {
      200: { description: 'Prescripteurs habilités, par nom', schema: prescriberChoiceListSchema },
    },
    handle: async ({ deps, actor, query }) => {
      const departement = query.departement ?? actor.organization.departement;
      const rows = await deps.db.organization.findMany({
        where: {
          type: 'PRESCRIBER',
          authorizationStatus: 'VALIDATED',
          departement,
          ...(query.q ? { name: { contains: query.q, mode: 'insensitive' as const } } : {}),
        },
        select: { id: true, name: true, prescriberKind: true, departement: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: query.limit,
      });
      return {
        status: 200,
        body: {
          items: rows.map((row) => ({
            id: row.id,
            name: row.name,
            kind: row.prescriberKind,
            departement: row.departement,
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/passes/{number}/suspensions',
    tag: 'PASS IAE',
    summary: 'Suspendre le PASS IAE (employeur de la dernière embauche)',
    access: ['EMPLOYER_STAFF'],
    params: passParams,
    body: z.strictObject({ startDate: isoDate, endDate: isoDate, reason: z.enum(SUSPENSION_REASONS) }),
    responses: {
      200: { description: 'PASS suspendu', schema: passViewSchema },
      422: { description: 'Suspension impossible' },
    },
    handle: async ({ deps, actor, params, body }) => {
      await visiblePass(deps, actor, params.number);
      const view = await executeUpdate(handleOf(deps, params.number), suspendUpdate, {
        ...actedBy(actor),
        employerId: asEmployer(actor),
        start: body.startDate,
        end: body.endDate,
        reason: body.reason,
      });
      return { status: 200, body: view };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/passes/{number}/suspensions/{id}/end',
    tag: 'PASS IAE',
    summary: 'Lever une suspension avant sa date de fin prévue',
    access: ['EMPLOYER_STAFF'],
    params: z.strictObject({ number: passNumber, id: uuid }),
    body: z.strictObject({ endDate: isoDate }),
    responses: { 200: { description: 'Suspension levée', schema: passViewSchema }, 422: { description: 'Impossible' } },
    handle: async ({ deps, actor, params, body }) => {
      await visiblePass(deps, actor, params.number);
      const view = await executeUpdate(handleOf(deps, params.number), endSuspensionUpdate, {
        ...actedBy(actor),
        employerId: asEmployer(actor),
        suspensionId: params.id,
        endDate: body.endDate,
      });
      return { status: 200, body: view };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/passes/{number}/prolongations',
    tag: 'PASS IAE',
    summary:
      'Prolonger le PASS IAE : déclaration (CDI senior, fin de formation) ou demande à un prescripteur habilité (autres motifs)',
    access: ['EMPLOYER_STAFF'],
    params: passParams,
    body: z.strictObject({
      reason: z.enum(PROLONGATION_REASONS),
      endDate: isoDate,
      prescriberOrganizationId: uuid.optional(),
    }),
    responses: {
      200: { description: 'Prolongé ou demande envoyée', schema: passViewSchema },
      422: { description: 'Impossible' },
    },
    handle: async ({ deps, actor, params, body }) => {
      await visiblePass(deps, actor, params.number);
      if (body.prescriberOrganizationId) {
        const prescriber = await deps.db.organization.findUnique({ where: { id: body.prescriberOrganizationId } });
        if (prescriber?.type !== 'PRESCRIBER' || prescriber.authorizationStatus !== 'VALIDATED') {
          throw new ApiError(
            422,
            'prescriber_not_authorized',
            "L'organisation indiquée n'est pas un prescripteur habilité.",
          );
        }
      }
      const view = await executeUpdate(handleOf(deps, params.number), prolongUpdate, {
        ...actedBy(actor),
        employerId: asEmployer(actor),
        reason: body.reason,
        endDate: body.endDate,
        prescriberOrganizationId: body.prescriberOrganizationId ?? null,
      });
      return { status: 200, body: view };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/prolongation-requests',
    tag: 'PASS IAE',
    summary:
      'Les demandes de prolongation adressées à votre organisation (prescripteur habilité) ou envoyées par elle (employeur), par pages',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    query: z.strictObject({
      state: z.enum(PROLONGATION_REQUEST_STATES, { message: 'état inconnu (PENDING, GRANTED ou DENIED)' }).optional(),
      box: z.enum(['received', 'sent']).optional().meta({
        description: 'received : à décider (prescripteur, par défaut) ; sent : envoyées (employeur, par défaut)',
      }),
      ...pageQuery,
    }),
    responses: {
      200: {
        description: 'Une page de demandes, les plus anciennes en premier',
        schema: prolongationRequestListSchema,
      },
    },
    handle: async ({ deps, actor, query }) => {
      const box = query.box ?? (actor.role === 'EMPLOYER_STAFF' ? 'sent' : 'received');
      const page = await listProlongationRequests(deps.db, actor, {
        box,
        ...(query.state ? { state: query.state } : {}),
        page: query.page,
        pageSize: query.pageSize,
      });
      // Each request names the PASS holder: the list is a read of personal data (docs/rules.md §9).
      await auditRead(deps, actor, {
        action: 'prolongation_request.list',
        entityType: 'ProlongationRequestList',
        entityId: String(page.items.length),
        details: {
          box,
          state: query.state ?? null,
          page: query.page,
          requestIds: page.items.map((item) => item.id),
          personIds: [...new Set(page.items.flatMap((item) => (item.person ? [item.person.id] : [])))],
        },
      });
      return { status: 200, body: page };
    },
  }),
  ...(['grant', 'deny'] as const).map((decision) =>
    defineRoute({
      method: 'post',
      path: `/prolongation-requests/{id}/${decision}`,
      tag: 'PASS IAE',
      summary:
        decision === 'grant'
          ? 'Accorder une demande de prolongation'
          : 'Refuser une demande de prolongation (avec un motif)',
      access: ['PRESCRIBER'],
      params: idParams,
      body: decision === 'grant' ? z.strictObject({}) : z.strictObject({ reason: nonEmptyText(2000) }),
      responses: {
        200: { description: 'Décision enregistrée', schema: passViewSchema },
        404: { description: 'Introuvable' },
        422: { description: 'Impossible' },
      },
      handle: async ({ deps, actor, params, body }) => {
        const request = await deps.db.prolongationRequest.findUnique({ where: { id: params.id } });
        if (!request) throw notFound('Demande de prolongation introuvable.');
        if (actor.role !== 'ADMIN') {
          if (actor.organization.id !== request.prescriberOrganizationId)
            throw forbidden('Cette demande a été adressée à une autre organisation.');
          if (actor.organization.authorizationStatus !== 'VALIDATED') {
            throw forbidden(
              "Votre organisation n'est pas habilitée : seul un prescripteur habilité peut valider une prolongation.",
            );
          }
        }
        const view = await executeUpdate(handleOf(deps, request.passNumber), decideProlongationUpdate, {
          ...actedBy(actor),
          requestId: request.id,
          decision,
          reason: (body as { reason?: string }).reason,
          prescriberOrganizationId: actor.role === 'ADMIN' ? null : actor.organization.id,
        });
        return { status: 200, body: view };
      },
    }),
  ),
];
