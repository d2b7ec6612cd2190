// Guards the migration workflow of docs/decisions/002-migrations.md:
// - the database built by prisma/migrations equals the one Prisma derives from schema.prisma;
// - applyMigrations keeps Prisma's bookkeeping (checksums), is idempotent, refuses edited or
//   missing migrations and rolls back a failing one.
// Runs on the test run's PostgreSQL server (tests/support/global-setup.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations, sha256Hex } from '../../server/db/migrations.ts';
import { migrateDiffScript } from '../../scripts/db/prisma-diff.ts';
import { testDatabaseAdminUrl } from '../support/database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const migrationsDir = path.join(root, 'prisma/migrations');
const schemaFile = path.join(root, 'prisma/schema.prisma');
const adminUrl = testDatabaseAdminUrl();

const suffix = `${process.pid}_${Date.now()}`;
const migratedDb = `tmp_drift_migrated_${suffix}`;
const fromSchemaDb = `tmp_drift_schema_${suffix}`;

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One line per schema object of `public`, normalized so two databases compare line by line. */
async function catalog(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const lines: string[] = [];
    const q = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
    const skip = `'_prisma_migrations'`;
    for (const r of await q(`
      SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname <> ${skip}`)) {
      lines.push(`relation ${r.name} (kind ${r.kind})`);
    }
    for (const r of await q(`
      SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity AS identity,
             a.attgenerated AS generated
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> ${skip}`)) {
      lines.push(
        `column ${r.tbl}.${r.col} ${r.type}${r.notnull ? ' NOT NULL' : ''}` +
          (r.dflt !== null ? ` DEFAULT ${r.dflt}` : '') +
          (r.identity ? ` IDENTITY ${r.identity}` : '') +
          (r.generated ? ` GENERATED ${r.generated}` : ''),
      );
    }
    for (const r of await q(`
      SELECT t.typname AS name, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`)) {
      lines.push(`enum ${r.name} (${r.labels})`);
    }
    for (const r of await q(`
      SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ${skip}`)) {
      lines.push(`index ${r.indexname}: ${r.indexdef}`);
    }
    for (const r of await q(`
      SELECT c.relname AS tbl, con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname <> ${skip}`)) {
      lines.push(`constraint ${r.tbl}.${r.name} (${r.type}): ${r.def}`);
    }
    return lines.sort();
  });
}

function catalogDiff(migrated: string[], expected: string[]): string {
  const a = new Set(migrated);
  const b = new Set(expected);
  return [
    ...migrated.filter((l) => !b.has(l)).map((l) => `- only in migrated database:   ${l}`),
    ...expected.filter((l) => !a.has(l)).map((l) => `+ only in schema.prisma's SQL: ${l}`),
  ].join('\n');
}

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

const scratch: string[] = [];

beforeAll(async () => {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE "${migratedDb}"`);
    await admin.query(`CREATE DATABASE "${fromSchemaDb}"`);
  });
}, 30_000);

afterAll(async () => {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${migratedDb}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${fromSchemaDb}" WITH (FORCE)`);
  });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('prisma/migrations vs prisma/schema.prisma', () => {
  it('builds the same database as the schema (no drift)', async () => {
    expect(listMigrations(migrationsDir).length, 'prisma/migrations has no migration').toBeGreaterThan(0);
    await applyMigrations(urlFor(migratedDb), migrationsDir);

    const work = mkdtempSync(path.join(tmpdir(), 'drift-'));
    scratch.push(work);
    const sql = migrateDiffScript({ from: null, to: readFileSync(schemaFile, 'utf8'), workDir: work });
    await withClient(urlFor(fromSchemaDb), (client) => client.query(sql));

    const diff = catalogDiff(await catalog(urlFor(migratedDb)), await catalog(urlFor(fromSchemaDb)));
    if (diff !== '') {
      throw new Error(
        'The database built by prisma/migrations differs from prisma/schema.prisma:\n' +
          diff +
          '\nAuthor the missing migration with `npx tsx scripts/db/new-migration.ts <name>` ' +
          '(see docs/decisions/002-migrations.md).',
      );
    }
  }, 60_000);
});

describe('applyMigrations', () => {
  it('is idempotent and records Prisma-compatible bookkeeping rows', async () => {
    const url = urlFor(migratedDb);
    await applyMigrations(url, migrationsDir); // no-op if the drift test ran first
    expect(await applyMigrations(url, migrationsDir)).toEqual([]);

    const rows = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs, applied_steps_count
           FROM _prisma_migrations ORDER BY migration_name`,
          )
        ).rows,
    );
    const onDisk = listMigrations(migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = path.join(migrationsDir, row.migration_name, 'migration.sql');
      expect(row.checksum).toBe(sha256Hex(readFileSync(file)));
      expect(row.checksum).toBe(onDisk[i]?.checksum);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const columns = await withClient(url, async (c) =>
      (
        await c.query(
          `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
           ORDER BY ordinal_position`,
        )
      ).rows.map((r) =>
        `${r.column_name} ${r.data_type}${r.len ? `(${r.len})` : ''} ${r.is_nullable} ${r.column_default ?? ''}`.trim(),
      ),
    );
    expect(columns).toEqual([
      'id character varying(36) NO',
      'checksum character varying(64) NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying(255) NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO now()',
      'applied_steps_count integer NO 0',
    ]);
  }, 60_000);

  it('refuses an edited or a missing applied migration', async () => {
    const url = urlFor(migratedDb);
    await applyMigrations(url, migrationsDir);
    const first = listMigrations(migrationsDir)[0]!;

    const edited = copyMigrations();
    scratch.push(edited);
    appendFileSync(path.join(edited, first.name, 'migration.sql'), '\n-- edited\n');
    await expect(applyMigrations(url, edited)).rejects.toThrow(/was modified after it was applied/);

    const missing = copyMigrations();
    scratch.push(missing);
    rmSync(path.join(missing, first.name), { recursive: true });
    await expect(applyMigrations(url, missing)).rejects.toThrow(/missing from/);
  }, 60_000);

  it('rolls back a failing migration and records nothing', async () => {
    const url = urlFor(migratedDb);
    await applyMigrations(url, migrationsDir);
    const dir = copyMigrations();
    scratch.push(dir);
    mkdirSync(path.join(dir, '99991231235959_broken'));
    writeFileSync(
      path.join(dir, '99991231235959_broken', 'migration.sql'),
      'CREATE TABLE "ShouldNotExist" (id int);\nSELECT 1 / 0;\n',
    );
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /"99991231235959_broken" failed and was rolled back: division by zero/,
    );
    const state = await withClient(url, async (c) => ({
      table: (await c.query(`SELECT to_regclass('public."ShouldNotExist"') AS t`)).rows[0].t,
      rows: (await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name LIKE '%broken'`))
        .rows[0].n,
    }));
    expect(state).toEqual({ table: null, rows: 0 });
  }, 60_000);
});
