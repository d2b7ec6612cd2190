// How notifications reach a user by e-mail (docs/rules.md §9): the preference as the API answers it.
import { z } from 'zod';

export const EMAIL_NOTIFICATION_PREFERENCES = ['immediate', 'daily_digest', 'none'] as const;
export type EmailNotificationPreference = (typeof EMAIL_NOTIFICATION_PREFERENCES)[number];

export const emailNotificationPreferenceSchema = z.enum(EMAIL_NOTIFICATION_PREFERENCES, {
  message: 'choisissez « immediate », « daily_digest » ou « none »',
});

/** What each choice means, as the page « Mes notifications par courriel » says it. */
export const EMAIL_NOTIFICATION_LABELS: Record<EmailNotificationPreference, { label: string; hint: string }> = {
  immediate: { label: 'Immédiatement', hint: 'Un courriel par notification, dès qu’elle arrive.' },
  daily_digest: {
    label: 'Récapitulatif quotidien',
    hint: 'Un seul courriel le lendemain matin, avec les notifications de la journée.',
  },
  none: { label: 'Aucun courriel', hint: 'Les notifications restent dans votre boîte de réception sur la plateforme.' },
};

/** GET and PUT /me/email-notifications. */
export const emailNotificationSettingSchema = z.object({ emailNotifications: emailNotificationPreferenceSchema });
export type EmailNotificationSetting = z.output<typeof emailNotificationSettingSchema>;
