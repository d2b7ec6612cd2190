// What the message contracts of every workflow share, imported by the workflows, the
// activities, the API and the web server alike (docs/decisions/011-workflow-kit.md).

/** Who did it, for the audit log and the history; both null when the platform acts (a deadline). */
export interface ActedBy {
  userId: string | null;
  organizationId: string | null;
}
