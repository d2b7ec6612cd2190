// The inbox as the API answers it (docs/rules.md §9, §13).
import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Path of the page about the notified thing (`/candidatures/…`); null for older notifications. */
  link: z.string().nullable(),
});
export type Notification = z.output<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number() });
export const unreadCountSchema = z.object({ unreadCount: z.number() });

/** POST /notifications/{id}/open: marked read; where to go. */
export const openedNotificationSchema = z.object({ link: z.string() });
