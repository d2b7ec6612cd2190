// Open data (docs/rules.md §3, §13): the registry's employers as CSV and JSON files, public.
import { z } from 'zod';
import { today } from '../../domain/clock.ts';
import { openDataCsv, openDataEmployers } from '../../server/registry/open-data.ts';
import { defineRoute } from '../route.ts';

export const openDataRoutes = [
  defineRoute({
    method: 'get',
    path: '/open-data/employers.csv',
    tag: 'Données ouvertes',
    summary: 'Tous les employeurs inclusifs, en CSV (UTF-8, séparateur virgule, en-têtes en français)',
    access: 'public',
    responses: { 200: { description: 'Fichier CSV' } },
    handle: async ({ deps }) => {
      const content = openDataCsv(await openDataEmployers(deps.db));
      return {
        status: 200,
        file: {
          contentType: 'text/csv; charset=utf-8',
          filename: `employeurs-inclusifs-${today(deps.clock)}.csv`,
          content,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/open-data/employers.json',
    tag: 'Données ouvertes',
    summary: 'Tous les employeurs inclusifs, en JSON',
    access: 'public',
    responses: {
      200: { description: 'Fichier JSON', schema: z.object({ generatedOn: z.string(), items: z.array(z.unknown()) }) },
    },
    handle: async ({ deps }) => {
      const generatedOn = today(deps.clock);
      const content = JSON.stringify({ generatedOn, items: await openDataEmployers(deps.db) });
      return {
        status: 200,
        file: {
          contentType: 'application/json; charset=utf-8',
          filename: `employeurs-inclusifs-${generatedOn}.json`,
          content,
        },
      };
    },
  }),
];
