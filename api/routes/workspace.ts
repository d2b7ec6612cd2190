// The caseworker's workspace (docs/rules.md §2, §5, §9): « Mon espace »'s to-do counts and the
// list of an organization's PASS IAE. The other lists extend their resource's route
// (GET /persons, /applications, /prolongation-requests); the queries are in server/worklists/.
import { z } from 'zod';
import {
  PASS_ENDING_WITHIN,
  PASS_LIST_SCOPES,
  PASS_SORTS,
  passListSchema,
  workspaceSchema,
} from '../../contracts/worklists.ts';
import { today } from '../../domain/clock.ts';
import { readerWorksOnCase } from '../../server/rules/case-access.ts';
import { workspaceCounts } from '../../server/worklists/counts.ts';
import { listPasses } from '../../server/worklists/passes.ts';
import { auditRead } from '../audit-read.ts';
import { forbidden } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { pageQuery, text, uuid } from '../schemas.ts';

export const workspaceRoutes = [
  defineRoute({
    method: 'get',
    path: '/workspace',
    tag: 'Mon espace',
    summary:
      'Ce que votre organisation a à faire, compté à l’instant : candidatures à traiter, PASS qui se terminent, demandes de prolongation, notifications non lues…',
    access: 'authenticated',
    responses: {
      200: { description: 'Les compteurs de votre rôle, dans l’ordre d’affichage', schema: workspaceSchema },
    },
    handle: async ({ deps, actor }) => {
      const on = today(deps.clock);
      return { status: 200, body: { today: on, counts: await workspaceCounts(deps.db, actor, on) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/passes',
    tag: 'PASS IAE',
    summary:
      'Les PASS IAE de votre organisation (employeur : ceux qu’il détient ; prescripteur : ceux des personnes qu’il suit), filtrables par « se termine dans N jours »',
    access: ['EMPLOYER_STAFF', 'PRESCRIBER'],
    query: z.strictObject({
      scope: z
        .enum(PASS_LIST_SCOPES, { message: 'périmètre inconnu (current, ended ou all)' })
        .default('current')
        .meta({ description: 'current : en cours ou à venir ; ended : expirés ou annulés ; all' }),
      endingWithin: z.coerce
        .number({ message: 'nombre de jours invalide' })
        .pipe(
          z.union(
            PASS_ENDING_WITHIN.map((days) => z.literal(days)),
            { message: `se termine dans ${PASS_ENDING_WITHIN.join(' ou ')} jours` },
          ),
        )
        .optional()
        .meta({ description: 'Seulement les PASS qui se terminent dans ce nombre de jours (30 ou 90)' }),
      q: text(100).trim().optional().meta({ description: 'Nom du titulaire, ou début du numéro' }),
      personId: uuid.optional().meta({ description: 'Les PASS d’une personne dont vous suivez le dossier' }),
      sort: z
        .enum(PASS_SORTS, { message: 'tri inconnu (end ou start)' })
        .default('end')
        .meta({ description: 'end : date de fin la plus proche d’abord ; start : les plus récents d’abord' }),
      ...pageQuery,
    }),
    responses: { 200: { description: 'Une page de PASS IAE', schema: passListSchema } },
    handle: async ({ deps, actor, query }) => {
      if (query.personId && !(await readerWorksOnCase(deps.db, actor, query.personId))) {
        throw forbidden('Vous ne suivez pas le dossier de cette personne : ses PASS IAE ne vous sont pas accessibles.');
      }
      const page = await listPasses(
        deps.db,
        actor,
        {
          scope: query.personId ? 'all' : query.scope,
          ...(query.endingWithin ? { endingWithin: query.endingWithin } : {}),
          ...(query.q ? { q: query.q } : {}),
          ...(query.personId ? { personId: query.personId } : {}),
          sort: query.sort,
          page: query.page,
          pageSize: query.pageSize,
        },
        today(deps.clock),
      );
      // A PASS names its holder: the list is a read of personal data (docs/rules.md §9).
      await auditRead(deps, actor, {
        action: 'pass.list',
        entityType: 'PassList',
        entityId: String(page.items.length),
        details: {
          filters: { scope: query.scope, endingWithin: query.endingWithin ?? null, q: query.q ?? null },
          page: query.page,
          passNumbers: page.items.map((item) => item.number),
          personIds: [...new Set(page.items.map((item) => item.person.id))],
        },
      });
      return { status: 200, body: page };
    },
  }),
];
