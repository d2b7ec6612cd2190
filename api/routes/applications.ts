// Job applications and hiring (SPEC §4, §13). Each application is an application workflow;
// the read model answers lists and reads, the workflow decides every transition.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  APPLICATION_STATES,
  checkCancellation,
  isDuplicateApplication,
  nextApplicationState,
  USER_REFUSAL_REASONS,
  type ApplicationTransitionName,
} from '../../domain/applications.ts';
import { today } from '../../domain/clock.ts';
import { BusinessRuleError } from '../../domain/errors.ts';
import { checkHirePostponement } from '../../domain/hiring.ts';
import { isAuthorizedPrescriber } from '../../domain/organizations.ts';
import type { Application, Prisma } from '../../generated/prisma/client.ts';
import {
  acceptUpdate,
  applicationSyncUpdate,
  postponeHireUpdate,
  applicationWorkflowId,
  APPLICATION_WORKFLOW_TYPE,
  transitionUpdate,
  type ApplicationInput,
  type ApplicationSender,
  type EmployerTransition,
} from '../../workflows/application/contract.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, conflict, forbidden, notFound } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { idParams, isoDate, uuid } from '../schemas.ts';
import { executeUpdate } from '../workflow-calls.ts';

const applicationSchema = z.object({
  id: z.string(),
  state: z.enum(APPLICATION_STATES),
  person: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  employer: z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() }),
  sender: z.object({ organizationId: z.string(), organizationName: z.string(), kind: z.string() }),
  jobDescription: z.object({ id: z.string(), title: z.string(), romeCode: z.string() }).nullable(),
  message: z.string().nullable(),
  refusalReason: z.string().nullable(),
  refusalMessage: z.string().nullable(),
  hiringStartDate: z.string().nullable(),
  hiringEndDate: z.string().nullable(),
  pass: z.object({ number: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  createdAt: z.string(),
  lastUpdatedOn: z.string(),
  history: z.array(
    z.object({
      transition: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      reason: z.string().nullable(),
      actorOrganizationId: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
});

const include = {
  transitions: { orderBy: { occurredAt: 'asc' } },
} satisfies Prisma.ApplicationInclude;
type ApplicationRow = Application & Prisma.ApplicationGetPayload<{ include: typeof include }>;

/** The application as the API shows it: names of those involved, the PASS as projected. */
async function applicationView(deps: Deps, row: ApplicationRow) {
  const [person, organizations, jobDescription, pass] = await Promise.all([
    deps.db.person.findUniqueOrThrow({ where: { id: row.personId } }),
    deps.db.organization.findMany({ where: { id: { in: [row.employerId, row.senderOrganizationId] } } }),
    row.jobDescriptionId ? deps.db.jobDescription.findUnique({ where: { id: row.jobDescriptionId } }) : null,
    row.passNumber ? deps.db.pass.findUnique({ where: { number: row.passNumber } }) : null,
  ]);
  const employer = organizations.find((o) => o.id === row.employerId);
  const sender = organizations.find((o) => o.id === row.senderOrganizationId);
  return {
    id: row.id,
    state: row.state,
    person: { id: person.id, firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate },
    employer: { id: row.employerId, name: employer?.name ?? '', kind: employer?.employerKind ?? null },
    sender: { organizationId: row.senderOrganizationId, organizationName: sender?.name ?? '', kind: row.senderKind },
    jobDescription: jobDescription
      ? { id: jobDescription.id, title: jobDescription.title, romeCode: jobDescription.romeCode }
      : null,
    message: row.message,
    refusalReason: row.refusalReason,
    refusalMessage: row.refusalMessage,
    hiringStartDate: row.hiringStartDate,
    hiringEndDate: row.hiringEndDate,
    pass: pass ? { number: pass.number, startDate: pass.startDate, endDate: pass.endDate } : null,
    createdAt: row.createdAt.toISOString(),
    lastUpdatedOn: row.lastUpdatedOn,
    history: row.transitions.map((t) => ({
      transition: t.transition,
      fromState: t.fromState,
      toState: t.toState,
      reason: t.reason,
      actorOrganizationId: t.actorOrganizationId,
      occurredAt: t.occurredAt.toISOString(),
    })),
  };
}

/** The sender and the employer see an application; administrators see all. */
async function visibleApplication(deps: Deps, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await deps.db.application.findUnique({ where: { id }, include });
  if (!row) throw notFound('Candidature introuvable.');
  const mine = [row.employerId, row.senderOrganizationId].includes(actor.organization.id);
  if (actor.role !== 'ADMIN' && !mine) throw forbidden('Cette candidature ne concerne pas votre organisation.');
  return row;
}

/** Only the employer the application was sent to decides on it (administrators too). */
async function applicationToDecide(deps: Deps, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await visibleApplication(deps, actor, id);
  if (actor.role !== 'ADMIN' && actor.organization.id !== row.employerId) {
    throw forbidden("Seul l'employeur destinataire de la candidature peut la traiter.");
  }
  return row;
}

/** A quick answer from the read model before asking the workflow, which checks again. */
function precheck(row: Application, transition: ApplicationTransitionName, on: string): void {
  try {
    nextApplicationState(row.state, transition, 'EMPLOYER');
    if (transition === 'cancel' && row.hiringStartDate) checkCancellation(row.hiringStartDate, on);
  } catch (error) {
    if (error instanceof BusinessRuleError) throw new ApiError(422, error.code, error.message);
    throw error;
  }
}

function senderKind(actor: Actor, employerId: string): ApplicationSender {
  if (actor.role === 'EMPLOYER_STAFF') {
    if (actor.organization.id !== employerId) {
      throw forbidden('Un employeur ne peut enregistrer une candidature que pour sa propre structure.');
    }
    return 'EMPLOYER';
  }
  if (actor.role === 'ADMIN') return 'AUTHORIZED_PRESCRIBER';
  return isAuthorizedPrescriber(actor) ? 'AUTHORIZED_PRESCRIBER' : 'ORIENTEUR';
}

const handleOf = (deps: Deps, id: string) => deps.temporal.workflow.getHandle(applicationWorkflowId(id));
const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });

const transitionBodies = {
  process: z.strictObject({}),
  postpone: z.strictObject({}),
  archive: z.strictObject({}),
  cancel: z.strictObject({}),
  refuse: z.strictObject({
    reason: z.enum(USER_REFUSAL_REASONS as [string, ...string[]], {
      message: 'motif de refus inconnu : choisissez-en un dans la liste',
    }),
    message: z.string().trim().max(2000).optional(),
  }),
} satisfies Record<EmployerTransition, z.ZodType>;

const TRANSITION_SUMMARIES: Record<EmployerTransition, string> = {
  process: "Mettre la candidature à l'étude",
  postpone: 'Mettre la candidature en attente',
  refuse: 'Refuser la candidature (motif de la liste)',
  cancel: "Annuler l'embauche (avant le début du contrat)",
  archive: 'Archiver la candidature',
};

const transitionRoutes = (Object.keys(transitionBodies) as EmployerTransition[]).map((transition) =>
  defineRoute({
    method: 'post',
    path: `/applications/{id}/${transition}`,
    tag: 'Candidatures',
    summary: TRANSITION_SUMMARIES[transition],
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: transitionBodies[transition],
    responses: {
      200: { description: 'Candidature mise à jour', schema: applicationSchema },
      403: { description: "Pas l'employeur destinataire" },
      422: { description: "Transition impossible depuis l'état actuel" },
    },
    handle: async ({ deps, actor, params, body }) => {
      const row = await applicationToDecide(deps, actor, params.id);
      precheck(row, transition, today(deps.clock));
      await executeUpdate(handleOf(deps, row.id), transitionUpdate, { ...actedBy(actor), transition, ...body });
      const updated = await deps.db.application.findUniqueOrThrow({ where: { id: row.id }, include });
      return { status: 200, body: await applicationView(deps, updated) };
    },
  }),
);

export const applicationRoutes = [
  defineRoute({
    method: 'post',
    path: '/applications',
    tag: 'Candidatures',
    summary: 'Envoyer une candidature (prescripteur, orienteur, ou employeur pour lui-même)',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    body: z.strictObject({
      personId: uuid,
      employerId: uuid,
      jobDescriptionId: uuid.optional(),
      message: z.string().trim().max(3000).optional(),
    }),
    responses: {
      201: { description: 'Candidature envoyée', schema: applicationSchema },
      409: { description: 'Doublon : même personne, même employeur, moins de 24 heures' },
      422: { description: 'Employeur fermé aux candidatures, fiche de poste fermée' },
    },
    handle: async ({ deps, actor, body }) => {
      const { db, clock } = deps;
      const kind = senderKind(actor, body.employerId);
      const [person, employer, jobDescription] = await Promise.all([
        db.person.findUnique({ where: { id: body.personId }, include: { diagnoses: true } }),
        db.organization.findUnique({ where: { id: body.employerId } }),
        body.jobDescriptionId ? db.jobDescription.findUnique({ where: { id: body.jobDescriptionId } }) : null,
      ]);
      if (!person) throw new ApiError(422, 'unknown_person', "La personne indiquée n'existe pas.");
      if (!employer || employer.type !== 'EMPLOYER' || !employer.employerKind) {
        throw new ApiError(422, 'unknown_employer', "L'employeur indiqué n'existe pas.");
      }
      if (!employer.applicationsOpen) {
        throw new ApiError(422, 'applications_blocked', `${employer.name} ne reçoit pas de candidatures en ce moment.`);
      }
      if (body.jobDescriptionId && (!jobDescription || jobDescription.employerId !== employer.id)) {
        throw new ApiError(422, 'unknown_job_description', "Cette fiche de poste n'appartient pas à cet employeur.");
      }
      if (jobDescription && !jobDescription.recruitmentOpen) {
        throw new ApiError(422, 'job_description_closed', 'Le recrutement est fermé sur cette fiche de poste.');
      }
      const onCase =
        actor.role === 'ADMIN' ||
        person.createdByOrganizationId === actor.organization.id ||
        person.diagnoses.some((d) => d.authorOrganizationId === actor.organization.id) ||
        (await db.application.count({
          where: { personId: person.id, senderOrganizationId: actor.organization.id },
        })) > 0;
      if (!onCase) throw forbidden('Vous ne suivez pas le dossier de cette personne.');

      const id = randomUUID();
      const input: ApplicationInput = {
        applicationId: id,
        personId: person.id,
        employerId: employer.id,
        employerKind: employer.employerKind,
        jobDescriptionId: body.jobDescriptionId ?? null,
        senderOrganizationId: actor.organization.id,
        senderUserId: actor.userId,
        senderKind: kind,
        message: body.message ?? null,
      };
      const now = clock.now();
      // The duplicate check and the insert hold a lock per (person, employer): two clicks
      // cannot both pass the check. The workflow starts inside the transaction, so a failed
      // start leaves no row, and a failed commit leaves a workflow that records its row.
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${person.id}:${employer.id}`}, 0))`;
        const recent = await tx.application.findMany({
          where: {
            personId: person.id,
            employerId: employer.id,
            createdAt: { gt: new Date(now.getTime() - 24 * 3600 * 1000) },
          },
          select: { id: true, createdAt: true },
        });
        if (
          isDuplicateApplication(
            recent.map((r) => r.createdAt),
            now,
          )
        ) {
          throw conflict(
            'Une candidature de cette personne a déjà été envoyée à cet employeur il y a moins de 24 heures.',
            [{ message: 'doublon', existingId: recent[0]!.id }],
          );
        }
        await tx.application.create({
          data: {
            id,
            personId: input.personId,
            employerId: input.employerId,
            jobDescriptionId: input.jobDescriptionId,
            senderOrganizationId: input.senderOrganizationId,
            senderUserId: input.senderUserId,
            senderKind: input.senderKind,
            message: input.message,
            state: 'new',
            lastUpdatedOn: today(clock),
            createdAt: now,
            version: 0,
          },
        });
        await deps.temporal.workflow.start(APPLICATION_WORKFLOW_TYPE, {
          workflowId: applicationWorkflowId(id),
          taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
          args: [input],
        });
      });
      await handleOf(deps, id).executeUpdate(applicationSyncUpdate);
      const row = await db.application.findUniqueOrThrow({ where: { id }, include });
      return { status: 201, body: await applicationView(deps, row) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/applications',
    tag: 'Candidatures',
    summary: 'Candidatures reçues (employeur) ou envoyées (prescripteur), filtrables par état',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    query: z.strictObject({
      state: z.enum(APPLICATION_STATES, { message: 'état de candidature inconnu' }).optional(),
      box: z.enum(['received', 'sent']).optional().meta({ description: 'Par défaut : reçues pour un employeur' }),
      personId: uuid.optional(),
    }),
    responses: { 200: { description: 'Candidatures', schema: z.object({ items: z.array(applicationSchema) }) } },
    handle: async ({ deps, actor, query }) => {
      const box = query.box ?? (actor.role === 'EMPLOYER_STAFF' ? 'received' : 'sent');
      const mine =
        actor.role === 'ADMIN'
          ? {}
          : box === 'received'
            ? { employerId: actor.organization.id }
            : { senderOrganizationId: actor.organization.id };
      const rows = await deps.db.application.findMany({
        where: {
          ...mine,
          ...(query.state ? { state: query.state } : {}),
          ...(query.personId ? { personId: query.personId } : {}),
        },
        include,
        orderBy: { createdAt: 'desc' },
        take: 200,
      });
      return { status: 200, body: { items: await Promise.all(rows.map((row) => applicationView(deps, row))) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/applications/{id}',
    tag: 'Candidatures',
    summary: 'Consulter une candidature, son historique et le PASS IAE de son embauche',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    params: idParams,
    responses: { 200: { description: 'Candidature', schema: applicationSchema }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, actor, params }) => {
      const row = await visibleApplication(deps, actor, params.id);
      return { status: 200, body: await applicationView(deps, row) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/applications/{id}/accept',
    tag: 'Candidatures',
    summary: "Embaucher : vérifie l'éligibilité et délivre ou reprend le PASS IAE (SIAE)",
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: z.strictObject({ hiringStartDate: isoDate, hiringEndDate: isoDate.optional() }),
    responses: {
      200: { description: 'Embauche enregistrée, avec le PASS IAE', schema: applicationSchema },
      403: { description: "Pas l'employeur destinataire" },
      422: { description: 'Dates, diagnostic, période de carence, état de la candidature' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const row = await applicationToDecide(deps, actor, params.id);
      const sameHire =
        row.state === 'accepted' &&
        row.hiringStartDate === body.hiringStartDate &&
        row.hiringEndDate === (body.hiringEndDate ?? null);
      // A repeated accept of the same hire answers the hire already made.
      if (sameHire) return { status: 200, body: await applicationView(deps, row) };
      precheck(row, 'accept', today(deps.clock));
      await executeUpdate(handleOf(deps, row.id), acceptUpdate, {
        ...actedBy(actor),
        hiringStartDate: body.hiringStartDate,
        hiringEndDate: body.hiringEndDate ?? null,
      });
      const updated = await deps.db.application.findUniqueOrThrow({ where: { id: row.id }, include });
      return { status: 200, body: await applicationView(deps, updated) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/applications/{id}/postpone-hire',
    tag: 'Candidatures',
    summary: "Reporter la date de début d'une embauche (30 jours au plus, avant le début du contrat)",
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: z.strictObject({ hiringStartDate: isoDate }),
    responses: {
      200: {
        description: 'Date de début reportée (et dates du PASS IAE ouvert par cette embauche)',
        schema: applicationSchema,
      },
      403: { description: "Pas l'employeur destinataire" },
      422: { description: 'Contrat commencé, report de plus de 30 jours, date non postérieure' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const row = await applicationToDecide(deps, actor, params.id);
      try {
        // The workflow checks the 30 days from the first agreed date; here, what the row knows.
        checkHirePostponement({ ...row, firstHiringStartDate: null }, body.hiringStartDate, today(deps.clock));
      } catch (error) {
        if (error instanceof BusinessRuleError) throw new ApiError(422, error.code, error.message);
        throw error;
      }
      await executeUpdate(handleOf(deps, row.id), postponeHireUpdate, { ...actedBy(actor), ...body });
      const updated = await deps.db.application.findUniqueOrThrow({ where: { id: row.id }, include });
      return { status: 200, body: await applicationView(deps, updated) };
    },
  }),
  ...transitionRoutes,
];
