// GET /me (docs/rules.md §2, §13): the contract is contracts/auth.ts. The user's own e-mail
// preference for notifications (docs/rules.md §9): contracts/email-notifications.ts.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currentUserSchema, type CurrentUser } from '../../contracts/auth.ts';
import {
  emailNotificationPreferenceSchema,
  emailNotificationSettingSchema,
  type EmailNotificationSetting,
} from '../../contracts/email-notifications.ts';
import { writeAudit } from '../../server/audit.ts';
import { defineRoute } from '../route.ts';

export const EMAIL_PREFERENCE_AUDIT_ACTION = 'user.emailNotifications';

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
  defineRoute({
    method: 'get',
    path: '/me/email-notifications',
    tag: 'Notifications',
    summary:
      'Comment vos notifications vous parviennent par courriel : immédiatement, en récapitulatif quotidien, ou pas',
    access: 'authenticated',
    responses: { 200: { description: 'Préférence', schema: emailNotificationSettingSchema } },
    handle: async ({ deps, actor }) => {
      const user = await deps.db.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { emailNotifications: true },
      });
      return { status: 200, body: { emailNotifications: user.emailNotifications } satisfies EmailNotificationSetting };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/me/email-notifications',
    tag: 'Notifications',
    summary: 'Changer votre préférence de courriels (journalisé)',
    access: 'authenticated',
    body: z.strictObject({ emailNotifications: emailNotificationPreferenceSchema }),
    responses: { 200: { description: 'Préférence enregistrée', schema: emailNotificationSettingSchema } },
    handle: async ({ deps, actor, body }) => {
      await deps.db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ emailNotifications: string }[]>`
          SELECT "emailNotifications"::text AS "emailNotifications" FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
        await tx.user.update({ where: { id: actor.userId }, data: { emailNotifications: body.emailNotifications } });
        await writeAudit(tx, {
          key: `${EMAIL_PREFERENCE_AUDIT_ACTION}:${actor.userId}:${randomUUID()}`,
          action: EMAIL_PREFERENCE_AUDIT_ACTION,
          entityType: 'User',
          entityId: actor.userId,
          actorUserId: actor.userId,
          actorOrganizationId: actor.organization.id,
          occurredAt: deps.clock.now(),
          details: { previous: row?.emailNotifications ?? null, emailNotifications: body.emailNotifications },
        });
      });
      return { status: 200, body: { emailNotifications: body.emailNotifications } satisfies EmailNotificationSetting };
    },
  }),
];
