// The sandbox's clock (docs/rules.md §6, §12): the platform's `Clock` reads the time-skipping
// test server, so API checks, dates written and the web's "today" follow the workflows' time.
//
// The server's time runs at real speed between two advances, so the clock keeps an offset from
// the machine clock (read once per refresh) rather than a frozen instant; it is refreshed after
// each advance and every few seconds, in case another process advanced the server.
import type { Clock } from '../../domain/clock.ts';
import { addParisDays } from '../../domain/dates.ts';
import type { TestService } from './test-service.ts';

const REFRESH_EVERY_MS = 5_000;

export interface AdvanceResult {
  from: Date;
  to: Date;
  /** Wall time the advance took. */
  elapsedMs: number;
}

export interface SandboxClock extends Clock {
  readonly kind: 'sandbox';
  /**
   * Moves workflow time and this clock `days` days forward, and resolves once the platform is
   * consistent at the new date: every timer due on the way has fired and its work is done.
   * Advances run one at a time.
   */
  advance(days: number): Promise<AdvanceResult>;
  refresh(): Promise<void>;
  stop(): void;
}

export function isSandboxClock(clock: Clock): clock is SandboxClock {
  return (clock as Partial<SandboxClock>).kind === 'sandbox';
}

/** `machine` is the process's own clock, used only to measure time between two reads. */
export async function createSandboxClock(service: TestService, machine: Clock): Promise<SandboxClock> {
  let offsetMs = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function refresh(): Promise<void> {
    const before = machine.now().getTime();
    const server = (await service.currentTime()).getTime();
    const after = machine.now().getTime();
    offsetMs = server - (before + after) / 2;
  }
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_EVERY_MS);
  timer.unref();

  const now = () => new Date(machine.now().getTime() + offsetMs);

  async function advance(days: number): Promise<AdvanceResult> {
    const started = machine.now().getTime();
    await refresh();
    const from = now();
    // One sleep: the server fires every timer of the interval in order and does not skip past
    // work in flight (decision 015 measures it); the return is the consistency point.
    // n Paris days, not n × 24 h: across a daylight-saving change a late-evening clock would
    // otherwise land on the day after (docs/rules.md §6).
    await service.sleep(addParisDays(from.getTime(), days) - from.getTime());
    await refresh();
    return { from, to: now(), elapsedMs: machine.now().getTime() - started };
  }

  return {
    kind: 'sandbox',
    now,
    refresh,
    advance(days) {
      const run = queue.then(() => advance(days));
      queue = run.catch(() => undefined);
      return run;
    },
    stop: () => clearInterval(timer),
  };
}
