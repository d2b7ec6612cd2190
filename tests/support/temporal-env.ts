// Test helpers that start a throw-away Temporal server with the locally installed binaries
// (scripts/setup/temporal-binaries.sh), so tests never depend on the SDK's internet download.
//
// - startTimeSkippingEnv(): Java test server; timers are skipped while awaiting results, so
//   workflows that wait months/years (délais, relances) finish in seconds. No visibility
//   (list/query) and no schedules there.
// - startDevServerEnv(): the real server (`temporal server start-dev`, in-memory SQLite unless
//   dbFilename), with our custom search attributes registered at start, for visibility tests.
//
// Always call `await env.teardown()` (afterAll), it stops the server process.
import { TestWorkflowEnvironment, type LocalTestWorkflowEnvironmentOptions } from '@temporalio/testing';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { temporalExecutable } from '../../server/temporal/binaries.ts';

// The SDK runtime logs every worker state change at INFO, which buries test output.
// Install a WARN logger once (TEMPORAL_TEST_LOG_LEVEL=DEBUG|INFO to see more). Runtime.install
// throws when a runtime already exists (e.g. a test set its own): keep that one.
export function installQuietRuntime(): void {
  const level = (process.env.TEMPORAL_TEST_LOG_LEVEL ?? 'WARN') as LogLevel;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    /* already installed */
  }
}

type DevServerOptions = NonNullable<LocalTestWorkflowEnvironmentOptions['server']>;
/** `{ name, type }` keys, e.g. `{ name: 'DossierId', type: 'KEYWORD' }` (defineSearchAttributeKey). */
export type SearchAttributeKeys = NonNullable<DevServerOptions['searchAttributes']>;

export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: temporalExecutable('testServer') },
  });
}

export interface DevServerEnvOptions {
  /** Registered at start via `--search-attribute Name=Type` (the SDK builds the flags). */
  searchAttributes?: SearchAttributeKeys;
  /** SQLite file to persist state; in-memory when omitted. */
  dbFilename?: string;
  /** Server settings (`--dynamic-config-value name=value`), e.g. a tiny history limit. */
  dynamicConfig?: Record<string, string | number | boolean>;
}

export async function startDevServerEnv(opts: DevServerEnvOptions = {}): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: temporalExecutable('cli'),
      searchAttributes: opts.searchAttributes ?? [],
      ...(opts.dbFilename ? { dbFilename: opts.dbFilename } : {}),
      // Random free port, no UI; only errors on the console (warn floods at shutdown).
      ui: false,
      log: { format: 'json', level: 'error' },
      // Skip the UI newsfeed fetch (no internet); harmless when the UI is off.
      extraArgs: [
        '--ui-disable-news-fetch',
        ...Object.entries(opts.dynamicConfig ?? {}).flatMap(([name, value]) => [
          '--dynamic-config-value',
          `${name}=${JSON.stringify(value)}`,
        ]),
      ],
    },
  });
}
