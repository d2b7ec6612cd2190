// The project's custom search attributes: business keys only, never personal data (docs/rules.md §11).
// Registered at dev-server start (scripts/platform.ts, tests) and by the compose setup job.
import { defineSearchAttributeKey } from '@temporalio/common';

export const SEARCH_ATTRIBUTES = {
  departement: defineSearchAttributeKey('Departement', 'KEYWORD'),
} as const;
