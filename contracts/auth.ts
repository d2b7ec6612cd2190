// Sign-in and the signed-in user as the API answers them (docs/rules.md §2, §11, §13).
import { z } from 'zod';
import { ROLES } from '../domain/organizations.ts';
import { authorizationStatusSchema, organizationTypeSchema } from './organizations.ts';

/** POST /auth/token, POST /auth/session: an opaque bearer token and its expiry. */
export const sessionSchema = z.object({ token: z.string().min(1), expiresAt: z.string() });
export type WebSession = z.output<typeof sessionSchema>;

export const roleSchema = z.enum(ROLES);

/** GET /me: the signed-in user and the organization they act for. */
export const currentUserSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() }),
  membership: z.object({
    role: roleSchema,
    organization: z.object({
      id: z.string(),
      name: z.string(),
      type: organizationTypeSchema,
      departement: z.string(),
      /** Set for a regional organization (DREETS): the région it oversees. */
      region: z.string().nullable(),
      authorizationStatus: authorizationStatusSchema,
    }),
  }),
});
export type CurrentUser = z.output<typeof currentUserSchema>;
