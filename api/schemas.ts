// Zod schemas shared by several routes. Messages are French: they reach users.
import { z } from 'zod';
import { LIST_PAGE_MAX, LIST_PAGE_SIZE } from '../contracts/worklists.ts';
import { isValidSiret } from '../domain/siret.ts';
import { isIsoDate } from '../domain/dates.ts';
import { findDepartement, findRegion } from '../server/territories.ts';

/** page and pageSize of every list (contracts/worklists.ts LIST_PAGE_SIZE): bounded, 400 in French otherwise. */
export const pageQuery = {
  page: z.coerce
    .number({ message: 'numéro de page invalide' })
    .int({ message: 'numéro de page invalide' })
    .min(1, { message: 'la première page est la page 1' })
    .max(LIST_PAGE_MAX, { message: `${LIST_PAGE_MAX} pages au plus` })
    .default(1),
  pageSize: z.coerce
    .number({ message: 'taille de page invalide' })
    .int({ message: 'taille de page invalide' })
    .min(1, { message: `entre 1 et ${LIST_PAGE_SIZE.max} lignes par page` })
    .max(LIST_PAGE_SIZE.max, { message: `entre 1 et ${LIST_PAGE_SIZE.max} lignes par page` })
    .default(LIST_PAGE_SIZE.default),
};

export const uuid = z.uuid({ message: 'identifiant invalide (UUID attendu)' });
export const idParams = z.strictObject({ id: uuid });

export const departementCode = z
  .string()
  .refine((code) => findDepartement(code) !== undefined, { message: 'code de département inconnu' })
  .meta({ description: 'Code INSEE du département (ex. 75, 2A, 974)', example: '75' });

export const regionCode = z
  .string()
  .refine((code) => findRegion(code) !== undefined, { message: 'code de région inconnu' })
  .meta({ description: 'Code INSEE de la région (ex. 11 pour l’Île-de-France)', example: '11' });

export const siret = z
  .string()
  .regex(/^\d{14}$/, { message: 'le SIRET doit comporter 14 chiffres' })
  .refine(isValidSiret, { message: 'SIRET invalide (clé de contrôle incorrecte)' });

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'date invalide (format AAAA-MM-JJ attendu)' })
  .meta({ format: 'date', example: '2027-01-15' });

/** NUL (refused by PostgreSQL text) and lone surrogates (not Unicode): never valid text (docs/rules.md §11). */
const UNSAFE_CHARACTERS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = 'caractère non autorisé (caractère nul ou invalide)';
export const isSafeText = (value: string) => !UNSAFE_CHARACTERS.test(value);

/** Every free-text field: bounded, and free of the characters PostgreSQL refuses. */
export const text = (max: number) =>
  z
    .string()
    .max(max, { message: `${max} caractères au maximum` })
    .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });

export const nonEmptyText = (max: number) => text(max).trim().min(1, { message: 'ce champ est obligatoire' });

/** PostgreSQL `integer` (Int in the Prisma schema) holds 32 bits. */
export const INT32_MIN = -(2 ** 31);
export const int32 = (min: number, max = 2 ** 31 - 1) =>
  z
    .number()
    .int({ message: 'nombre entier attendu' })
    .min(min, { message: `${min} au minimum` })
    .max(max, { message: `${max} au maximum` });

/** RFC 5321: an address is at most 254 characters. */
export const EMAIL_MAX_LENGTH = 254;
export const emailAddress = z
  .email({ message: 'adresse e-mail invalide' })
  .max(EMAIL_MAX_LENGTH, { message: `${EMAIL_MAX_LENGTH} caractères au maximum` });
/** An account's e-mail: compared case-insensitively, so stored in lower case. */
export const email = emailAddress.transform((value) => value.toLowerCase());

/**
 * The paths of every string in a request (body, query or params) that holds unsafe characters.
 * Walked without recursion: a deeply nested body must not exhaust the stack.
 */
export function unsafeTextPaths(value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const pending: [unknown, PropertyKey[]][] = [[value, []]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isSafeText(current)) found.push(path);
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        pending.push([child, [...path, key]]);
        if (!isSafeText(key)) found.push([...path, key]);
      }
    }
  }
  return found;
}

export const communeCode = z
  .string()
  .regex(/^\d[0-9AB]\d{3}$/, { message: 'code commune INSEE invalide (5 caractères, ex. 93008)' })
  .meta({ description: 'Code INSEE de la commune', example: '93008' });
