// Applies pending migrations of prisma/migrations to DATABASE_URL (see docs/decisions/002-migrations.md).
// Usage: DATABASE_URL=postgresql://... npx tsx scripts/db/migrate.ts [migrationsDir]
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError } from '../../server/db/migrations.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const migrationsDir = process.argv[2] ?? DEFAULT_MIGRATIONS_DIR;
const redacted = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

try {
  const applied = await applyMigrations(databaseUrl, migrationsDir, {
    onApplied: (name) => console.log(`applied ${name}`),
  });
  console.log(
    applied.length === 0
      ? `${redacted}: up to date, no migration applied.`
      : `${redacted}: ${applied.length} migration(s) applied.`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? `migrate: ${error.message}` : error);
  process.exit(1);
}
