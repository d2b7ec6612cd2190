// « Mes notifications par courriel » (docs/rules.md §9): immediate, a daily digest, or none.
import { fail, redirect } from '@sveltejs/kit';
import { EMAIL_NOTIFICATION_PREFERENCES, type EmailNotificationPreference } from '$contracts/email-notifications.ts';
import { pageErrorFrom, requireUser } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import { notificationApi } from '$lib/server/notification-api';
import type { Actions, PageServerLoad } from './$types';

const isPreference = (value: string): value is EmailNotificationPreference =>
  (EMAIL_NOTIFICATION_PREFERENCES as readonly string[]).includes(value);

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  try {
    return {
      preference: await notificationApi.emailPreference(callerOf(event)),
      email: user.user.email,
      organizationName: user.membership.organization.name,
      saved: event.url.searchParams.get('enregistre') === 'ok',
    };
  } catch (err) {
    pageErrorFrom(err, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireUser(event);
    const choice = textField(await event.request.formData(), 'emailNotifications');
    if (!isPreference(choice)) {
      return fail(400, { message: 'Choisissez comment recevoir vos notifications par courriel.' });
    }
    try {
      await notificationApi.setEmailPreference(callerOf(event), choice);
    } catch (err) {
      return apiFailure(err, event, {});
    }
    redirect(303, '/compte/courriels?enregistre=ok');
  },
};
