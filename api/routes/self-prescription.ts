// An SIAE's self-prescription right (docs/rules.md §8, §13): read it (the SIAE's staff, the DDETS
// and prefecture of its département, administrators), revoke it (the DDETS, the sanction path
// until the control workflow calls it), lift a permanent revocation (the prefecture only).
import { z } from 'zod';
import {
  revokedEmployerListSchema,
  selfPrescriptionRightSchema,
  type RightChange,
} from '../../contracts/self-prescription.ts';
import { today } from '../../domain/clock.ts';
import { checkLift, RIGHT_REFUSALS } from '../../domain/controls/right.ts';
import { rightStateOf } from '../../domain/controls/right-record.ts';
import { checkSanctions, type Sanction } from '../../domain/controls/sanctions.ts';
import { SIAE_KINDS, type Role } from '../../domain/organizations.ts';
import {
  liftSelfPrescriptionRevocation,
  scheduleSelfPrescriptionRevocation,
} from '../../server/self-prescription-right/calls.ts';
import type { Actor } from '../auth/actor.ts';
import { assertDepartementScope } from '../auth/scope.ts';
import { ApiError, forbidden, notFound, refusal } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { departementCode, idParams, isoDate, nonEmptyText } from '../schemas.ts';
import { rightViewOf } from '../self-prescription/view.ts';
import { businessRefusal } from '../workflow-calls.ts';

const TAG = "Droit d'auto-prescription";
const DEPARTEMENT_ROLES: readonly Role[] = ['LABOUR_INSPECTOR', 'PREFECTURE_AGENT'];

/** The SIAE, once the actor may see its right: its own staff, its département's DDETS or prefecture, an administrator. */
async function visibleSiae(deps: Deps, actor: Actor, id: string) {
  const employer = await deps.db.organization.findUnique({ where: { id } });
  if (!employer || employer.type !== 'EMPLOYER' || !employer.employerKind) throw notFound('Employeur introuvable.');
  if (actor.role === 'EMPLOYER_STAFF' && actor.organization.id !== employer.id) {
    throw forbidden("Vous ne pouvez consulter que le droit d'auto-prescription de votre structure.");
  }
  if (DEPARTEMENT_ROLES.includes(actor.role)) assertDepartementScope(actor, employer.departement);
  return employer;
}

async function rightWithHistory(deps: Deps, employer: Parameters<typeof rightViewOf>[0]) {
  const history = await deps.db.selfPrescriptionRightChange.findMany({
    where: { employerId: employer.id },
    orderBy: { version: 'asc' },
  });
  return {
    ...rightViewOf(employer, today(deps.clock)),
    history: history.map((h): RightChange => ({
      version: h.version,
      action: h.action as RightChange['action'],
      on: h.on,
      status: h.status,
      revokedFrom: h.revokedFrom,
      revokedUntil: h.revokedUntil,
      reason: h.reason,
    })),
  };
}

const actedBy = (actor: Actor) => ({ userId: actor.userId, organizationId: actor.organization.id });

export const selfPrescriptionRoutes = [
  defineRoute({
    method: 'get',
    path: '/employers/{id}/self-prescription',
    tag: TAG,
    summary: "Droit d'auto-prescription d'une SIAE : état et historique",
    access: ['EMPLOYER_STAFF', 'LABOUR_INSPECTOR', 'PREFECTURE_AGENT'],
    params: idParams,
    responses: {
      200: { description: 'État et historique', schema: selfPrescriptionRightSchema },
      403: { description: 'Une autre structure ou un autre département' },
      404: { description: 'Employeur introuvable' },
    },
    handle: async ({ deps, actor, params }) => {
      const employer = await visibleSiae(deps, actor, params.id);
      return { status: 200, body: await rightWithHistory(deps, employer) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/self-prescription/revocations',
    tag: TAG,
    summary: "SIAE du département dont le droit d'auto-prescription est retiré ou dont le retrait est prévu",
    access: DEPARTEMENT_ROLES,
    query: z.strictObject({ departement: departementCode.optional() }),
    responses: { 200: { description: 'SIAE concernées, par nom', schema: revokedEmployerListSchema } },
    handle: async ({ deps, actor, query }) => {
      const departement = actor.role === 'ADMIN' ? query.departement : actor.organization.departement;
      if (query.departement && departement !== query.departement) {
        throw forbidden("Ce département n'est pas dans votre périmètre.");
      }
      const rows = await deps.db.organization.findMany({
        where: {
          type: 'EMPLOYER',
          ...(departement ? { departement } : {}),
          OR: [{ selfPrescriptionStatus: { not: 'ACTIVE' } }, { selfPrescriptionRevokedFrom: { not: null } }],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      const on = today(deps.clock);
      const items = rows
        .map((row) => rightViewOf(row, on))
        .filter((view) => view.status !== 'ACTIVE' || view.scheduled);
      return { status: 200, body: { items } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/employers/{id}/self-prescription/revoke',
    tag: TAG,
    summary: "Retirer le droit d'auto-prescription d'une SIAE (sanction d'un contrôle, DDETS du département)",
    access: ['LABOUR_INSPECTOR'],
    params: idParams,
    body: z.strictObject({
      kind: z.enum(['temporary', 'permanent']),
      start: isoDate.meta({ description: 'Premier jour du retrait, au moins 1 mois après ce jour' }),
      end: isoDate.optional().meta({ description: 'Dernier jour (inclus) d’un retrait temporaire' }),
      reason: nonEmptyText(3000),
    }),
    responses: {
      200: { description: 'Retrait prévu', schema: selfPrescriptionRightSchema },
      403: { description: 'Pas la DDETS du département de la SIAE' },
      422: { description: 'Dates ou état incompatibles (message en français)' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const employer = await visibleSiae(deps, actor, params.id);
      if (actor.role !== 'LABOUR_INSPECTOR') throw forbidden('Seule la DDETS du département décide des sanctions.');
      if (!SIAE_KINDS.includes(employer.employerKind!)) {
        throw refusal('not_siae', "Seule une SIAE a un droit d'auto-prescription.");
      }
      if (body.kind === 'permanent' && body.end) {
        throw refusal('permanent_revocation_end', "Un retrait définitif n'a pas de date de fin.");
      }
      const sanction: Sanction =
        body.kind === 'temporary'
          ? { kind: 'temporary_revocation', from: body.start, until: body.end ?? '' }
          : { kind: 'permanent_revocation', from: body.start };
      const problems = checkSanctions({
        controlRefused: true,
        sanctions: [sanction],
        notifiedOn: today(deps.clock),
        failedHireIds: [],
      });
      if (problems.length > 0) {
        throw new ApiError(
          422,
          problems[0]!.code,
          problems.map((p) => p.message).join(' '),
          problems.map((p) => ({ path: 'body', message: p.message, code: p.code })),
        );
      }
      try {
        await scheduleSelfPrescriptionRevocation(
          { client: deps.temporal, taskQueue: deps.config.TEMPORAL_TASK_QUEUE, employer },
          { kind: body.kind, start: body.start, end: body.end ?? null, reason: body.reason, decidedBy: actedBy(actor) },
        );
      } catch (error) {
        throw businessRefusal(error) ?? error;
      }
      const fresh = await deps.db.organization.findUniqueOrThrow({ where: { id: employer.id } });
      return { status: 200, body: await rightWithHistory(deps, fresh) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/employers/{id}/self-prescription/lift',
    tag: TAG,
    summary: "Rétablir le droit d'auto-prescription retiré définitivement (préfecture du département de la SIAE)",
    access: ['PREFECTURE_AGENT'],
    params: idParams,
    body: z.strictObject({ reason: nonEmptyText(3000) }),
    responses: {
      200: { description: 'Droit rétabli', schema: selfPrescriptionRightSchema },
      403: { description: 'Pas la préfecture du département de la SIAE (une DDETS ne peut pas)' },
      422: { description: 'Le droit n’est pas retiré définitivement (message en français)' },
    },
    handle: async ({ deps, actor, params, body }) => {
      const employer = await visibleSiae(deps, actor, params.id);
      // docs/rules.md §8: only a prefecture agent of the SIAE's département lifts it.
      const [denied] = checkLift({
        actor: { role: actor.role, departement: actor.organization.departement },
        siaeDepartement: employer.departement,
        reason: body.reason,
      });
      if (denied?.code === 'self_prescription_lift_forbidden') throw forbidden(denied.message);
      const state = rightViewOf(employer, today(deps.clock));
      if (state.status !== 'REVOKED_PERMANENTLY') {
        throw RIGHT_REFUSALS.notAllowed(
          rightStateOf({ status: state.status, revokedFrom: state.revokedFrom, revokedUntil: state.revokedUntil }),
        );
      }
      try {
        await liftSelfPrescriptionRevocation(deps.temporal, employer.id, {
          reason: body.reason,
          actedBy: actedBy(actor),
        });
      } catch (error) {
        throw businessRefusal(error) ?? error;
      }
      const fresh = await deps.db.organization.findUniqueOrThrow({ where: { id: employer.id } });
      return { status: 200, body: await rightWithHistory(deps, fresh) };
    },
  }),
];
