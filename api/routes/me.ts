// GET /me (docs/rules.md §2, §13): the contract is contracts/auth.ts.
import { currentUserSchema, type CurrentUser } from '../../contracts/auth.ts';
import { defineRoute } from '../route.ts';

export const meRoutes = [
  defineRoute({
    method: 'get',
    path: '/me',
    tag: 'Authentification',
    summary: "L'utilisateur connecté et l'organisation pour laquelle il agit",
    access: 'authenticated',
    responses: { 200: { description: 'Utilisateur', schema: currentUserSchema } },
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
      } satisfies CurrentUser,
    }),
  }),
];
