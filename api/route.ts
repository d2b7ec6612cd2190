// One definition per route: its zod schemas validate the request AND describe it in the
// OpenAPI document (api/openapi.ts), so the two cannot drift apart.
import type { Request, Response, Router } from 'express';
import type { Client } from '@temporalio/client';
import { z, ZodError } from 'zod';
import type { Clock } from '../domain/clock.ts';
import type { Role } from '../domain/organizations.ts';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import type { Logger } from '../server/logger.ts';
import { actorForToken, type Actor } from './auth/actor.ts';
import { forbidden, unauthorized, validationError } from './errors.ts';
import { UNSAFE_TEXT_MESSAGE, unsafeTextPaths } from './schemas.ts';

z.config(z.locales.fr());

export interface Deps {
  db: Db;
  temporal: Client;
  clock: Clock;
  config: Config;
  logger: Logger;
}

/** `public`: anyone; `authenticated`: any signed-in user; a list: those roles (administrators always pass). */
export type Access = 'public' | 'authenticated' | readonly Role[];

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type ActorFor<A> = A extends 'public' ? Actor | null : Actor;

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A file sent as an attachment instead of a JSON body (open data exports). */
  file?: { contentType: string; filename: string; content: string | Buffer };
}

export interface RouteDefinition<A extends Access, P, Q, B> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style path below /api/v1, e.g. `/organizations/{id}`. */
  path: string;
  tag: string;
  summary: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, { description: string; schema?: Schema }>;
  handle(context: {
    deps: Deps;
    actor: ActorFor<A>;
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    req: Request;
    res: Response;
  }): Promise<RouteResult>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<Access, any, any, any>;

export function defineRoute<
  A extends Access,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(definition: RouteDefinition<A, P, Q, B>): AnyRoute {
  return definition as AnyRoute;
}

function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function authenticate(req: Request, deps: Deps): Promise<Actor | null> {
  const token = bearerToken(req);
  return token ? actorForToken(deps.db, token, deps.clock.now()) : null;
}

function parse(schema: Schema | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  // Checked on the raw input, so that no route's schema can forget it (docs/rules.md §11).
  const unsafe = unsafeTextPaths(value);
  if (unsafe.length > 0) {
    const issues = unsafe.map((path) => ({
      code: 'custom' as const,
      path,
      message: UNSAFE_TEXT_MESSAGE,
      input: value,
    }));
    throw validationError(new ZodError(issues), where);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Registers the routes on an Express router: authentication (401), role (403), validation (400), handler. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: Deps): void {
  for (const route of routes) {
    const expressPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    router[route.method](expressPath, async (req, res) => {
      const actor = await authenticate(req, deps);
      if (route.access !== 'public') {
        if (!actor) throw unauthorized();
        if (route.access !== 'authenticated' && actor.role !== 'ADMIN' && !route.access.includes(actor.role)) {
          throw forbidden();
        }
      }
      const params = parse(route.params, req.params, 'params');
      const query = parse(route.query, req.query, 'query');
      const body = parse(route.body, req.body ?? {}, 'body');
      const result = await route.handle({ deps, actor, params, query, body, req, res });
      if (result.file) {
        res
          .status(result.status)
          .type(result.file.contentType)
          .attachment(result.file.filename)
          .send(result.file.content);
      } else if (result.body === undefined) res.status(result.status).end();
      else res.status(result.status).json(result.body);
    });
  }
}
