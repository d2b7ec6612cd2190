// One workflow per employer import (docs/rules.md §3): the valid lines, checked by the API when the file
// was stored, are upserted batch after batch; the import row holds the progress.
import { ActivityFailure, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EmployerImportActivities } from './activities.ts';
import { EMPLOYER_IMPORT_BATCH_SIZE, type EmployerImportInput } from './contract.ts';

const { startEmployerImport, importEmployerBatch, finishEmployerImport } = proxyActivities<EmployerImportActivities>({
  startToCloseTimeout: '2 minutes',
});

export async function employerImport(input: EmployerImportInput): Promise<void> {
  // Resumes where the import row stands (after a continue-as-new, nothing is imported twice).
  const finish = (failed: boolean) =>
    finishEmployerImport({ importId: input.importId, finishedAt: new Date(Date.now()).toISOString(), failed });
  let progress = await startEmployerImport({ importId: input.importId });
  try {
    while (progress.processedRows < progress.totalRows) {
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof employerImport>(input);
      progress = await importEmployerBatch({
        importId: input.importId,
        from: progress.processedRows,
        size: EMPLOYER_IMPORT_BATCH_SIZE,
        at: new Date(Date.now()).toISOString(),
      });
    }
  } catch (error) {
    // A refusal (not a transient fault: those are retried) ends the import as failed, visibly.
    if (!(error instanceof ActivityFailure)) throw error;
    await finish(true);
    throw error;
  }
  await finish(false);
}
