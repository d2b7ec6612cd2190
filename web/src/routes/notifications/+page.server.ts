import { pageErrorFrom, requireUser } from '$lib/server/access';
import { api, callerOf, type Notification } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  let inbox: { items: Notification[]; unreadCount: number };
  try {
    inbox = await api.notifications(callerOf(event));
  } catch (err) {
    pageErrorFrom(err, event);
  }
  // Unread first, each group newest first (the API's order).
  const unread = inbox.items.filter((n) => n.readAt === null);
  const read = inbox.items.filter((n) => n.readAt !== null);
  return { notifications: [...unread, ...read], unreadCount: inbox.unreadCount };
};

export const actions = {
  lire: async (event) => {
    requireUser(event);
    const id = textField(await event.request.formData(), 'id');
    try {
      await api.markNotificationRead(callerOf(event), id);
    } catch (err) {
      return apiFailure(err, event, { id });
    }
    return { readId: id };
  },
} satisfies Actions;
