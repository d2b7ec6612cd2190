// One workflow per take-over import (docs/decisions/025-take-over-import.md): the valid lines, checked
// when the file was stored, are taken over chunk after chunk; the import row holds the progress,
// so a run killed half-way (worker or server) goes on from the last chunk done.
import { ActivityFailure, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ParcoursImportActivities } from './activities.ts';
import { PARCOURS_IMPORT_CHUNK_SIZE, type ParcoursImportInput } from './contract.ts';

const { startParcoursImport, finishParcoursImport } = proxyActivities<ParcoursImportActivities>({
  startToCloseTimeout: '1 minute',
});
// A chunk heartbeats at every start: a killed worker's chunk is retried within 30 s (room for a
// fresh worker to parse and check a national file, 240,000 lines, before its first heartbeat).
const { importParcoursChunk } = proxyActivities<ParcoursImportActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function parcoursImport(input: ParcoursImportInput): Promise<void> {
  const now = () => new Date(Date.now()).toISOString();
  let progress = await startParcoursImport({ importId: input.importId, at: now() });
  try {
    while (progress.processedRows < progress.totalRows) {
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof parcoursImport>(input);
      progress = await importParcoursChunk({
        importId: input.importId,
        from: progress.processedRows,
        size: PARCOURS_IMPORT_CHUNK_SIZE,
        at: now(),
      });
    }
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await finishParcoursImport({ importId: input.importId, finishedAt: now(), failed: true });
    throw error;
  }
  await finishParcoursImport({ importId: input.importId, finishedAt: now() });
}
