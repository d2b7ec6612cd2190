// The production topology on one machine, without Docker (docs/decisions/026-production-topology.md):
// PostgreSQL (embedded, or DATABASE_ADMIN_URL's server), Temporal's production server over it
// (schema tool, then `server start`), N worker processes (each also sends the e-mail outbox:
// rows are claimed with SKIP LOCKED), N web processes (API + web app) behind one round-robin
// port, and a mail catcher unless SMTP_HOST is set. Used by scripts/production.ts and by the
// CI smoke (tests/topology/production-smoke.test.ts). `stop()` ends every process it started:
// each child runs in its own process group, which is signalled whole.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureAdministrator } from '../../server/bootstrap-admin.ts';
import { createDb } from '../../server/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations } from '../../server/db/migrations.ts';
import { freeLowPort, freePort } from '../../server/free-port.ts';
import { startMailCatcher, type MailCatcher } from '../../server/notifications/mail-catcher.ts';
import { productionServerBinaries, startProductionTemporal } from '../../server/temporal/production-server.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { WORKER_NODE_FLAGS } from '../../worker/node-options.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TopologyOptions {
  /** Folder for PostgreSQL's data (when embedded), Temporal's config and the logs. */
  dataDir: string;
  /** `durable` for `npm run production`; `fast` (no fsync) for the smoke test and benchmarks. */
  durability: 'durable' | 'fast';
  /** The public port (round-robin proxy); 0 for a free one. */
  port: number;
  /** Temporal's frontend port; 0 for a free one. */
  temporalPort: number;
  /** Embedded PostgreSQL's port; 0 for a free one. */
  postgresPort: number;
  workers: number;
  webs: number;
  /** History shards of a new cluster (fixed for its life). */
  shards: number;
  adminEmail: string;
  adminPassword: string;
  /** Passed to every child (LOG_LEVEL, SMTP_*, …). */
  env?: NodeJS.ProcessEnv;
  say?: (message: string) => void;
  /** Called when a child stops on its own (not through stop()). */
  onChildExit?: (name: string, code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface Topology {
  url: string;
  databaseUrl: string;
  temporalAddress: string;
  mailCatcherPort: number | null;
  children: { name: string; process: ChildProcess }[];
  proxy: RoundRobinProxy;
  logDir: string;
  stop(): Promise<void>;
}

export async function startProductionTopology(options: TopologyOptions): Promise<Topology> {
  const say = options.say ?? (() => {});
  const binaries = productionServerBinaries(ROOT);
  if (!binaries)
    throw new Error('Serveur Temporal de production introuvable : lancez « bash scripts/setup/temporal-server.sh ».');
  const dataDir = path.resolve(options.dataDir);
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  const children: { name: string; process: ChildProcess }[] = [];
  let embedded: EmbeddedPostgres | undefined;
  let catcher: { server: MailCatcher; db: ReturnType<typeof createDb> } | undefined;
  let proxy: RoundRobinProxy | undefined;
  let stopping = false;

  const stop = async () => {
    stopping = true;
    await proxy?.close();
    // Web first (no new work), then workers (they drain), then Temporal, then PostgreSQL.
    for (const child of [...children].reverse()) await stopGroup(child.process);
    children.length = 0;
    await catcher?.server.close();
    await catcher?.db.$disconnect();
    await embedded?.stop();
  };

  const startChild = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv) => {
    const log = path.join(logDir, `${name}.log`);
    rmSync(log, { force: true });
    const out = openLog(log);
    // Own process group (detached): signalled whole at stop, never reached by a terminal's Ctrl-C.
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
    children.push({ name, process: child });
    child.once('exit', (code, signal) => {
      if (!stopping) options.onChildExit?.(name, code, signal);
    });
    return child;
  };

  try {
    // PostgreSQL: the platform's database and Temporal's two, one server (as in compose).
    let adminUrl = process.env.DATABASE_ADMIN_URL;
    if (!adminUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        port: options.postgresPort || (await freePort()),
        durability: options.durability,
      });
      adminUrl = embedded.url;
    }
    const admin = new URL(adminUrl);
    say(`PostgreSQL : ${admin.host}`);
    await ensureDatabase(adminUrl, 'inclusion');
    const databaseUrl = Object.assign(new URL(adminUrl), { pathname: '/inclusion' }).toString();
    const applied = await applyMigrations(databaseUrl);
    say(applied.length ? `Migrations appliquées : ${applied.length}` : 'Schéma de la plateforme à jour.');
    const db = createDb(databaseUrl, 2);
    await ensureAdministrator(db, options.adminEmail, options.adminPassword);
    await db.$disconnect();

    // Temporal's production server over the same PostgreSQL.
    const ports = [options.temporalPort || (await freePort())];
    while (ports.length < 9) ports.push(await freeLowPort());
    say('Serveur Temporal de production : schéma, démarrage…');
    const started = performance.now();
    const temporal = await startProductionTemporal({
      binaries,
      runDir: path.join(dataDir, 'temporal'),
      postgres: {
        host: admin.hostname,
        port: Number(admin.port || 5432),
        user: decodeURIComponent(admin.username),
        password: decodeURIComponent(admin.password),
      },
      shards: options.shards,
      ports,
      namespace: 'default',
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
      logFile: path.join(logDir, 'temporal.log'),
    });
    children.push({ name: 'temporal', process: temporal.process });
    temporal.process.once('exit', (code, signal) => {
      if (!stopping) options.onChildExit?.('temporal', code, signal);
    });
    say(
      `Temporal : ${temporal.address} (${options.shards} shards, prêt en ${Math.round(performance.now() - started)} ms)`,
    );

    const smtp: NodeJS.ProcessEnv = {};
    let mailCatcherPort: number | null = null;
    if (!(options.env?.SMTP_HOST ?? process.env.SMTP_HOST)) {
      const catcherDb = createDb(databaseUrl, 2);
      const server = await startMailCatcher({ db: catcherDb, port: await freePort() });
      catcher = { server, db: catcherDb };
      mailCatcherPort = server.port;
      Object.assign(smtp, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server.port), SMTP_SECURE: 'false' });
    }

    const webPorts: number[] = [];
    for (let i = 0; i < options.webs; i++) webPorts.push(await freePort());
    const publicPort = options.port || (await freePort());
    const url = `http://localhost:${publicPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...options.env,
      ...smtp,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      PUBLIC_URL: url,
      ADMIN_EMAIL: options.adminEmail,
      ADMIN_PASSWORD: options.adminPassword,
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
    };
    delete env.SANDBOX;
    const node = (script: string) => ['--import', 'tsx', path.join(ROOT, script)];
    for (let i = 1; i <= options.workers; i++)
      startChild(`worker-${i}`, process.execPath, [...WORKER_NODE_FLAGS, ...node('worker/main.ts')], env);
    webPorts.forEach((webPort, i) =>
      startChild(`web-${i + 1}`, process.execPath, node('api/main.ts'), { ...env, PORT: String(webPort) }),
    );
    await Promise.all(webPorts.map((webPort) => waitForHealth(`http://127.0.0.1:${webPort}/healthz`, 120_000)));
    proxy = await startRoundRobinProxy({
      host: '127.0.0.1',
      port: publicPort,
      backends: webPorts.map((webPort) => ({ host: '127.0.0.1', port: webPort })),
    });
    say(`${options.workers} worker(s), ${options.webs} serveur(s) web (ports ${webPorts.join(', ')}) derrière ${url}`);
    return {
      url,
      databaseUrl,
      temporalAddress: temporal.address,
      mailCatcherPort,
      children,
      proxy,
      logDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Synchronous: spawn needs a descriptor, not a stream that opens later. */
const openLog = (file: string): number => openSync(file, 'a');

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} ne répond pas.`);
}

/**
 * SIGTERM to the child's whole process group, SIGKILL after 20 s; resolves once the whole group
 * is gone — not only its leader: `tsx` runs the real Node process as its child, which may still
 * be draining when the leader has exited.
 */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(group, name);
      return true;
    } catch {
      return false; // no process left in the group
    }
  };
  if (!signal('SIGTERM')) return;
  const killAt = performance.now() + 20_000;
  let killed = false;
  while (signal(0)) {
    if (!killed && performance.now() >= killAt) {
      signal('SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
}
