// What a notification is about, and the page of the platform that shows it (docs/rules.md §9):
// the e-mail links there, and to the inbox when the notification is about nothing in particular.

export type NotificationAbout =
  | { kind: 'application'; applicationId: string }
  | { kind: 'pass'; passNumber: string }
  | { kind: 'jobDescription'; jobDescriptionId: string }
  | { kind: 'accreditationRequest'; requestId: string; audience: 'organization' | 'prefecture' }
  | { kind: 'control'; controlId: string; audience: 'siae' | 'ddets' }
  | { kind: 'controlCampaign'; campaignId: string }
  | { kind: 'selfPrescriptionRight' };

export type NotificationKind = NotificationAbout['kind'];

/** Every kind of thing the platform notifies about; tests iterate over it. */
export const NOTIFICATION_KINDS = [
  'application',
  'pass',
  'jobDescription',
  'accreditationRequest',
  'control',
  'controlCampaign',
  'selfPrescriptionRight',
] as const satisfies readonly NotificationKind[];

export const INBOX_PATH = '/notifications';
/** Where a user changes how notifications reach them by e-mail. */
export const PREFERENCES_PATH = '/compte/courriels';

export function pagePath(about: NotificationAbout | undefined): string {
  switch (about?.kind) {
    case 'application':
      return `/candidatures/${encodeURIComponent(about.applicationId)}`;
    case 'pass':
      return `/passes/${encodeURIComponent(about.passNumber)}`;
    case 'jobDescription':
      return `/structure/fiches-de-poste/${encodeURIComponent(about.jobDescriptionId)}`;
    case 'accreditationRequest':
      return about.audience === 'prefecture'
        ? `/prefecture/habilitations/${encodeURIComponent(about.requestId)}`
        : `/habilitation/${encodeURIComponent(about.requestId)}`;
    case 'control':
      return about.audience === 'ddets'
        ? `/ddets/controles/${encodeURIComponent(about.controlId)}`
        : `/structure/controles/${encodeURIComponent(about.controlId)}`;
    case 'controlCampaign':
      return `/ddets/campagnes/${encodeURIComponent(about.campaignId)}`;
    case 'selfPrescriptionRight':
      return '/structure';
    default:
      return INBOX_PATH;
  }
}

/** An absolute link on the platform: PUBLIC_URL without its trailing slash, then the path. */
export function platformUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
