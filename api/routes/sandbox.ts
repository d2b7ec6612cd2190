// The sandbox's clock (docs/rules.md §12): read it, and advance it for a trainer or an
// administrator. Mounted only in the sandbox, never in production: elsewhere these paths 404.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { today, type Clock } from '../../domain/clock.ts';
import { writeAudit } from '../../server/audit.ts';
import { isSandboxClock, type SandboxClock } from '../../server/sandbox/clock.ts';
import { carrySessionsAcross } from '../../server/sandbox/sessions.ts';
import type { Actor } from '../auth/actor.ts';
import { forbidden, notFound } from '../errors.ts';
import { defineRoute, type Deps } from '../route.ts';
import { int32 } from '../schemas.ts';
import { sandboxAdvanceSchema, sandboxClockSchema } from '../../contracts/clock.ts';

export const MAX_ADVANCE_DAYS = 800;

function sandboxClock(clock: Clock): SandboxClock {
  if (!isSandboxClock(clock)) throw notFound();
  return clock;
}

/** A trainer or an administrator, and only in the sandbox. */
export async function mayAdvance(deps: Deps, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'ADMIN') return true;
  const user = await deps.db.user.findUnique({ where: { id: actor.userId }, select: { isTrainer: true } });
  return user?.isTrainer === true;
}

const view = (clock: Clock, canAdvance: boolean) => ({
  today: today(clock),
  now: clock.now().toISOString(),
  canAdvance,
});

/** The sandbox's routes when this process runs one, none otherwise. */
export function sandboxRoutesFor(deps: Pick<Deps, 'clock' | 'config'>) {
  return isSandboxClock(deps.clock) && deps.config.NODE_ENV !== 'production' ? sandboxRoutes : [];
}

export const sandboxRoutes = [
  defineRoute({
    method: 'get',
    path: '/sandbox/clock',
    tag: 'Bac à sable',
    summary: 'La date simulée du bac à sable (404 hors bac à sable)',
    access: 'public',
    responses: {
      200: { description: 'Date simulée', schema: sandboxClockSchema },
      404: { description: 'Pas un bac à sable' },
    },
    handle: async ({ deps, actor }) => {
      const clock = sandboxClock(deps.clock);
      return { status: 200, body: view(clock, await mayAdvance(deps, actor)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sandbox/advance',
    tag: 'Bac à sable',
    summary:
      'Avance le temps de tout le bac à sable (workflows, contrôles, dates écrites) ; répond une fois la plateforme à jour à la nouvelle date',
    access: 'authenticated',
    body: z.strictObject({
      days: int32(1, MAX_ADVANCE_DAYS).describe(`Nombre de jours, de 1 à ${MAX_ADVANCE_DAYS}`),
    }),
    responses: {
      200: {
        description: 'La nouvelle date',
        schema: sandboxAdvanceSchema,
      },
      403: { description: 'Ni formateur ni administrateur' },
      404: { description: 'Pas un bac à sable' },
    },
    handle: async ({ deps, actor, body }) => {
      const clock = sandboxClock(deps.clock);
      if (!(await mayAdvance(deps, actor)))
        throw forbidden('Seuls un formateur ou un administrateur peuvent avancer le temps du bac à sable.');
      const result = await clock.advance(body.days);
      await carrySessionsAcross(deps.db, result.from, result.to);
      await writeAudit(deps.db, {
        key: `sandbox.advance:${randomUUID()}`,
        action: 'sandbox.advance',
        entityType: 'Sandbox',
        entityId: 'clock',
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: clock.now(),
        details: { days: body.days, from: result.from.toISOString(), to: result.to.toISOString() },
      });
      return {
        status: 200,
        body: { ...view(clock, true), from: result.from.toISOString(), elapsedMs: result.elapsedMs },
      };
    },
  }),
];
