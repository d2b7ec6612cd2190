// Where to send the user after signing in: only a path on this site (no open redirect).
export const DEFAULT_AFTER_LOGIN = '/espace';

export function safeRedirectTarget(value: string | null | undefined): string {
  if (!value) return DEFAULT_AFTER_LOGIN;
  // A local path: starts with a single "/", no scheme-relative "//" nor "/\" trick.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_AFTER_LOGIN;
  if (/[\u0000-\u001f]/.test(value)) return DEFAULT_AFTER_LOGIN;
  return value;
}

export function loginUrl(pathWithSearch: string): string {
  return `/connexion?redirectTo=${encodeURIComponent(pathWithSearch)}`;
}
