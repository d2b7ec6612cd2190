// The audit log (docs/rules.md §9): a page of GET /audit, or GET /audit.csv, with the same filters.
import { auditPageSchema, type AuditPage } from '$contracts/audit.ts';
import { requestFile, requestJson, type Caller } from './api';

export const AUDIT_FILTERS = ['actor', 'organization', 'entityType', 'entityId', 'from', 'to'] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTERS)[number], string>;

/** The filters of the page's address, blank ones left out. */
export function auditFiltersOf(url: URL): AuditFilterValues {
  return Object.fromEntries(
    AUDIT_FILTERS.map((name) => [name, (url.searchParams.get(name) ?? '').trim()]),
  ) as AuditFilterValues;
}

function search(filters: AuditFilterValues, page?: number): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const auditApi = {
  page: (caller: Caller, filters: AuditFilterValues, page: number): Promise<AuditPage> =>
    requestJson('GET', `/audit${search(filters, page)}`, caller, auditPageSchema),
  csv: (caller: Caller, filters: AuditFilterValues): Promise<Response> =>
    requestFile(`/audit.csv${search(filters)}`, caller),
  search,
};
