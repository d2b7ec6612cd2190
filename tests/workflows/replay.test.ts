// Replays recorded histories of every workflow type against the current code: a change that
// would break running cases (non-determinism) fails here. Record new ones with
// RECORD_HISTORIES=1 (see tests/workflows/*.test.ts) and commit them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/create.ts';
import { installQuietRuntime } from '../support/temporal-env.ts';

const historiesDir = fileURLToPath(new URL('./histories/', import.meta.url));
const files = readdirSync(historiesDir).filter((name) => name.endsWith('.json'));

describe('replay of recorded workflow histories', () => {
  it('there are recorded histories', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    installQuietRuntime();
    const history = JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8'));
    await expect(Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history, file)).resolves.toBeUndefined();
  });
});
