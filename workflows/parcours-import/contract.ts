// The take-over import workflow's contract (one workflow per import of running PASS IAE,
// docs/decisions/025-take-over-import.md). Its progress is read from PostgreSQL (the import row).
export const PARCOURS_IMPORT_WORKFLOW_TYPE = 'parcoursImport';

export function parcoursImportWorkflowId(importId: string): string {
  return `parcours-import-${importId}`;
}

export interface ParcoursImportInput {
  importId: string;
}

/**
 * Lines per activity: each chunk projects its persons and PASS in a few statements and starts
 * its parcours through a bounded pool, then moves the import's progress. Large enough that the
 * pool stays full, small enough that a retried chunk redoes little.
 */
export const PARCOURS_IMPORT_CHUNK_SIZE = 1000;
