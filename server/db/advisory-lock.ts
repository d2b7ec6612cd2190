// The one place that takes a PostgreSQL advisory lock for a business key: held until the
// transaction ends, so two requests on the same key (a person, a person and an employer)
// check and write one after the other.
import type { Prisma } from '../../generated/prisma/client.ts';

export async function lockForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
