// Applies Prisma-layout migrations (prisma/migrations/<timestamp>_<name>/migration.sql) with `pg`,
// keeping Prisma's bookkeeping table `_prisma_migrations` so that `prisma migrate deploy` /
// `migrate status` on a machine with Prisma's native engine see the same history.
// Why we do not call Prisma here: docs/decisions/002-migrations.md.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository's migrations folder. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Same key as Prisma Migrate (`pg_advisory_lock(72707369)`), so our runner and Prisma exclude each other. */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/** Prisma's own DDL (prisma-engines, sql-schema-connector, flavour/postgres.rs `create_migrations_table`). */
export const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrationOnDisk {
  name: string;
  file: string;
  sql: string;
  /** sha256 hex of migration.sql's bytes, as Prisma computes it. */
  checksum: string;
}

export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Prisma accepts a checksum computed before or after a CRLF <-> LF conversion (git autocrlf). */
function checksumMatches(recorded: string, content: Buffer): boolean {
  if (recorded === sha256Hex(content)) return true;
  // Same variants as prisma-engines' `script_matches_checksum`.
  const text = content.toString('utf8');
  return recorded === sha256Hex(text.replace(/\r\n/g, '\n')) || recorded === sha256Hex(text.replace(/\n/g, '\r\n'));
}

export function listMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): MigrationOnDisk[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort() // Prisma orders migration folders lexicographically: the timestamp prefix gives the order.
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      const bytes = readFileSync(file);
      return { name, file, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    });
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface ApplyOptions {
  /** Called once per migration applied. */
  onApplied?: (name: string) => void;
}

/**
 * Applies pending migrations of `migrationsDir` to `databaseUrl`, each in its own transaction.
 * Refuses, before applying anything, when an applied migration is missing on disk, was edited
 * after being applied, or a previous attempt failed (Prisma's P3009 state).
 * Returns the names applied, in order (empty when the database is up to date).
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
  options: ApplyOptions = {},
): Promise<string[]> {
  const onDisk = listMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
    try {
      await client.query(PRISMA_MIGRATIONS_TABLE_DDL);
      const { rows } = await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
           FROM _prisma_migrations ORDER BY started_at, migration_name`,
      );
      const recorded = rows.filter((row) => row.rolled_back_at === null);

      const failed = recorded.filter((row) => row.finished_at === null);
      if (failed.length > 0) {
        throw new MigrationError(
          `Migration ${failed.map((r) => `"${r.migration_name}"`).join(', ')} started but did not finish ` +
            `(row in _prisma_migrations with finished_at NULL). Fix the database by hand, then mark it ` +
            `(prisma migrate resolve --applied/--rolled-back, or set rolled_back_at) before retrying.` +
            (failed[0]?.logs ? `\nLogs: ${failed[0].logs}` : ''),
        );
      }

      const byName = new Map(onDisk.map((m) => [m.name, m]));
      const applied = new Set<string>();
      for (const row of recorded) {
        const local = byName.get(row.migration_name);
        if (!local) {
          throw new MigrationError(
            `Migration "${row.migration_name}" is recorded as applied in _prisma_migrations but is missing ` +
              `from ${migrationsDir}. Restore it (never delete applied migrations).`,
          );
        }
        if (!checksumMatches(row.checksum, readFileSync(local.file))) {
          throw new MigrationError(
            `Migration "${row.migration_name}" was modified after it was applied ` +
              `(recorded checksum ${row.checksum}, file has ${local.checksum}). ` +
              `Restore the original migration.sql and put the change in a new migration.`,
          );
        }
        applied.add(row.migration_name);
      }

      const done: string[] = [];
      for (const migration of onDisk.filter((m) => !applied.has(m.name))) {
        try {
          await client.query('BEGIN');
          const id = randomUUID();
          await client.query(
            `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, migration.checksum, migration.name],
          );
          // No parameters: pg uses the simple query protocol, which runs a multi-statement script.
          await client.query(migration.sql);
          await client.query(
            `UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const message = error instanceof Error ? error.message : String(error);
          throw new MigrationError(
            `Migration "${migration.name}" failed and was rolled back: ${message}` +
              (done.length ? `\n(Applied before the failure: ${done.join(', ')})` : ''),
            { cause: error },
          );
        }
        done.push(migration.name);
        options.onApplied?.(migration.name);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
