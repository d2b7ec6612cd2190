import { api, callerOf } from '$lib/server/api';
import { clockApi, type PlatformClock } from '$lib/server/clock-api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { locals, depends } = event;
  depends('app:notifications');
  let unreadNotifications: number | null = null;
  if (locals.user) {
    try {
      // Only the unread ones are listed: the count comes with them.
      ({ unreadCount: unreadNotifications } = await api.notifications(callerOf(event), { unread: true }));
    } catch (err) {
      // The header must not break a page: the link then shows no count.
      console.error(JSON.stringify({ msg: 'GET /notifications failed', error: String(err) }));
    }
  }
  let clock: PlatformClock | null = null;
  try {
    // The platform's day (the simulated one in the sandbox): pages never read a machine clock.
    clock = await clockApi.clock(callerOf(event));
  } catch (err) {
    console.error(JSON.stringify({ msg: 'GET /clock failed', error: String(err) }));
  }
  return { user: locals.user, unreadNotifications, clock, path: event.url.pathname + event.url.search };
};
