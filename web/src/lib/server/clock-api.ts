// The platform's day from the API (docs/rules.md §6): pages show and compare the API's "today",
// never a machine clock, so in the sandbox they follow the simulated date (§12).
import { error } from '@sveltejs/kit';
import { platformClockSchema, sandboxAdvanceSchema, type PlatformClock } from '$contracts/clock.ts';
import { requestJson, type Caller } from './api';

export type { PlatformClock } from '$contracts/clock.ts';

export const clockApi = {
  /** GET /clock: today, now, and whether this is the sandbox (and the caller may advance it). */
  clock: (caller: Caller) => requestJson('GET', '/clock', caller, platformClockSchema),

  /** POST /sandbox/advance: moves the sandbox's time `days` days forward. */
  advance: (caller: Caller, days: number) =>
    requestJson('POST', '/sandbox/advance', caller, sandboxAdvanceSchema, { days }),
};

/** The layout's clock, for a page that needs "today": no day, no page (503). */
export async function todayFrom(parent: () => Promise<{ clock: PlatformClock | null }>): Promise<string> {
  const { clock } = await parent();
  if (!clock) error(503, 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.');
  return clock.today;
}
