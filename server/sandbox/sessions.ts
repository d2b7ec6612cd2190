// Sessions and API tokens last a stretch of the user's real time: an advance of the sandbox's
// clock must not sign everyone out (docs/rules.md §12). Every session open before the advance
// has its expiry moved by the same amount; revoked ones stay revoked.
import type { Db } from '../db/client.ts';

export async function carrySessionsAcross(db: Db, from: Date, to: Date): Promise<number> {
  const shiftMs = to.getTime() - from.getTime();
  return db.$executeRaw`
    UPDATE "Session"
       SET "expiresAt" = "expiresAt" + make_interval(secs => ${shiftMs / 1000})
     WHERE "revokedAt" IS NULL AND "expiresAt" > ${from}`;
}
