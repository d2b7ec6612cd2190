// User accounts (docs/rules.md §2, §11): created by administrators, with a membership whose role
// follows the organization's type.
import { z } from 'zod';
import { ROLE_OF_ORGANIZATION_TYPE, ROLES } from '../../domain/organizations.ts';
import { writeAudit } from '../../server/audit.ts';
import { hashPassword } from '../../server/passwords.ts';
import { ApiError, conflict } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { email, nonEmptyText, text, uuid } from '../schemas.ts';

const createUser = z.strictObject({
  email,
  password: text(200).min(12, { message: 'au moins 12 caractères' }),
  firstName: nonEmptyText(100),
  lastName: nonEmptyText(100),
  organizationId: uuid,
  role: z.enum(ROLES).optional(),
});

const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  membership: z.object({ organizationId: z.string(), role: z.enum(ROLES) }),
});

export const userRoutes = [
  defineRoute({
    method: 'post',
    path: '/users',
    tag: 'Organisations',
    summary: 'Créer un compte utilisateur rattaché à une organisation (administrateurs)',
    access: [],
    body: createUser,
    responses: {
      201: { description: 'Compte créé', schema: userResponse },
      409: { description: 'Adresse e-mail déjà utilisée' },
      422: { description: "Rôle incompatible avec l'organisation, ou organisation inconnue" },
    },
    handle: async ({ deps, actor, body }) => {
      const { db, clock } = deps;
      const organization = await db.organization.findUnique({ where: { id: body.organizationId } });
      if (!organization) throw new ApiError(422, 'unknown_organization', "L'organisation indiquée n'existe pas.");
      const role = ROLE_OF_ORGANIZATION_TYPE[organization.type];
      if (body.role && body.role !== role) {
        throw new ApiError(422, 'role_not_allowed', "Ce rôle n'est pas possible dans ce type d'organisation.");
      }
      const existing = await db.user.findUnique({ where: { email: body.email }, select: { id: true } });
      if (existing)
        throw conflict('Un compte existe déjà avec cette adresse e-mail.', [
          { message: 'doublon', existingId: existing.id },
        ]);
      const passwordHash = await hashPassword(body.password);
      const user = await db.user.create({
        data: {
          email: body.email,
          passwordHash,
          firstName: body.firstName,
          lastName: body.lastName,
          createdAt: clock.now(),
          memberships: { create: { organizationId: organization.id, role, createdAt: clock.now() } },
        },
      });
      await writeAudit(db, {
        key: `user.create:${user.id}`,
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        actorUserId: actor.userId,
        actorOrganizationId: actor.organization.id,
        occurredAt: clock.now(),
        details: { organizationId: organization.id, role },
      });
      return {
        status: 201,
        body: {
          id: user.id,
          email: user.email,
          firstName: user.firstName,
          lastName: user.lastName,
          membership: { organizationId: organization.id, role },
        },
      };
    },
  }),
];
