// Zod schemas shared by several routes. Messages are French: they reach users.
import { z } from 'zod';
import { isValidSiret } from '../domain/siret.ts';
import { isIsoDate } from '../domain/dates.ts';
import { findDepartement } from '../server/territories.ts';

export const uuid = z.uuid({ message: 'identifiant invalide (UUID attendu)' });
export const idParams = z.strictObject({ id: uuid });

export const departementCode = z
  .string()
  .refine((code) => findDepartement(code) !== undefined, { message: 'code de département inconnu' })
  .meta({ description: 'Code INSEE du département (ex. 75, 2A, 974)', example: '75' });

export const siret = z
  .string()
  .regex(/^\d{14}$/, { message: 'le SIRET doit comporter 14 chiffres' })
  .refine(isValidSiret, { message: 'SIRET invalide (clé de contrôle incorrecte)' });

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'date invalide (format AAAA-MM-JJ attendu)' })
  .meta({ format: 'date', example: '2027-01-15' });

export const nonEmptyText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'ce champ est obligatoire' })
    .max(max, { message: `${max} caractères au maximum` });

export const email = z
  .email({ message: 'adresse e-mail invalide' })
  .max(254)
  .transform((value) => value.toLowerCase());

export const communeCode = z
  .string()
  .regex(/^\d[0-9AB]\d{3}$/, { message: 'code commune INSEE invalide (5 caractères, ex. 93008)' })
  .meta({ description: 'Code INSEE de la commune', example: '93008' });
