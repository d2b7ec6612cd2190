// One Prisma client per process (Prisma 7, driver adapter over `pg`).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';

export type Db = PrismaClient;

/**
 * Connections per process. The worker runs at most this many activities at once (worker/create.ts):
 * more would wait for a connection, and an interactive transaction waiting over 2 s fails (P2028).
 */
export const DB_POOL_SIZE = 10;

export function createDb(databaseUrl: string, poolSize = DB_POOL_SIZE): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
