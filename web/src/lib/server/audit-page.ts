// Loads a page of the audit log for /journal and /admin/journal (docs/rules.md §9). A filter
// the API refuses (400) is shown on the page with the API's French message.
import type { RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom } from './access';
import { ApiError, callerOf } from './api';
import { auditApi, auditFiltersOf } from './audit-api';

export async function loadAuditPage(event: RequestEvent, basePath: string) {
  const filters = auditFiltersOf(event.url);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
  const exportHref = `${basePath}/export.csv${auditApi.search(filters)}`;
  try {
    return { filters, exportHref, basePath, log: await auditApi.page(callerOf(event), filters, page), error: null };
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) {
      const details = err.details
        .map((detail) => (detail as { message?: string }).message)
        .filter((message): message is string => Boolean(message));
      return { filters, exportHref, basePath, log: null, error: [err.message, ...details].join(' ') };
    }
    pageErrorFrom(err, event);
  }
}

export async function auditCsv(event: RequestEvent) {
  return auditApi.csv(callerOf(event), auditFiltersOf(event.url));
}
