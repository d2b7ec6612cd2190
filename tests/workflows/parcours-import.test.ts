// The take-over import workflow on the time-skipping test server (docs/decisions/025-take-over-import.md):
// chunk after chunk from where the import row stands, a chunk retried after a failed attempt
// (a killed worker) applied once, then finished; a refused chunk ends it as failed. The
// activities keep the import row in memory with the guard of activities/parcours-import.ts;
// PostgreSQL and Temporal are proven by tests/integration/parcours-import.test.ts.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { ParcoursImportActivities } from '../../workflows/parcours-import/activities.ts';
import { PARCOURS_IMPORT_CHUNK_SIZE, parcoursImportWorkflowId } from '../../workflows/parcours-import/contract.ts';
import { useWorkflowCases } from '../support/workflow-cases.ts';

const cases = useWorkflowCases();

async function startImport(totalRows: number, { processedRows = 0, failOnceAt = -1, refuseFrom = -1 } = {}) {
  const row = { totalRows, processedRows, state: 'PENDING', finishedAt: null as string | null };
  const chunks: number[] = [];
  let failed = false;
  const progress = () => ({ totalRows: row.totalRows, processedRows: row.processedRows });
  const activities: ParcoursImportActivities = {
    startParcoursImport: async () => {
      if (row.state === 'PENDING') row.state = 'RUNNING';
      return progress();
    },
    importParcoursChunk: async ({ from, size }) => {
      if (from !== row.processedRows) return progress();
      if (from === refuseFrom)
        throw ApplicationFailure.nonRetryable('Le fichier importé ne correspond plus à sa vérification.');
      if (from === failOnceAt && !failed) {
        failed = true;
        throw new Error('worker tué au milieu du lot');
      }
      chunks.push(from);
      row.processedRows = Math.min(row.totalRows, from + size);
      return progress();
    },
    finishParcoursImport: async ({ finishedAt, failed: hasFailed }) => {
      if (row.state !== 'PENDING' && row.state !== 'RUNNING') return;
      Object.assign(row, { state: hasFailed ? 'FAILED' : 'DONE', finishedAt });
    },
  };
  const c = await cases.startCase('parcours-import', activities);
  const importId = randomUUID();
  const handle = await c.start('parcoursImport', {
    workflowId: parcoursImportWorkflowId(importId),
    args: [{ importId }],
  });
  return { ...c, handle, row, chunks };
}

describe('the take-over import workflow', () => {
  it('takes over chunk after chunk; a chunk whose attempt failed is retried and counted once; then finishes', async () => {
    const c = await startImport(2 * PARCOURS_IMPORT_CHUNK_SIZE + 10, { failOnceAt: PARCOURS_IMPORT_CHUNK_SIZE });
    await c.handle.result();
    expect(c.chunks).toEqual([0, PARCOURS_IMPORT_CHUNK_SIZE, 2 * PARCOURS_IMPORT_CHUNK_SIZE]);
    expect(c.row).toMatchObject({ state: 'DONE', processedRows: 2 * PARCOURS_IMPORT_CHUNK_SIZE + 10 });
    await cases.recordHistory(c.handle, 'parcours-import-in-chunks');
    await c.stop();
  });

  it('a resumed import goes on from where the import row stands', async () => {
    const c = await startImport(PARCOURS_IMPORT_CHUNK_SIZE + 5, { processedRows: PARCOURS_IMPORT_CHUNK_SIZE });
    await c.handle.result();
    expect(c.chunks).toEqual([PARCOURS_IMPORT_CHUNK_SIZE]);
    expect(c.row.state).toBe('DONE');
    await c.stop();
  });

  it('a refused chunk ends the import as failed and fails the workflow', async () => {
    const c = await startImport(PARCOURS_IMPORT_CHUNK_SIZE + 5, { refuseFrom: PARCOURS_IMPORT_CHUNK_SIZE });
    await expect(c.handle.result()).rejects.toMatchObject({
      cause: { cause: { message: 'Le fichier importé ne correspond plus à sa vérification.' } },
    });
    expect(c.row).toMatchObject({ state: 'FAILED', processedRows: PARCOURS_IMPORT_CHUNK_SIZE });
    await c.stop();
  });
});
