// One Temporal dev server for all integration and browser test files (each file uses its own
// task queue and database), so the server starts once per run.
import type { TestProject } from 'vitest/node';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.ts';
import { assertPostgresReachable } from './database.ts';
import { startDevServerEnv } from './temporal-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject) {
  await assertPostgresReachable();
  const env = await startDevServerEnv({ searchAttributes: Object.values(SEARCH_ATTRIBUTES) });
  project.provide('temporalAddress', env.address);
  return async () => {
    await env.teardown();
  };
}
