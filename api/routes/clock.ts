// The platform's "today" for the web app (docs/rules.md §6): pages never read a machine clock,
// they show and compare the API's day, which in the sandbox is the simulated one (§12).
import { platformClockSchema } from '../../contracts/clock.ts';
import { today } from '../../domain/clock.ts';
import { isSandboxClock } from '../../server/sandbox/clock.ts';
import { defineRoute } from '../route.ts';
import { mayAdvance, sandboxRoutesFor } from './sandbox.ts';

export const clockRoutes = [
  defineRoute({
    method: 'get',
    path: '/clock',
    tag: 'Référentiels',
    summary: "Le jour et l'instant de la plateforme (Europe/Paris), et s'il s'agit du bac à sable",
    access: 'public',
    responses: {
      200: {
        description: 'Le jour de la plateforme',
        schema: platformClockSchema,
      },
    },
    handle: async ({ deps, actor }) => {
      const sandbox = isSandboxClock(deps.clock) && sandboxRoutesFor(deps).length > 0;
      return {
        status: 200,
        body: {
          today: today(deps.clock),
          now: deps.clock.now().toISOString(),
          sandbox,
          canAdvance: sandbox && (await mayAdvance(deps, actor)),
        },
      };
    },
  }),
];
