// The employer import workflow on the time-skipping test server (docs/rules.md §3): the valid
// lines upserted batch after batch from where the import row stands, then the import finished
// at workflow time; a refused batch ends it as failed, visibly. The activities keep the import
// row in memory with the same guard as activities/employer-imports.ts (a batch applies only
// from the row's progress); PostgreSQL is proven by tests/integration/employer-imports.test.ts.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { EmployerImportActivities } from '../../workflows/employer-import/activities.ts';
import { EMPLOYER_IMPORT_BATCH_SIZE, employerImportWorkflowId } from '../../workflows/employer-import/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases();

interface ImportRow {
  totalRows: number;
  processedRows: number;
  state: 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';
  finishedAt: string | null;
}

/** An import of `totalRows` valid lines, `processedRows` of them already done; `refuseFrom`: the batch starting there is refused. */
async function startImport(totalRows: number, { processedRows = 0, refuseFrom = -1 } = {}) {
  const row: ImportRow = { totalRows, processedRows, state: 'PENDING', finishedAt: null };
  const batches: number[] = [];
  const progress = () => ({ totalRows: row.totalRows, processedRows: row.processedRows });
  const activities: EmployerImportActivities = {
    startEmployerImport: async () => {
      if (row.state === 'PENDING') row.state = 'RUNNING';
      return progress();
    },
    importEmployerBatch: async ({ from, size }) => {
      if (from !== row.processedRows) return progress();
      if (from === refuseFrom) {
        throw ApplicationFailure.nonRetryable('Le fichier importé ne correspond plus à sa vérification.');
      }
      batches.push(from);
      row.processedRows = Math.min(row.totalRows, from + size);
      return progress();
    },
    finishEmployerImport: async ({ finishedAt, failed }) => {
      if (row.state !== 'PENDING' && row.state !== 'RUNNING') return;
      Object.assign(row, { state: failed ? 'FAILED' : 'DONE', finishedAt });
    },
  };
  const c = await cases.startCase('employer-import', activities);
  const importId = randomUUID();
  const startedAt = await c.env.currentTimeMs();
  const handle = await c.start('employerImport', {
    workflowId: employerImportWorkflowId(importId),
    args: [{ importId }],
  });
  return { ...c, handle, row, batches, startedAt };
}

describe('the employer import workflow', () => {
  it('imports the valid lines batch after batch, then finishes the import at workflow time', async () => {
    const c = await startImport(2 * EMPLOYER_IMPORT_BATCH_SIZE + 50);
    await c.handle.result();
    expect(c.batches).toEqual([0, EMPLOYER_IMPORT_BATCH_SIZE, 2 * EMPLOYER_IMPORT_BATCH_SIZE]);
    expect(c.row).toMatchObject({ state: 'DONE', processedRows: 2 * EMPLOYER_IMPORT_BATCH_SIZE + 50 });
    // Workflow time, not the worker's clock: minutes after the start on the test server's clock.
    expect(Date.parse(c.row.finishedAt!) - c.startedAt).toBeGreaterThanOrEqual(0);
    expect(Date.parse(c.row.finishedAt!) - c.startedAt).toBeLessThan(60_000);
    await cases.recordHistory(c.handle, 'employer-import-in-batches');
    await c.stop();
  });

  it('a resumed import goes on from where the import row stands: nothing is imported twice', async () => {
    const c = await startImport(250, { processedRows: 200 });
    await c.handle.result();
    expect(c.batches).toEqual([200]);
    expect(c.row.state).toBe('DONE');
    await c.stop();
  });

  it('a refused batch ends the import as failed, keeps what was imported, and fails the workflow', async () => {
    const c = await startImport(250, { refuseFrom: EMPLOYER_IMPORT_BATCH_SIZE });
    await expect(c.handle.result()).rejects.toMatchObject({
      cause: { cause: { message: 'Le fichier importé ne correspond plus à sa vérification.' } },
    });
    expect(c.batches).toEqual([0]);
    expect(c.row).toMatchObject({ state: 'FAILED', processedRows: EMPLOYER_IMPORT_BATCH_SIZE });
    await c.stop();
  });

  it('an import with no line left finishes at once, without a batch', async () => {
    const c = await startImport(0);
    await c.handle.result();
    expect(c.batches).toEqual([]);
    expect(c.row.state).toBe('DONE');
    await c.stop();
  });
});
