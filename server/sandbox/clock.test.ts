// The sandbox clock (docs/rules.md §12) on a fake test service: it follows the server's time
// between advances, moves with an advance, and runs advances one at a time.
import { describe, expect, it } from 'vitest';
import { fixedClock, today } from '../../domain/clock.ts';
import { createSandboxClock } from './clock.ts';
import type { TestService } from './test-service.ts';

const DAY_MS = 86_400_000;

function fakeServer(machine: ReturnType<typeof fixedClock>, startsAt: string) {
  const offset = { ms: Date.parse(startsAt) - machine.now().getTime() };
  const sleeps: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const service: TestService = {
    currentTime: async () => new Date(machine.now().getTime() + offset.ms),
    async sleep(ms) {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      offset.ms += ms;
      sleeps.push(ms);
      running -= 1;
    },
    close: async () => undefined,
  };
  return { service, sleeps, maxRunning: () => maxRunning };
}

describe('sandbox clock', () => {
  it('reads the server time, and keeps following it as real time passes', async () => {
    const machine = fixedClock('2026-11-29T10:00:00Z');
    const { service } = fakeServer(machine, '2028-03-14T09:00:00Z');
    const clock = await createSandboxClock(service, machine);
    expect(clock.now().toISOString()).toBe('2028-03-14T09:00:00.000Z');
    machine.set('2026-11-29T10:30:00Z');
    expect(clock.now().toISOString()).toBe('2028-03-14T09:30:00.000Z');
    expect(today(clock)).toBe('2028-03-14');
    clock.stop();
  });

  it('advance sleeps the server n days once and lands the clock n days later', async () => {
    const machine = fixedClock('2026-11-29T10:00:00Z');
    const { service, sleeps } = fakeServer(machine, '2026-11-29T10:00:00Z');
    const clock = await createSandboxClock(service, machine);
    const result = await clock.advance(730);
    expect(sleeps).toEqual([730 * DAY_MS]);
    expect(result.to.getTime() - result.from.getTime()).toBe(730 * DAY_MS);
    expect(today(clock)).toBe('2028-11-28');
    clock.stop();
  });

  it('late in a winter evening, an advance into summer lands on the n-th Paris day, at the same wall time', async () => {
    const machine = fixedClock('2026-11-29T22:18:00Z'); // 23:18 in Paris
    const { service, sleeps } = fakeServer(machine, '2026-11-29T22:18:00Z');
    const clock = await createSandboxClock(service, machine);
    await clock.advance(274);
    expect(today(clock)).toBe('2027-08-30');
    expect(clock.now().toISOString()).toBe('2027-08-30T21:18:00.000Z'); // 23:18 in Paris (UTC+2)
    expect(sleeps).toEqual([274 * DAY_MS - 3_600_000]);
    clock.stop();
  });

  it('two advances asked together run one after the other', async () => {
    const machine = fixedClock('2026-11-29T10:00:00Z');
    const server = fakeServer(machine, '2026-11-29T10:00:00Z');
    const clock = await createSandboxClock(server.service, machine);
    await Promise.all([clock.advance(1), clock.advance(7)]);
    expect(server.maxRunning()).toBe(1);
    expect(today(clock)).toBe('2026-12-07');
    clock.stop();
  });
});
