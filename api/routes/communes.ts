// Commune look-up for the public search (docs/rules.md §3): by name, postal code or INSEE code, with
// whether a search can start from it (its centre is known).
import { z } from 'zod';
import { communeListSchema } from '../../contracts/registry.ts';
import { searchCommunes } from '../../server/territories.ts';
import { defineRoute } from '../route.ts';
import { nonEmptyText } from '../schemas.ts';

export const communeRoutes = [
  defineRoute({
    method: 'get',
    path: '/communes',
    tag: 'Registre',
    summary: 'Trouver une commune par nom, code postal ou code INSEE (public)',
    access: 'public',
    query: z.strictObject({
      q: nonEmptyText(100),
      limit: z.coerce.number({ message: 'nombre invalide' }).int().min(1).max(50).default(10),
    }),
    responses: {
      200: { description: 'Communes, les plus peuplées d’abord', schema: communeListSchema },
    },
    handle: async ({ deps, query }) => {
      const communes = searchCommunes(query.q, query.limit);
      const known = await deps.db.communeCentre.findMany({
        where: { code: { in: communes.map((commune) => commune.code) } },
        select: { code: true },
      });
      const knownCodes = new Set(known.map((centre) => centre.code));
      const items = communes.map((commune) => ({
        code: commune.code,
        name: commune.nom,
        departement: commune.departement,
        postalCodes: commune.codesPostaux,
        centreKnown: knownCodes.has(commune.code),
      }));
      return { status: 200, body: { items } };
    },
  }),
];
