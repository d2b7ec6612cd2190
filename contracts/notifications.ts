// The inbox as the API answers it (docs/rules.md §9, §13).
import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.output<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number() });
export const unreadCountSchema = z.object({ unreadCount: z.number() });
