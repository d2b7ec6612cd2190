// The activities the employer import workflow calls, as it needs them:
// activities/employer-imports.ts implements them (docs/decisions/011-workflow-kit.md).

export interface EmployerImportProgress {
  totalRows: number;
  processedRows: number;
}

export interface EmployerImportActivities {
  /** Marks an employer import running; returns where it stands (a resumed import goes on from there). */
  startEmployerImport(input: { importId: string }): Promise<EmployerImportProgress>;
  /** Upserts the valid rows [from, from + size) of the import; applied once even if retried. */
  importEmployerBatch(input: {
    importId: string;
    from: number;
    size: number;
    /** Workflow time (ISO instant): the creation time of the employers it adds. Older histories lack it. */
    at?: string;
  }): Promise<EmployerImportProgress>;
  /** `finishedAt`: workflow time (ISO instant), so a controlled clock shows in the import too. */
  finishEmployerImport(input: { importId: string; finishedAt: string; failed?: boolean }): Promise<void>;
}
