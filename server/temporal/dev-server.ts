// Runs `temporal server start-dev` as a child process: a real single-process Temporal server,
// its state in a SQLite file (kept across restarts), the project's search attributes, its web UI.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';

export interface DevServerOptions {
  cli: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** Keys from defineSearchAttributeKey (workflows/search-attributes.ts). */
  searchAttributes: { name: string; type: string }[];
}

/** The CLI's names for search attribute types. */
const CLI_TYPE: Record<string, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

export async function waitForTemporal(
  address: string,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (error) {
      if (!isAlive()) throw new Error('Le serveur Temporal s’est arrêté au démarrage.');
      if (performance.now() > deadline)
        throw new Error(`Temporal ne répond pas sur ${address} : ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

export async function startTemporalDevServer(
  options: DevServerOptions,
): Promise<{ address: string; process: ChildProcess }> {
  mkdirSync(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.sqlite'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace,
    '--ui-disable-news-fetch',
    '--log-level',
    'error',
    ...options.searchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`]),
  ];
  return spawnTemporalServer(options.cli, args, options.port);
}

/** Starts a Temporal server binary and waits until it answers on 127.0.0.1:`port`. */
export async function spawnTemporalServer(
  executable: string,
  args: string[],
  port: number,
): Promise<{ address: string; process: ChildProcess }> {
  // Own process group, so a terminal's Ctrl-C does not kill it before the worker has drained.
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  let alive = true;
  child.once('exit', () => {
    alive = false;
  });
  const address = `127.0.0.1:${port}`;
  await waitForTemporal(address, 60_000, () => alive);
  return { address, process: child };
}
