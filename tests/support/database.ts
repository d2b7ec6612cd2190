// Each test file gets its own fresh database on the real PostgreSQL server, migrated.
import { randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { applyMigrations } from '../../server/db/migrations.ts';

/** The server the run's global set-up started or was given (TEST_DATABASE_ADMIN_URL). */
export function testDatabaseAdminUrl(): string {
  return inject('databaseAdminUrl');
}

async function admin<T>(run: (client: pg.Client) => Promise<T>, adminUrl = testDatabaseAdminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const url = new URL(testDatabaseAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = urlFor(name);
  if (options.migrate ?? true) {
    await applyMigrations(url);
    // Every test database shares one Temporal namespace, where workflow ids are unique: PASS
    // numbers (hence `parcours-<number>` ids) must not start at 1 in each of them.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`ALTER SEQUENCE "PassNumberAllocation_sequence_seq" RESTART WITH ${1 + randomInt(9_000_000)}`);
    await client.end();
  }
  return {
    url,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Fails early with a clear message when no PostgreSQL server answers. */
export async function assertPostgresReachable(adminUrl: string): Promise<void> {
  try {
    await admin((client) => client.query('SELECT 1'), adminUrl);
  } catch (error) {
    throw new Error(
      `PostgreSQL injoignable à ${adminUrl.replace(/:[^:@/]+@/, ':***@')} (${(error as Error).message}). ` +
        'Vérifiez TEST_DATABASE_ADMIN_URL, ou retirez-la pour que les tests démarrent leur propre serveur.',
    );
  }
}
