// Replays recorded histories of every workflow type against the current code: a change that
// would break running cases (non-determinism) fails here. Record new ones with
// RECORD_HISTORIES=1 (cases.recordHistory in tests/workflows/*.test.ts) and commit them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import * as workflows from '../../workflows/index.ts';
import { installQuietRuntime } from '../support/temporal-env.ts';
import { HISTORIES_DIR, workflowBundle } from '../support/workflow-cases.ts';

const historiesDir = fileURLToPath(HISTORIES_DIR);
const files = readdirSync(historiesDir).filter((name) => name.endsWith('.json'));
const historyOf = (file: string) => JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8'));

describe('replay of recorded workflow histories', () => {
  it('every workflow type the worker runs has at least one recorded history', () => {
    const recorded = new Set(
      files.map((file) => historyOf(file).events[0].workflowExecutionStartedEventAttributes.workflowType.name),
    );
    expect(Object.keys(workflows).filter((type) => !recorded.has(type))).toEqual([]);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    installQuietRuntime();
    const workflowBundleCode = await workflowBundle();
    await expect(
      Worker.runReplayHistory({ workflowBundle: workflowBundleCode }, historyOf(file), file),
    ).resolves.toBeUndefined();
  });
});
