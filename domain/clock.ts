import { parisDateOf, type IsoDate } from './dates.ts';

/**
 * The only way code outside workflows learns the time (docs/rules.md §6). Production uses the
 * machine clock (server/clock.ts), tests and the sandbox a controlled one.
 */
export interface Clock {
  now(): Date;
}

export function today(clock: Clock): IsoDate {
  return parisDateOf(clock.now());
}

/** A clock that stays where it is put: for tests of rules that depend on "now". */
export function fixedClock(instant: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to);
    },
  };
}
