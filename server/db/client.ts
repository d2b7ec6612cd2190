// One Prisma client per process (Prisma 7, driver adapter over `pg`).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';

export type Db = PrismaClient;

/** Connections per process. */
export const DB_POOL_SIZE = 10;

/**
 * How long an interactive transaction may wait for a connection. Prisma's 2 s default made a
 * wake-up storm (a day of deadlines: hundreds of projections at once on 10 connections) fail
 * with P2028 and back off for tens of seconds; waiting in the pool's queue is cheaper
 * (docs/decisions/025-take-over-import.md). Limiting the worker's activities to the pool size
 * instead would let activities that wait on another workflow's activity (a hire opening its
 * parcours) hold every slot.
 */
export const TRANSACTION_MAX_WAIT_MS = 20_000;

export function createDb(databaseUrl: string, poolSize = DB_POOL_SIZE): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
  });
}
