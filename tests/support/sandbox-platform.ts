// The whole platform in the sandbox (docs/rules.md §12, decision 015) for one test file: Temporal's
// time-skipping test server as a child process, the sandbox clock on its test service, and the
// test platform (worker, API, web app when asked) on that server and that clock.
import type { ChildProcess } from 'node:child_process';
import { systemClock } from '../../server/clock.ts';
import { freePort } from '../../server/free-port.ts';
import { createSandboxClock, type SandboxClock } from '../../server/sandbox/clock.ts';
import { startTimeSkippingServer } from '../../server/sandbox/test-server.ts';
import { connectTestService, type TestService } from '../../server/sandbox/test-service.ts';
import { temporalBinaries } from '../../server/temporal/binaries.ts';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from './platform.ts';

export interface SandboxPlatform {
  platform: TestPlatform;
  clock: SandboxClock;
  stop(): Promise<void>;
}

export async function startSandboxPlatform(
  options: Omit<TestPlatformOptions, 'clock' | 'temporalAddress'> = {},
): Promise<SandboxPlatform> {
  const binary = temporalBinaries().testServer;
  if (!binary) throw new Error('temporal-test-server introuvable : scripts/setup/temporal-binaries.sh');
  const server: { address: string; process: ChildProcess } = await startTimeSkippingServer({
    binary,
    port: await freePort(),
  });
  let service: TestService | undefined;
  let clock: SandboxClock | undefined;
  let platform: TestPlatform | undefined;
  const stop = async () => {
    await platform?.stop();
    clock?.stop();
    await service?.close();
    server.process.kill('SIGTERM');
  };
  try {
    service = await connectTestService(server.address);
    clock = await createSandboxClock(service, systemClock);
    platform = await startTestPlatform({ ...options, temporalAddress: server.address, clock });
    return { platform, clock, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
