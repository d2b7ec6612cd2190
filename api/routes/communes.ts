// Commune look-up for the public search and its autocomplete (docs/rules.md §3): by name prefix
// (accents, case and hyphens aside), postal code or INSEE code, the most populated first, with
// whether a search can start from it (its centre is known) and whether that centre is a mean.
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
        select: { code: true, source: true },
      });
      const sources = new Map(known.map((centre) => [centre.code, centre.source]));
      const items = communes.map((commune) => ({
        code: commune.code,
        name: commune.nom,
        departement: commune.departement,
        postalCodes: commune.codesPostaux,
        centreKnown: sources.has(commune.code),
        centreApproximate: sources.get(commune.code) === 'approximate',
      }));
      return { status: 200, body: { items } };
    },
  }),
];
