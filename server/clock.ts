import type { Clock } from '../domain/clock.ts';

/** The machine clock: the one place outside workflows that reads the current time (docs/rules.md §6). */
export const systemClock: Clock = {
  now: () => new Date(),
};
