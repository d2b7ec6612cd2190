// Reads of personal data are audited, lists and searches included (docs/rules.md §9): one
// entry per read, never merged with another read (no idempotency across reads).
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import { writeAudit } from '../server/audit.ts';
import type { Actor } from './auth/actor.ts';
import type { Deps } from './route.ts';

export interface ReadEntry {
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

export async function auditRead(deps: Deps, actor: Actor, entry: ReadEntry): Promise<void> {
  const now = deps.clock.now();
  await writeAudit(deps.db, {
    ...entry,
    key: `${entry.action}:${entry.entityId}:${actor.sessionId}:${now.getTime()}:${randomUUID()}`,
    actorUserId: actor.userId,
    actorOrganizationId: actor.organization.id,
    occurredAt: now,
  });
}
