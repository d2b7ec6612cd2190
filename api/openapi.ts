// The OpenAPI 3.1 document, generated from the route definitions' zod schemas.
import { z } from 'zod';
import { errorBodySchema } from '../contracts/errors.ts';
import type { AnyRoute } from './route.ts';

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Requête mal formée ou invalide',
  401: 'Authentification requise',
  403: 'Droits insuffisants',
  404: 'Ressource introuvable',
  409: 'Conflit ou doublon',
  422: 'Règle métier non respectée',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

export function openApiDocument(routes: readonly AnyRoute[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = response.schema
        ? {
            description: response.description,
            content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } },
          }
        : { description: response.description };
    }
    const possibleErrors = [
      ...(route.params || route.query || route.body ? [400] : []),
      ...(route.access === 'public' ? [] : [401]),
      ...(Array.isArray(route.access) ? [403] : []),
    ];
    for (const status of possibleErrors) {
      responses[status] ??= {
        description: STANDARD_ERRORS[status],
        content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
      };
    }
    for (const status of Object.keys(route.responses)
      .map(Number)
      .filter((s) => s >= 400)) {
      responses[status] = {
        description: route.responses[status]!.description,
        content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
      };
    }
    (paths[route.path] ??= {})[route.method] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(route.access)
        ? { description: `Rôles autorisés : ${[...route.access, 'ADMIN'].join(', ')}.` }
        : {}),
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: "API de la Plateforme de l'inclusion",
      version: '1',
      description:
        'API JSON publique et professionnelle. Les dates sont au format AAAA-MM-JJ (jours calendaires, Europe/Paris). Les erreurs ont la forme {"error": {"code", "message", "details"}}.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearerAuth: [] }],
    paths,
  };
}
