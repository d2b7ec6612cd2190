// The activities the take-over import workflow calls: activities/parcours-import.ts implements them
// (docs/decisions/011-workflow-kit.md).

export interface ParcoursImportProgress {
  totalRows: number;
  processedRows: number;
}

export interface ParcoursImportActivities {
  /** Marks the import running and reserves its PASS numbers; returns where it stands (a resumed import goes on from there). */
  startParcoursImport(input: { importId: string; at: string }): Promise<ParcoursImportProgress>;
  /**
   * Takes over the valid lines [from, from + size): persons and PASS projected in batches, one
   * parcours workflow started per line (an already running one counts as « déjà repris »).
   * Moves the progress once, even if retried.
   */
  importParcoursChunk(input: {
    importId: string;
    from: number;
    size: number;
    at: string;
  }): Promise<ParcoursImportProgress>;
  finishParcoursImport(input: { importId: string; finishedAt: string; failed?: boolean }): Promise<void>;
}
