// A page of the audit log (docs/rules.md §9), as GET /audit returns it.
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string().meta({ format: 'date-time' }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  organization: z.object({ id: z.string(), name: z.string(), departement: z.string() }).nullable(),
  details: z.unknown(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
  scope: z.string().meta({ description: '`national` (administrateur) ou `departement:<code>`' }),
});

export type AuditEntryView = z.output<typeof auditEntrySchema>;
export type AuditPage = z.output<typeof auditPageSchema>;
