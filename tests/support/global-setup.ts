// Once per run of the integration and browser projects: a real PostgreSQL server (the embedded
// one in a throw-away folder, unless TEST_DATABASE_ADMIN_URL names another server) and one
// Temporal dev server. Each test file then gets its own database and task queue.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../server/db/embedded-postgres.ts';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { assertPostgresReachable } from './database.ts';
import { startDevServerEnv } from './temporal-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = process.env.TEST_DATABASE_ADMIN_URL ? undefined : await startThrowawayPostgres();
  const databaseAdminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? postgres!.url;
  await assertPostgresReachable(databaseAdminUrl);
  const env = await startDevServerEnv({ searchAttributes: Object.values(SEARCH_ATTRIBUTES) });
  project.provide('temporalAddress', env.address);
  project.provide('databaseAdminUrl', databaseAdminUrl);
  return async () => {
    await env.teardown();
    await postgres?.stop();
  };
}
