// The employer import workflow's contract (one workflow per CSV import, docs/rules.md §3). Its progress
// is read from PostgreSQL (the import row), so it has no query or update.
export const EMPLOYER_IMPORT_WORKFLOW_TYPE = 'employerImport';

export function employerImportWorkflowId(importId: string): string {
  return `employer-import-${importId}`;
}

export interface EmployerImportInput {
  importId: string;
}

/** Employers upserted per activity: small enough for a short transaction, large enough for speed. */
export const EMPLOYER_IMPORT_BATCH_SIZE = 100;
