// Issuing a PASS IAE number (docs/rules.md §5), one way for every caller — the administrators'
// route (POST /passes) and the hire (activities/hiring.ts): under a lock per person, the
// person's PASS as projected, a number allocated to another issuance and not yet projected
// ("under way"), and the allocation itself, once per issuance key. A person holds at most one
// valid or future PASS: the check and the allocation must not interleave with a concurrent
// (double-clicked, retried, or other employer's) issuance.
import { compareDates, type IsoDate } from '../../domain/dates.ts';
import { formatPassNumber } from '../../domain/pass/number.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { lockForTransaction } from '../db/advisory-lock.ts';
import type { Db } from '../db/client.ts';

export interface PassIssuance {
  /** The number this issuance key was already given (a retried issuance), or null. */
  ownNumber: string | null;
  /** A number allocated to another issuance whose PASS is not projected yet, or null. */
  underWay: string | null;
  /** The person's other PASS still running on the day (not cancelled, not ended): it is reused. */
  current: { number: string; end: IsoDate } | null;
  /** End date of the person's last other PASS that has ended; null if none. */
  lastEndedPassEnd: IsoDate | null;
  /** The end date of each of the person's PASS (not cancelled), by number. */
  passEnds: ReadonlyMap<string, IsoDate>;
  /** Allocates this issuance key's number (the same one on a retry) and returns it. */
  allocate(): Promise<string>;
}

/**
 * Runs `decide` in a transaction holding the person's lock, with the person's PASS situation
 * on `on`. Whatever `decide` throws rolls the allocation back.
 */
export async function withPassIssuance<T>(
  db: Db,
  request: { personId: string; issuanceKey: string; on: IsoDate; at?: Date },
  decide: (issuance: PassIssuance, tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const { personId, issuanceKey, on, at } = request;
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, personId);
    const [passes, allocations] = await Promise.all([
      tx.pass.findMany({ where: { personId, cancelled: false } }),
      tx.passNumberAllocation.findMany({ where: { personId } }),
    ]);
    const own = allocations.find((a) => a.issuanceKey === issuanceKey);
    const ownNumber = own ? formatPassNumber(own.sequence) : null;
    const underWay =
      allocations
        .map((a) => formatPassNumber(a.sequence))
        .find((n) => n !== ownNumber && !passes.some((p) => p.number === n)) ?? null;
    const others = passes.filter((p) => p.number !== ownNumber);
    const current = others.find((p) => !p.expired && compareDates(p.endDate, on) >= 0);
    const lastEnded = others
      .filter((p) => p !== current)
      .map((p) => p.endDate)
      .sort(compareDates)
      .at(-1);
    const issuance: PassIssuance = {
      ownNumber,
      underWay,
      current: current ? { number: current.number, end: current.endDate } : null,
      lastEndedPassEnd: lastEnded ?? null,
      passEnds: new Map(passes.map((p) => [p.number, p.endDate])),
      allocate: async () =>
        ownNumber ??
        formatPassNumber(
          (await tx.passNumberAllocation.create({ data: { issuanceKey, personId, ...(at ? { createdAt: at } : {}) } }))
            .sequence,
        ),
    };
    return decide(issuance, tx);
  });
}
