import { z } from 'zod';
import { defineRoute } from '../route.ts';

const meResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() }),
  membership: z.object({
    role: z.string(),
    organization: z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      departement: z.string(),
      region: z.string().nullable(),
      authorizationStatus: z.string().nullable(),
    }),
  }),
});

export const meRoutes = [
  defineRoute({
    method: 'get',
    path: '/me',
    tag: 'Authentification',
    summary: "L'utilisateur connecté et l'organisation pour laquelle il agit",
    access: 'authenticated',
    responses: { 200: { description: 'Utilisateur', schema: meResponse } },
    handle: async ({ actor }) => ({
      status: 200,
      body: {
        user: { id: actor.userId, email: actor.email, firstName: actor.firstName, lastName: actor.lastName },
        membership: {
          role: actor.role,
          organization: {
            id: actor.organization.id,
            name: actor.organization.name,
            type: actor.organization.type,
            departement: actor.organization.departement,
            region: actor.organization.region,
            authorizationStatus: actor.organization.authorizationStatus,
          },
        },
      },
    }),
  }),
];
