// Prisma 7 CLI configuration. Only `prisma generate` is used with this CLI here;
// migrations are authored and applied as described in docs/decisions/002-migrations.md.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
