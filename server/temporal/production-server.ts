// Temporal's production server (the multi-service `server` binary the compose file runs), over
// PostgreSQL, without Docker: built by scripts/setup/temporal-server.sh into
// .tools/temporal-server/, started here for `npm run production` and its smoke test
// (docs/decisions/026-production-topology.md). Schema by `temporal-sql-tool` (idempotent: the
// database kept, only missing versions applied), a config file written with the ports asked for,
// then the namespace and the project's search attributes through the operator API.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { msNumberToTs } from '@temporalio/common/lib/time.js';
import { waitForTemporal } from './dev-server.ts';

const run = promisify(execFile);

export const TEMPORAL_SERVER_VERSION = 'v1.30.9';

export interface ProductionServerBinaries {
  server: string;
  sql: string;
  schemaDir: string;
  configDir: string;
}

/** The binaries built by scripts/setup/temporal-server.sh, or null when they are not there. */
export function productionServerBinaries(root: string): ProductionServerBinaries | null {
  const dir = path.join(root, '.tools', 'temporal-server');
  const found = {
    server: path.join(dir, 'bin', 'server'),
    sql: path.join(dir, 'bin', 'sql'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
    configDir: path.join(dir, 'config'),
  };
  const version = existsSync(path.join(dir, 'VERSION')) ? readFileSync(path.join(dir, 'VERSION'), 'utf8').trim() : '';
  if (version !== TEMPORAL_SERVER_VERSION || !existsSync(found.server) || !existsSync(found.sql)) return null;
  return found;
}

export interface ProductionServerOptions {
  binaries: ProductionServerBinaries;
  /** Folder for the generated config (config/) and the server's working files. */
  runDir: string;
  postgres: { host: string; port: number; user: string; password: string };
  /** Database names; default `temporal` and `temporal_visibility`. */
  databases?: { main: string; visibility: string };
  /**
   * History shards: fixed when the cluster's database is first created, never changed after
   * (decision 026: 4 for one machine, 512 for the national deployment).
   */
  shards: number;
  /** Free TCP ports on 127.0.0.1: the frontend's gRPC port first, then 8 more (rpc and membership). */
  ports: number[];
  namespace: string;
  /** Keys from defineSearchAttributeKey (workflows/search-attributes.ts). */
  searchAttributes: { name: string; type: string }[];
  /** PostgreSQL connections of the history/matching/frontend store (default 20) and of visibility (default 4). */
  maxConns?: number;
  maxVisibilityConns?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where the server's own log goes (default: ignored). */
  logFile?: string;
}

export interface ProductionServer {
  address: string;
  process: ChildProcess;
}

/** Schema, config, server process, namespace and search attributes; resolves once workflows can start. */
export async function startProductionTemporal(options: ProductionServerOptions): Promise<ProductionServer> {
  const databases = options.databases ?? { main: 'temporal', visibility: 'temporal_visibility' };
  await setUpSchema(options, databases.main, 'temporal');
  await setUpSchema(options, databases.visibility, 'visibility');

  const configDir = path.join(options.runDir, 'config');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(path.join(configDir, 'dynamicconfig'), { recursive: true });
  writeFileSync(path.join(configDir, 'dynamicconfig', 'inclusion.yaml'), DYNAMIC_CONFIG);
  writeFileSync(path.join(configDir, 'production.yaml'), serverConfig(options, databases));

  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  // Own process group: a terminal's Ctrl-C reaches the script, which stops it after the workers.
  const child = spawn(
    options.binaries.server,
    ['--root', options.runDir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'],
    { cwd: options.runDir, stdio: ['ignore', out, out], detached: true },
  );
  let alive = true;
  child.once('exit', () => {
    alive = false;
  });
  const address = `127.0.0.1:${options.ports[0]}`;
  try {
    await waitForTemporal(address, 120_000, () => alive);
    await ensureNamespace(address, options.namespace, options.searchAttributes, () => alive);
  } catch (error) {
    if (alive) child.kill('SIGKILL');
    throw error;
  }
  return { address, process: child };
}

async function setUpSchema(options: ProductionServerOptions, database: string, kind: 'temporal' | 'visibility') {
  const { host, port, user, password } = options.postgres;
  const base = ['--plugin', 'postgres12', '--ep', host, '-p', String(port), '-u', user, '--db', database];
  // The password through the environment, not the command line (SQL_PASSWORD, as in compose).
  const env = { ...process.env, SQL_PASSWORD: password };
  const tool = (args: string[]) => run(options.binaries.sql, [...base, ...args], { env });
  try {
    await tool(['create-database']);
  } catch (error) {
    // An existing database is fine (a restart keeps the cluster).
    if (!/already exists/.test(String((error as { stderr?: string }).stderr ?? error))) throw error;
  }
  await tool(['setup-schema', '-v', '0.0']);
  await tool(['update-schema', '-d', path.join(options.binaries.schemaDir, kind, 'versioned')]);
}

const DYNAMIC_CONFIG = `# Written by server/temporal/production-server.ts (docs/decisions/026-production-topology.md).
limit.maxIDLength:
  - value: 255
    constraints: {}
# A namespace created at start is usable by the workers within a second, not ten.
system.namespaceCacheRefreshInterval:
  - value: 1s
    constraints: {}
`;

function serverConfig(options: ProductionServerOptions, databases: { main: string; visibility: string }): string {
  if (options.ports.length < 9) throw new Error('startProductionTemporal: 9 ports needed');
  const [
    frontend,
    frontendMembership,
    frontendHttp,
    history,
    historyMembership,
    matching,
    matchingMembership,
    worker,
    workerMembership,
  ] = options.ports as [number, number, number, number, number, number, number, number, number];
  const { host, port, user, password } = options.postgres;
  const store = (name: string, conns: number) => `
    ${name}:
      sql:
        pluginName: "postgres12"
        databaseName: "${name === 'default' ? databases.main : databases.visibility}"
        connectAddr: "${host}:${port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(user)}
        password: ${JSON.stringify(password)}
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `# Written by server/temporal/production-server.ts: from the module's development-postgres12.yaml,
# ports and shards of this run.
log:
  stdout: true
  level: ${options.logLevel ?? 'warn'}

persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${options.shards}
  datastores:${store('default', options.maxConns ?? 20)}${store('visibility', options.maxVisibilityConns ?? 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"

services:
  frontend:${service(frontend, frontendMembership, frontendHttp)}
  history:${service(history, historyMembership)}
  matching:${service(matching, matchingMembership)}
  worker:${service(worker, workerMembership)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${frontend}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "config/dynamicconfig/inclusion.yaml"
  pollInterval: "10s"
`;
}

const { IndexedValueType } = proto.temporal.api.enums.v1;
const INDEXED_VALUE_TYPE: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  TEXT: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * The namespace (30 days' retention, as compose) and the search attributes, idempotently; waits
 * until a visibility query that uses them is accepted (the namespace cache has caught up).
 */
export async function ensureNamespace(
  address: string,
  namespace: string,
  searchAttributes: { name: string; type: string }[],
  isAlive: () => boolean = () => true,
): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msNumberToTs(30 * 24 * 3600 * 1000),
      });
    } catch (error) {
      if (!/already exists|AlreadyExists/i.test(String((error as Error).message))) throw error;
    }
    const deadline = performance.now() + 60_000;
    for (;;) {
      try {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = searchAttributes.filter((key) => !customAttributes?.[key.name]);
        if (missing.length > 0) {
          await connection.operatorService.addSearchAttributes({
            namespace,
            searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED_VALUE_TYPE[key.type]!])),
          });
        }
        const query = searchAttributes.map((key) => `${key.name} IS NULL`).join(' AND ');
        await connection.workflowService.countWorkflowExecutions({ namespace, query });
        return;
      } catch (error) {
        if (!isAlive()) throw new Error('Le serveur Temporal s’est arrêté au démarrage.');
        if (performance.now() > deadline)
          throw new Error(`Temporal : espace de noms ${namespace} indisponible : ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await connection.close();
  }
}
