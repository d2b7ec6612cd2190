// The error shape of docs/rules.md §13: {"error": {"code", "message" (French), "details"}}.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorDetail } from '../contracts/errors.ts';
import { BusinessRuleError, PERMISSION_REFUSAL_CODES } from '../domain/errors.ts';
import type { Logger } from '../server/logger.ts';
import { isDependencyUnavailable } from './unavailable.ts';

/** A detail of an error answer: its contract is contracts/errors.ts. */
export type { ErrorDetail };

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

/** A domain refusal: 403 when it is about who may act, 422 otherwise (docs/rules.md §13). */
export const refusal = (code: string, message: string) =>
  new ApiError(PERMISSION_REFUSAL_CODES.has(code) ? 403 : 422, code, message);

export function validationError(error: ZodError, where: 'body' | 'query' | 'params'): ApiError {
  const label = { body: 'Le corps de la requête', query: 'Les paramètres de recherche', params: "L'adresse" }[where];
  return new ApiError(
    400,
    'invalid_request',
    `${label} contient des valeurs invalides.`,
    error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message })),
  );
}

/** An error raised by Express itself (body-parser, router): an http-errors object with a 4xx status. */
interface HttpError {
  type?: string;
  status?: number;
  expose?: boolean;
}

const HTTP_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'malformed_json', "Le corps de la requête n'est pas un JSON valide."],
  'entity.too.large': [413, 'payload_too_large', 'Le corps de la requête est trop volumineux.'],
  'encoding.unsupported': [415, 'unsupported_encoding', "L'encodage du corps de la requête n'est pas pris en charge."],
  'charset.unsupported': [415, 'unsupported_encoding', "L'encodage du corps de la requête n'est pas pris en charge."],
};

const HTTP_STATUS_MESSAGES: Record<number, [string, string]> = {
  400: ['malformed_request', 'La requête est mal formée (adresse ou corps illisible).'],
  413: ['payload_too_large', 'Le corps de la requête est trop volumineux.'],
  415: ['unsupported_media_type', 'Le corps de la requête doit être du JSON (Content-Type: application/json).'],
};

/** Body-parser and router errors: a broken body or path is the client's fault (docs/rules.md §13). */
function fromHttpError(error: HttpError): ApiError | null {
  const known = error.type !== undefined && Object.hasOwn(HTTP_ERRORS, error.type) ? HTTP_ERRORS[error.type] : null;
  if (known) return new ApiError(...known);
  const status = error.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const [code, message] = HTTP_STATUS_MESSAGES[status] ?? ['bad_request', 'La requête ne peut pas être traitée.'];
  return new ApiError(status, code, message);
}

export const unsupportedMediaType = () => new ApiError(415, ...HTTP_STATUS_MESSAGES[415]!);

/** Turns every thrown error into the error shape of docs/rules.md §13; only unexpected ones are 500 (and logged). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // The request deadline answered already: the late outcome only goes to the log.
    if (res.headersSent) return void logger.warn({ err: error, path: req.path }, 'error after the answer was sent');
    const apiError = toApiError(error);
    if (apiError.status === 503) res.set('Retry-After', '5');
    if (apiError.status >= 500) logger.error({ err: error, method: req.method, path: req.path }, 'unexpected error');
    res.status(apiError.status).json({
      error: { code: apiError.code, message: apiError.message, details: apiError.details },
    });
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BusinessRuleError) return refusal(error.code, error.message);
  if (error instanceof ZodError) return validationError(error, 'body');
  if ((error as { code?: string })?.code === 'P2002') {
    // A unique constraint lost a race with a concurrent request.
    return new ApiError(409, 'conflict', 'Cette ressource existe déjà.');
  }
  const httpError = error && typeof error === 'object' ? fromHttpError(error as HttpError) : null;
  if (httpError) return httpError;
  if (isDependencyUnavailable(error)) {
    return new ApiError(
      503,
      'service_unavailable',
      'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    );
  }
  return new ApiError(500, 'internal_error', 'Une erreur interne est survenue. Réessayez plus tard.');
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`Aucune route ${req.method} ${req.path}.`));
};
