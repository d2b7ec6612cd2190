// ROME code look-up for the search page's "Métier" autocomplete (docs/rules.md §3), public.
import { z } from 'zod';
import { romeCodeListSchema } from '../../contracts/registry.ts';
import { searchRomeCodes } from '../../server/registry/rome-codes.ts';
import { defineRoute } from '../route.ts';
import { nonEmptyText } from '../schemas.ts';

export const romeRoutes = [
  defineRoute({
    method: 'get',
    path: '/rome-codes',
    tag: 'Registre',
    summary: 'Trouver un code ROME par code ou intitulé de métier (public, liste partielle)',
    access: 'public',
    query: z.strictObject({
      q: nonEmptyText(100),
      limit: z.coerce.number({ message: 'nombre invalide' }).int().min(1).max(50).default(10),
    }),
    responses: {
      200: {
        description: 'Codes ROME, dans l’ordre des codes',
        schema: romeCodeListSchema,
      },
    },
    handle: async ({ query }) => ({ status: 200, body: { items: searchRomeCodes(query.q, query.limit) } }),
  }),
];
