// Runs Temporal's time-skipping test server (`temporal-test-server <port>`) as a child process:
// the sandbox's Temporal (docs/rules.md §12). In-memory: its workflows end with the process.
import type { ChildProcess } from 'node:child_process';
import { spawnTemporalServer } from '../temporal/dev-server.ts';

export function startTimeSkippingServer(options: {
  binary: string;
  port: number;
}): Promise<{ address: string; process: ChildProcess }> {
  return spawnTemporalServer(options.binary, [String(options.port)], options.port);
}
