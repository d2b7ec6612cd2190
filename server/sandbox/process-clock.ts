// The clock of a server process: the machine's, or in the sandbox the test server's time
// (docs/rules.md §6, §12), so every API check uses the simulated date.
import type { Clock } from '../../domain/clock.ts';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { createSandboxClock } from './clock.ts';
import { connectTestService } from './test-service.ts';

export async function processClock(config: Config, temporalAddress: string): Promise<Clock> {
  if (!config.SANDBOX) return systemClock;
  return createSandboxClock(await connectTestService(temporalAddress), systemClock);
}
