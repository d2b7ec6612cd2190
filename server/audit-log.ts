// Reading the audit log (docs/rules.md §9, §2). "A département's entries" are those written by
// an organization of the département, and those about an organization of the département
// (docs/decisions/020-dashboards.md).
import { addDays, startOfParisDay, type IsoDate } from '../domain/dates.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuditEntryView } from '../contracts/audit.ts';
import type { Db } from './db/client.ts';

export const AUDIT_PAGE_SIZE = 50;
/** A CSV export holds at most this many entries, the most recent first. */
export const AUDIT_EXPORT_MAX = 10_000;

export interface AuditFilters {
  actor?: string;
  organization?: string;
  entityType?: string;
  entityId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** The filters plus the scope as one Prisma condition; `departement` null: every entry. */
export async function auditWhere(
  db: Db,
  filters: AuditFilters,
  departement: string | null,
): Promise<Prisma.AuditEntryWhereInput> {
  const conditions: Prisma.AuditEntryWhereInput[] = [];
  if (departement) {
    const ids = (await db.organization.findMany({ where: { departement }, select: { id: true } })).map((o) => o.id);
    conditions.push({
      OR: [{ actorOrganizationId: { in: ids } }, { entityType: 'Organization', entityId: { in: ids } }],
    });
  }
  if (filters.actor) conditions.push({ actorUserId: filters.actor });
  if (filters.organization) conditions.push({ actorOrganizationId: filters.organization });
  if (filters.entityType) conditions.push({ entityType: filters.entityType });
  if (filters.entityId) conditions.push({ entityId: filters.entityId });
  // Days are Paris days (docs/rules.md §6), both ends included.
  if (filters.from) conditions.push({ occurredAt: { gte: new Date(startOfParisDay(filters.from)) } });
  if (filters.to) conditions.push({ occurredAt: { lt: new Date(startOfParisDay(addDays(filters.to, 1))) } });
  return { AND: conditions };
}

/** Entries with their actor's and organization's names, the most recent first. */
export async function readAuditEntries(
  db: Db,
  where: Prisma.AuditEntryWhereInput,
  skip: number,
  take: number,
): Promise<AuditEntryView[]> {
  const rows = await db.auditEntry.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], skip, take });
  const userIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const organizationIds = [
    ...new Set(rows.flatMap((row) => (row.actorOrganizationId ? [row.actorOrganizationId] : []))),
  ];
  const [users, organizations] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, firstName: true, lastName: true, email: true },
    }),
    db.organization.findMany({
      where: { id: { in: organizationIds } },
      select: { id: true, name: true, departement: true },
    }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
  return rows.map((row) => {
    const user = row.actorUserId ? userById.get(row.actorUserId) : undefined;
    return {
      id: String(row.id),
      occurredAt: row.occurredAt.toISOString(),
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actor: user ? { id: user.id, name: `${user.firstName} ${user.lastName}`, email: user.email } : null,
      organization: (row.actorOrganizationId && organizationById.get(row.actorOrganizationId)) || null,
      details: row.details,
    };
  });
}
