// Job descriptions managed by their employer (docs/rules.md §3, §13). The API writes the row; every
// create and update reaches the job description's workflow by signal-with-start, which moves
// its 90-day deactivation timers (docs/decisions/008-job-descriptions-and-imports.md).
import { z } from 'zod';
import {
  jobDescriptionListSchema,
  jobDescriptionSchema,
  type EmployerJobDescription,
} from '../../contracts/job-descriptions.ts';
import { today } from '../../domain/clock.ts';
import {
  CONTRACT_TYPE_CODES,
  jobDescriptionErrors,
  MAX_HOURS_PER_WEEK,
  type JobDescriptionFields,
} from '../../domain/job-descriptions.ts';
import type { JobDescription } from '../../generated/prisma/client.ts';
import { findCommune } from '../../server/territories.ts';
import type { Actor } from '../auth/actor.ts';
import { forbidden, notFound } from '../errors.ts';
import { touchJobDescriptionWorkflow } from '../job-descriptions/workflow.ts';
import { defineRoute, type Deps } from '../route.ts';
import { idParams, INT32_MIN, int32, text } from '../schemas.ts';

const fields = {
  romeCode: text(20)
    .trim()
    .toUpperCase()
    .meta({ description: 'Code ROME (une lettre et 4 chiffres)', example: 'K2204' }),
  title: text(1000),
  contractType: text(50).meta({ description: `Un de : ${CONTRACT_TYPE_CODES.join(', ')}` }),
  openPositions: int32(0),
  // Only the column's bound here: the 1–48 rule and its French message are the domain's.
  hoursPerWeek: int32(INT32_MIN).meta({ description: `Heures par semaine, de 1 à ${MAX_HOURS_PER_WEEK}` }),
  communeCode: text(10)
    .refine((code) => findCommune(code) !== undefined, { message: 'code commune INSEE inconnu' })
    .nullable(),
  location: text(300).trim().nullable(),
  recruitmentOpen: z.boolean(),
};

/** The domain's French messages, attached to the field they concern. */
function domainRules(value: Partial<JobDescriptionFields>, ctx: z.RefinementCtx): void {
  for (const error of jobDescriptionErrors(value)) {
    ctx.addIssue({ code: 'custom', path: [error.field], message: error.message });
  }
}

const createBody = z
  .strictObject({
    ...fields,
    communeCode: fields.communeCode.optional(),
    location: fields.location.optional(),
    recruitmentOpen: fields.recruitmentOpen.optional(),
  })
  .superRefine(domainRules);
const updateBody = z.strictObject(fields).partial().superRefine(domainRules);

export function jobDescriptionView(row: JobDescription): EmployerJobDescription {
  return {
    id: row.id,
    employerId: row.employerId,
    romeCode: row.romeCode,
    title: row.title,
    contractType: row.contractType,
    openPositions: row.openPositions,
    hoursPerWeek: row.hoursPerWeek,
    communeCode: row.communeCode,
    location: row.location,
    recruitmentOpen: row.recruitmentOpen,
    lastUpdatedOn: row.lastUpdatedOn,
    deactivatedOn: row.deactivatedOn,
  };
}

/** The employer, when the actor is one of its staff or an administrator. */
async function managedEmployer(deps: Deps, actor: Actor, employerId: string) {
  const employer = await deps.db.organization.findUnique({ where: { id: employerId } });
  if (!employer || employer.type !== 'EMPLOYER') throw notFound('Employeur introuvable.');
  if (actor.role !== 'ADMIN' && actor.organization.id !== employer.id) {
    throw forbidden('Seuls les membres de cet employeur peuvent gérer ses fiches de poste.');
  }
  return employer;
}

const responses = {
  400: { description: 'Champs invalides (messages en français par champ)' },
  403: { description: "Réservé aux membres de l'employeur" },
  404: { description: 'Introuvable' },
};

export const jobDescriptionRoutes = [
  defineRoute({
    method: 'post',
    path: '/employers/{id}/job-descriptions',
    tag: 'Fiches de poste',
    summary: 'Créer une fiche de poste (membres de l’employeur)',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: createBody,
    responses: { 201: { description: 'Fiche de poste créée', schema: jobDescriptionSchema }, ...responses },
    handle: async ({ deps, actor, params, body }) => {
      const employer = await managedEmployer(deps, actor, params.id);
      // The workflow is told inside the transaction: if Temporal cannot be reached, no job
      // description is left without its 90-day timer (a rolled-back one ends its workflow).
      const row = await deps.db.$transaction(async (tx) => {
        const created = await tx.jobDescription.create({
          data: {
            employerId: employer.id,
            romeCode: body.romeCode,
            title: body.title.trim(),
            contractType: body.contractType,
            openPositions: body.openPositions,
            hoursPerWeek: body.hoursPerWeek,
            communeCode: body.communeCode ?? employer.communeCode,
            location: body.location ?? null,
            recruitmentOpen: body.recruitmentOpen ?? true,
            lastUpdatedOn: today(deps.clock),
            createdAt: deps.clock.now(),
          },
        });
        await touchJobDescriptionWorkflow(deps, created);
        return created;
      });
      return { status: 201, body: jobDescriptionView(row) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/job-descriptions/{id}',
    tag: 'Fiches de poste',
    summary: 'Mettre à jour une fiche de poste, ouvrir ou fermer le recrutement (repart pour 90 jours)',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    body: updateBody,
    responses: { 200: { description: 'Fiche de poste mise à jour', schema: jobDescriptionSchema }, ...responses },
    handle: async ({ deps, actor, params, body }) => {
      const existing = await deps.db.jobDescription.findUnique({ where: { id: params.id } });
      if (!existing) throw notFound('Fiche de poste introuvable.');
      await managedEmployer(deps, actor, existing.employerId);
      // Only the fields sent are written: a deactivation committed meanwhile is not undone by stale values.
      const row = await deps.db.$transaction(async (tx) => {
        const updated = await tx.jobDescription.update({
          where: { id: existing.id },
          data: {
            ...body,
            ...(body.title !== undefined ? { title: body.title.trim() } : {}),
            ...(body.recruitmentOpen ? { deactivatedOn: null } : {}),
            lastUpdatedOn: today(deps.clock),
          },
        });
        await touchJobDescriptionWorkflow(deps, updated);
        return updated;
      });
      return { status: 200, body: jobDescriptionView(row) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/employers/{id}/job-descriptions',
    tag: 'Fiches de poste',
    summary: 'Lister les fiches de poste d’un employeur, ouvertes ou non (membres de l’employeur)',
    access: ['EMPLOYER_STAFF'],
    params: idParams,
    responses: {
      200: { description: 'Fiches de poste', schema: jobDescriptionListSchema },
      403: responses[403],
      404: responses[404],
    },
    handle: async ({ deps, actor, params }) => {
      const employer = await managedEmployer(deps, actor, params.id);
      const rows = await deps.db.jobDescription.findMany({
        where: { employerId: employer.id },
        orderBy: [{ recruitmentOpen: 'desc' }, { title: 'asc' }],
      });
      return { status: 200, body: { items: rows.map(jobDescriptionView) } };
    },
  }),
];
