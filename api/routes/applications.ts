// Job applications (docs/rules.md §4, §13): sending one, the inbox and one application. Each
// application is an application workflow; the read model answers lists and reads.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { APPLICATION_STATES, applicationSenderKind, isDuplicateApplication } from '../../domain/applications.ts';
import { today } from '../../domain/clock.ts';
import {
  applicationSyncUpdate,
  applicationWorkflowId,
  APPLICATION_WORKFLOW_TYPE,
  type ApplicationInput,
  type ApplicationSender,
} from '../../workflows/application/contract.ts';
import { lockForTransaction } from '../../server/db/advisory-lock.ts';
import { readerWorksOnCase } from '../../server/rules/case-access.ts';
import {
  applicationSchema,
  applicationView,
  applicationViews,
  auditApplicationRead,
  handleOf,
  include,
  visibleApplication,
} from '../applications/view.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiError, conflict, forbidden } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { idParams, pageQuery, text, uuid } from '../schemas.ts';
import { applicationListSchema } from '../../contracts/applications.ts';
import { APPLICATION_SORTS } from '../../contracts/worklists.ts';
import { listApplicationIds } from '../../server/worklists/applications.ts';

const applicationState = z.enum(APPLICATION_STATES, { message: 'état de candidature inconnu' });

function senderKind(actor: Actor, employerId: string): ApplicationSender {
  if (actor.role === 'EMPLOYER_STAFF' && actor.organization.id !== employerId) {
    throw forbidden('Un employeur ne peut enregistrer une candidature que pour sa propre structure.');
  }
  return applicationSenderKind(actor);
}

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
      message: text(3000).trim().optional(),
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
        db.person.findUnique({ where: { id: body.personId } }),
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
      const onCase = await readerWorksOnCase(db, actor, person.id);
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
      // The duplicate check and the insert hold a lock per (person, employer): two clicks
      // cannot both pass the check. The workflow starts inside the transaction, so a failed
      // start leaves no row, and a failed commit leaves a workflow that records its row.
      await db.$transaction(async (tx) => {
        await lockForTransaction(tx, `${person.id}:${employer.id}`);
        // Read the time only once the lock is held: a "now" read before it could be earlier
        // than the sending time of the click that held the lock, which the check would ignore.
        const now = clock.now();
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
    summary:
      'Candidatures reçues (employeur) ou envoyées (prescripteur) : par état, par nom de la personne ou intitulé du poste, triées, par pages',
    access: ['PRESCRIBER', 'EMPLOYER_STAFF'],
    query: z.strictObject({
      state: z
        .union([applicationState, z.array(applicationState).max(APPLICATION_STATES.length)])
        .transform((value) => (Array.isArray(value) ? value : [value]))
        .optional()
        .meta({ description: 'État (paramètre répétable : state=new&state=processing)' }),
      box: z.enum(['received', 'sent']).optional().meta({ description: 'Par défaut : reçues pour un employeur' }),
      personId: uuid.optional(),
      q: text(100).trim().optional().meta({ description: 'Nom ou prénom de la personne, ou intitulé du poste' }),
      sort: z
        .enum(APPLICATION_SORTS, { message: 'tri inconnu (recent, oldest ou updated)' })
        .default('recent')
        .meta({ description: 'recent : les plus récentes d’abord ; oldest ; updated : dernière mise à jour' }),
      ...pageQuery,
    }),
    responses: { 200: { description: 'Une page de candidatures', schema: applicationListSchema } },
    handle: async ({ deps, actor, query }) => {
      const box = query.box ?? (actor.role === 'EMPLOYER_STAFF' ? 'received' : 'sent');
      const page = await listApplicationIds(deps.db, actor, {
        box,
        ...(query.state ? { states: query.state } : {}),
        ...(query.personId ? { personId: query.personId } : {}),
        ...(query.q ? { q: query.q } : {}),
        sort: query.sort,
        page: query.page,
        pageSize: query.pageSize,
      });
      const found = await deps.db.application.findMany({ where: { id: { in: page.items } }, include });
      const byId = new Map(found.map((row) => [row.id, row]));
      const rows = page.items.map((id) => byId.get(id)).filter((row) => row !== undefined);
      await auditApplicationRead(
        deps,
        actor,
        rows.map((row) => row.id),
        rows.map((row) => row.personId),
      );
      return { status: 200, body: { ...page, items: await applicationViews(deps, rows) } };
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
      await auditApplicationRead(deps, actor, [row.id], [row.personId]);
      return { status: 200, body: await applicationView(deps, row) };
    },
  }),
];
