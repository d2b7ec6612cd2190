// The embedded default database is a real PostgreSQL server (decision 004): its data survives
// a restart, concurrent sessions never see each other's queries (what PGlite got wrong), and a
// server orphaned by a killed parent does not keep the next start from working.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres.ts';
import { applyMigrations, listMigrations } from '../../server/db/migrations.ts';
import { freePort } from '../../server/free-port.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratchDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'embedded-pg-'));
  chmodSync(dir, 0o755); // the server runs as the `postgres` user when the tests run as root
  scratch.push(dir);
  return path.join(dir, 'data');
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps its data across restarts, and migrations apply once', async () => {
    const dataDir = scratchDir();
    const port = await freePort();
    let db = await startEmbeddedPostgres({ dataDir, port });
    try {
      const names = listMigrations(path.join(root, 'prisma/migrations')).map((m) => m.name);
      expect(await applyMigrations(db.url)).toEqual(names);
      await query(db.url, `INSERT INTO "DepartementSetting" (code, "updatedAt") VALUES ('59', now())`);
    } finally {
      await db.stop();
    }
    db = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await applyMigrations(db.url)).toEqual([]);
      expect(await query(db.url, `SELECT code FROM "DepartementSetting"`)).toEqual([{ code: '59' }]);
    } finally {
      await db.stop();
    }
  }, 120_000);

  it('answers each of many concurrent queries with its own result', async () => {
    const db = await startEmbeddedPostgres({ dataDir: scratchDir(), port: await freePort(), durability: 'fast' });
    const pool = new pg.Pool({ connectionString: db.url, max: 20 });
    pool.on('error', () => {}); // idle sessions closed by the server's shutdown
    try {
      // Prepared statements with different parameter counts, interleaved, as the API's
      // Promise.all reads are: one shared session would mix their bind messages.
      const answers = await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          i % 2
            ? pool.query('SELECT $1::int + $2::int AS v, pg_backend_pid() AS pid', [i, 1000]).then((r) => r.rows[0].v)
            : pool.query('SELECT $1::text AS v, pg_sleep(0.001)', [`q${i}`]).then((r) => r.rows[0].v),
        ),
      );
      expect(answers).toEqual(Array.from({ length: 400 }, (_, i) => (i % 2 ? i + 1000 : `q${i}`)));
      const sessions = await pool.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()',
      );
      expect(sessions.rows[0].n).toBeGreaterThan(1);
    } finally {
      await pool.end();
      await db.stop();
    }
  }, 120_000);

  it('starts on a folder whose server was orphaned by a killed process', async () => {
    const dataDir = scratchDir();
    const port = await freePort();
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(root, 'server/db/embedded-postgres.ts'))};
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: db.url }); await c.connect();
      await c.query('CREATE TABLE survived (n int)'); await c.query('INSERT INTO survived VALUES (7)'); await c.end();
      console.log('ready'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL'); // the server it started keeps running, holding the folder and the port
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await query(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'SELECT 1 AS one')).toEqual([
      { one: 1 },
    ]);

    const db = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(db.url, 'SELECT n FROM survived')).toEqual([{ n: 7 }]);
    } finally {
      await db.stop();
    }
  }, 120_000);
});
