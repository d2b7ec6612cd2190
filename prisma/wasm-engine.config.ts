// Configuration for Prisma 6.19 (npm alias `prisma-wasm-engine`), used ONLY to author
// migrations with its bundled WASM schema engine: `migrate diff` between two schema files.
// Driven by scripts/db/new-migration.ts; see docs/decisions/002-migrations.md.
//
// `engine: 'js'` requires a driver adapter, and the engine opens it once to probe the server
// (`SELECT EXISTS(...pg_namespace...), version(), current_setting('server_version_num')`)
// even when diffing two schema files. This offline adapter answers that probe as
// PostgreSQL 15 and refuses everything else, so authoring never needs a database.
import { defineConfig } from 'prisma-wasm-engine/config';

const BOOLEAN = 5; // ColumnTypeEnum from @prisma/driver-adapter-utils
const TEXT = 7;
const INT32 = 0;

function offline(what: string): never {
  throw new Error(`prisma/wasm-engine.config.ts: offline adapter, refusing ${what}`);
}

const connection = {
  provider: 'postgres' as const,
  adapterName: '@prisma/adapter-pg',
  async queryRaw(query: { sql: string }) {
    if (query.sql.includes('server_version_num')) {
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [BOOLEAN, TEXT, INT32],
        rows: [[true, 'PostgreSQL 15.0 (offline adapter)', 150000]],
      };
    }
    return offline(`query: ${query.sql}`);
  },
  async executeRaw(query: { sql: string }) {
    return offline(`statement: ${query.sql}`);
  },
  async executeScript() {
    return offline('a script');
  },
  async startTransaction() {
    return offline('a transaction');
  },
  getConnectionInfo() {
    return { schemaName: 'public', supportsRelationJoins: true };
  },
  async dispose() {},
};

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  adapter: async () =>
    ({
      provider: 'postgres',
      adapterName: '@prisma/adapter-pg',
      connect: async () => connection,
      connectToShadowDb: async () => connection,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a minimal stand-in for the adapter type
    }) as any,
});
