// The user's own e-mail preference for notifications (docs/rules.md §9). Same conventions as api.ts.
import { emailNotificationSettingSchema, type EmailNotificationPreference } from '$contracts/email-notifications.ts';
import { requestJson, type Caller } from './api';

export const notificationApi = {
  /** GET /me/email-notifications. */
  emailPreference: async (caller: Caller) =>
    (await requestJson('GET', '/me/email-notifications', caller, emailNotificationSettingSchema)).emailNotifications,
  /** PUT /me/email-notifications. */
  setEmailPreference: async (caller: Caller, emailNotifications: EmailNotificationPreference) =>
    (
      await requestJson('PUT', '/me/email-notifications', caller, emailNotificationSettingSchema, {
        emailNotifications,
      })
    ).emailNotifications,
};
