// Audit log writes (docs/rules.md §9). Keys make retried writes idempotent: the same key is written once.
import type { Prisma } from '../generated/prisma/client.ts';

export interface AuditRecord {
  key: string;
  action: string;
  entityType: string;
  entityId: string;
  actorUserId?: string | null;
  actorOrganizationId?: string | null;
  details?: Prisma.InputJsonValue;
  /** Workflow time in activities, the injected clock elsewhere (docs/rules.md §6). */
  occurredAt: Date;
}

type AuditWriter = { auditEntry: Prisma.TransactionClient['auditEntry'] };

export async function writeAudit(db: AuditWriter, record: AuditRecord): Promise<void> {
  await db.auditEntry.createMany({ data: [{ ...record, details: record.details ?? {} }], skipDuplicates: true });
}
