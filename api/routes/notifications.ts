// The inbox (docs/rules.md §9): notifications addressed to the organization the user acts for.
import { z } from 'zod';
import { notificationListSchema, unreadCountSchema } from '../../contracts/notifications.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { idParams } from '../schemas.ts';

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
      const { count } = await deps.db.notification.updateMany({
        where: { id: params.id, recipientOrganizationId: actor.organization.id, readAt: null },
        data: { readAt: deps.clock.now() },
      });
      if (count === 0) {
        const exists = await deps.db.notification.findFirst({
          where: { id: params.id, recipientOrganizationId: actor.organization.id },
          select: { id: true },
        });
        if (!exists) throw notFound('Notification introuvable.');
      }
      return { status: 204 };
    },
  }),
];
