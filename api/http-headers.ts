// Response headers that protect pages and personal data (docs/rules.md §11).
import type { RequestHandler } from 'express';

/** JSON answers run nothing and may not be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The API documentation page: its DSFR stylesheet (served by the API) and nothing else. */
export const DOCS_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every response, API and pages alike. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};

/**
 * Every /api/v1 response: a strict CSP; and an answer to an authenticated request may carry
 * personal data, so no browser or proxy may keep it. Public answers (open data, registry
 * search, the OpenAPI document) keep the default caching.
 */
export const apiHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('Content-Security-Policy', API_CSP);
  if (req.get('authorization') !== undefined) res.setHeader('Cache-Control', 'no-store');
  next();
};
