// The three routes every CSV import of the administrators has — employers (docs/rules.md §3) and
// running PASS IAE (docs/decisions/025-take-over-import.md): upload a file (checked whole, stored,
// its workflow started), list the latest imports, follow one. Each import says what it stores and
// how it reads; the body, the refusal of a bad file and the lookups are the same.
import { z } from 'zod';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type AnyRoute, type Deps } from '../route.ts';
import { idParams, nonEmptyText } from '../schemas.ts';
import type { Actor } from '../auth/actor.ts';

/** The file as JSON text, at most `maxChars` characters (a whole number of megabytes). */
export function csvUploadBody(maxChars: number) {
  return z.strictObject({
    fileName: nonEmptyText(255),
    content: z
      .string()
      .min(1, { message: 'le fichier est vide' })
      .max(maxChars, { message: `le fichier dépasse ${maxChars / 1_000_000} Mo` }),
  });
}

export type CsvUpload = z.output<ReturnType<typeof csvUploadBody>>;

/** A file refused whole (unreadable, wrong columns): nothing was stored. */
export type Stored<View> = { ok: true; view: View } | { ok: false; message: string };

interface Described {
  summary: string;
  /** What the successful answer holds. */
  description: string;
}

export interface CsvImportResource<View> {
  /** Below /api/v1, e.g. `/employer-imports`; one import is at `{path}/{id}`. */
  path: string;
  /** One import as the API answers it, and the list of the latest (without their report). */
  schema: z.ZodType;
  listSchema: z.ZodType;
  maxChars: number;
  upload: Described & {
    store(context: { deps: Deps; actor: Actor; body: CsvUpload }): Promise<Stored<View>>;
  };
  list: Described & { latest(deps: Deps): Promise<View[]> };
  one: Described & { notFound: string; find(deps: Deps, id: string): Promise<View | null> };
}

export function csvImportRoutes<View>(resource: CsvImportResource<View>): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: resource.path,
      tag: 'Imports',
      summary: resource.upload.summary,
      access: [],
      body: csvUploadBody(resource.maxChars),
      responses: {
        201: { description: resource.upload.description, schema: resource.schema },
        400: { description: 'Fichier illisible ou colonnes incorrectes' },
      },
      handle: async ({ deps, actor, body }) => {
        const stored = await resource.upload.store({ deps, actor, body });
        if (!stored.ok)
          throw new ApiError(400, 'invalid_file', stored.message, [{ path: 'body.content', message: stored.message }]);
        return { status: 201, body: stored.view };
      },
    }),
    defineRoute({
      method: 'get',
      path: resource.path,
      tag: 'Imports',
      summary: resource.list.summary,
      access: [],
      responses: { 200: { description: resource.list.description, schema: resource.listSchema } },
      handle: async ({ deps }) => ({ status: 200, body: { items: await resource.list.latest(deps) } }),
    }),
    defineRoute({
      method: 'get',
      path: `${resource.path}/{id}`,
      tag: 'Imports',
      summary: resource.one.summary,
      access: [],
      params: idParams,
      responses: {
        200: { description: resource.one.description, schema: resource.schema },
        404: { description: 'Introuvable' },
      },
      handle: async ({ deps, params }) => {
        const view = await resource.one.find(deps, params.id);
        if (!view) throw notFound(resource.one.notFound);
        return { status: 200, body: view };
      },
    }),
  ];
}
