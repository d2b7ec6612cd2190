// Embedded PostgreSQL for machines without a server: PGlite (WASM Postgres) with its data in a
// folder, served over the Postgres wire protocol by @electric-sql/pglite-socket, so `pg`, psql
// and the Prisma client (@prisma/adapter-pg) connect to it like to any PostgreSQL.
// Queries run one at a time: a local default, not a production database.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder holding the database files; created if missing, reused across restarts. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Concurrent client connections accepted (pglite-socket's default is 1). Default 20. */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL to give to `pg`, psql, Prisma, applyMigrations… */
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  maxConnections = 20,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const host = '127.0.0.1';
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  let stopped = false;
  return {
    // PGlite accepts any user/password/database name; it has a single database, `postgres`.
    url: `postgresql://postgres:postgres@${host}:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close(); // flushes and releases the data folder
    },
  };
}
