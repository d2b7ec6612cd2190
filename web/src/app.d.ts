// See https://svelte.dev/docs/kit/types#app.d.ts
import type { CurrentUser } from '$lib/server/api';

declare global {
  interface Window {
    /** DSFR settings before its script loads, then its API (see $lib/dsfr). */
    dsfr?: { mode?: string; production?: boolean; verbose?: boolean; start?: () => void };
  }

  namespace App {
    interface Error {
      message: string;
      /** Reference shown to the user and written in the logs, for support. */
      errorId?: string;
    }
    interface Locals {
      /** The signed-in user (from GET /me), or null when anonymous. */
      user: CurrentUser | null;
      /** The web session token (cookie `inclusion_session`), when valid. */
      sessionToken: string | null;
    }
    // interface PageData {}
    // interface PageState {}
    interface Platform {
      /** adapter-node's request: here Express's, whose `ip` honours TRUST_PROXY. */
      req?: { ip?: string };
    }
  }
}

export {};
