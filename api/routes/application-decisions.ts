// Deciding on an application (docs/rules.md §4, §13): the employer's transitions, the hire (accept),
// and postponing a hire's start. The application workflow decides; these routes ask it.
import { z } from 'zod';
import { checkCancellation, nextApplicationState, USER_REFUSAL_REASONS } from '../../domain/applications.ts';
import { today } from '../../domain/clock.ts';
import { checkHirePostponement, isSameHire } from '../../domain/hiring.ts';
import {
  acceptUpdate,
  postponeHireUpdate,
  transitionUpdate,
  type EmployerTransition,
} from '../../workflows/application/contract.ts';
import {
  actedBy,
  applicationSchema,
  applicationToDecide,
  applicationView,
  askApplicationWorkflow,
  include,
} from '../applications/view.ts';
import { defineRoute } from '../route.ts';
import { idParams, isoDate, text } from '../schemas.ts';

const transitionBodies = {
  process: z.strictObject({}),
  postpone: z.strictObject({}),
  archive: z.strictObject({}),
  cancel: z.strictObject({}),
  refuse: z.strictObject({
    reason: z.enum(USER_REFUSAL_REASONS as [string, ...string[]], {
      message: 'motif de refus inconnu : choisissez-en un dans la liste',
    }),
    message: text(2000).trim().optional(),
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
      await askApplicationWorkflow(deps, row, transitionUpdate, { ...actedBy(actor), transition, ...body }, () => {
        nextApplicationState(row.state, transition, 'EMPLOYER');
        if (transition === 'cancel' && row.hiringStartDate) checkCancellation(row.hiringStartDate, today(deps.clock));
      });
      const updated = await deps.db.application.findUniqueOrThrow({ where: { id: row.id }, include });
      return { status: 200, body: await applicationView(deps, updated) };
    },
  }),
);

export const applicationDecisionRoutes = [
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
      const hire = { hiringStartDate: body.hiringStartDate, hiringEndDate: body.hiringEndDate ?? null };
      // A repeated accept of the same hire answers the hire already made; one still in flight
      // (a retry after a 503) joins it through its update id instead of queueing another.
      const updateId = `accept:v${row.version}:${hire.hiringStartDate}:${hire.hiringEndDate ?? ''}`;
      await askApplicationWorkflow(
        deps,
        row,
        acceptUpdate,
        { ...actedBy(actor), ...hire },
        () => {
          if (!isSameHire(row, hire)) nextApplicationState(row.state, 'accept', 'EMPLOYER');
        },
        updateId,
      );
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
      await askApplicationWorkflow(deps, row, postponeHireUpdate, { ...actedBy(actor), ...body }, () =>
        checkHirePostponement({ ...row, firstHiringStartDate: null }, body.hiringStartDate, today(deps.clock)),
      );
      const updated = await deps.db.application.findUniqueOrThrow({ where: { id: row.id }, include });
      return { status: 200, body: await applicationView(deps, updated) };
    },
  }),
  ...transitionRoutes,
];
