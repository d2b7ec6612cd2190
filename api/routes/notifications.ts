// The inbox (docs/rules.md §9): notifications addressed to the organization the user acts for.
import { z } from 'zod';
import { notificationListSchema, openedNotificationSchema, unreadCountSchema } from '../../contracts/notifications.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Db } from '../../server/db/client.ts';
import { INBOX_PATH } from '../../server/notifications/links.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { idParams } from '../schemas.ts';

/**
 * Marks one notification of the caller's organization read (if unread) and returns its link:
 * the one place where a user's reading marks it (docs/rules.md §9). 404 if not theirs.
 */
async function markRead(deps: { db: Db; clock: Clock }, organizationId: string, id: string): Promise<string> {
  await deps.db.notification.updateMany({
    where: { id, recipientOrganizationId: organizationId, readAt: null },
    data: { readAt: deps.clock.now() },
  });
  const row = await deps.db.notification.findFirst({
    where: { id, recipientOrganizationId: organizationId },
    select: { link: true },
  });
  if (!row) throw notFound('Notification introuvable.');
  return row.link ?? INBOX_PATH;
}

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications/unread-count',
    tag: 'Notifications',
    summary: 'Le nombre de notifications non lues (en-tête des pages)',
    access: 'authenticated',
    responses: { 200: { description: 'Nombre', schema: unreadCountSchema } },
    handle: async ({ deps, actor }) => ({
      status: 200,
      body: {
        unreadCount: await deps.db.notification.count({
          where: { recipientOrganizationId: actor.organization.id, readAt: null },
        }),
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/notifications',
    tag: 'Notifications',
    summary: "Les notifications de l'organisation pour laquelle vous agissez, les plus récentes d'abord",
    access: 'authenticated',
    query: z.strictObject({
      unread: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
    }),
    responses: {
      200: {
        description: 'Notifications',
        schema: notificationListSchema,
      },
    },
    handle: async ({ deps, actor, query }) => {
      const where = { recipientOrganizationId: actor.organization.id };
      const [rows, unreadCount] = await Promise.all([
        deps.db.notification.findMany({
          where: { ...where, ...(query.unread ? { readAt: null } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          take: 200,
        }),
        deps.db.notification.count({ where: { ...where, readAt: null } }),
      ]);
      return {
        status: 200,
        body: {
          unreadCount,
          items: rows.map((n) => ({
            id: n.id,
            subject: n.subject,
            body: n.body,
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt?.toISOString() ?? null,
            link: n.link,
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/{id}/read',
    tag: 'Notifications',
    summary: 'Marquer une notification comme lue',
    access: 'authenticated',
    params: idParams,
    responses: { 204: { description: 'Marquée comme lue' }, 404: { description: 'Introuvable' } },
    handle: async ({ deps, actor, params }) => {
      await markRead(deps, actor.organization.id, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/{id}/open',
    tag: 'Notifications',
    summary: 'Ouvrir une notification : elle est marquée comme lue, la réponse donne la page dont elle parle',
    access: 'authenticated',
    params: idParams,
    responses: {
      200: { description: 'Marquée comme lue ; lien de la page', schema: openedNotificationSchema },
      404: { description: 'Introuvable' },
    },
    handle: async ({ deps, actor, params }) => ({
      status: 200,
      body: { link: await markRead(deps, actor.organization.id, params.id) },
    }),
  }),
];
