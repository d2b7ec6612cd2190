// The error shape of docs/rules.md §13: {"error": {"code", "message" (French), "details"}}.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { BusinessRuleError } from '../domain/errors.ts';
import type { Logger } from '../server/logger.ts';

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Authentification requise : jeton absent, invalide ou expiré.');
export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Ressource introuvable.') => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(409, 'conflict', message, details);

export function validationError(error: ZodError, where: 'body' | 'query' | 'params'): ApiError {
  const label = { body: 'Le corps de la requête', query: 'Les paramètres de recherche', params: "L'adresse" }[where];
  return new ApiError(
    400,
    'invalid_request',
    `${label} contient des valeurs invalides.`,
    error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message })),
  );
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns every thrown error into the error shape of docs/rules.md §13; only unexpected ones are 500 (and logged). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) logger.error({ err: error, method: req.method, path: req.path }, 'unexpected error');
    res.status(apiError.status).json({
      error: { code: apiError.code, message: apiError.message, details: apiError.details },
    });
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BusinessRuleError) return new ApiError(422, error.code, error.message);
  if (error instanceof ZodError) return validationError(error, 'body');
  if ((error as { code?: string })?.code === 'P2002') {
    // A unique constraint lost a race with a concurrent request.
    return new ApiError(409, 'conflict', 'Cette ressource existe déjà.');
  }
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') {
    return new ApiError(400, 'malformed_json', "Le corps de la requête n'est pas un JSON valide.");
  }
  if (parserError?.type === 'entity.too.large') {
    return new ApiError(413, 'payload_too_large', 'Le corps de la requête est trop volumineux.');
  }
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return new ApiError(415, 'unsupported_encoding', "L'encodage du corps de la requête n'est pas pris en charge.");
  }
  return new ApiError(500, 'internal_error', 'Une erreur interne est survenue. Réessayez plus tard.');
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`Aucune route ${req.method} ${req.path}.`));
};
