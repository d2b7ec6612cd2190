// What a hire leaves behind, counted in PostgreSQL: the application accepted with its PASS
// number, exactly one PASS row and one number allocation for the person, one `accept`
// transition, one « Candidature acceptée » notice to the sender naming the PASS.
import type { Db } from '../../server/db/client.ts';

export interface HireCount {
  hires: number;
  /** Hires that did not end accepted with their PASS, transition and notice. */
  lost: number;
  /** Extra rows: a second PASS, number, transition or notice for one hire. */
  doubled: number;
}

export async function countHires(db: Db, hires: { personId: string; applicationId: string }[]): Promise<HireCount> {
  const personIds = hires.map((h) => h.personId);
  const applicationIds = hires.map((h) => h.applicationId);
  const [applications, passes, allocations, transitions, notices] = await Promise.all([
    db.application.findMany({
      where: { id: { in: applicationIds } },
      select: { id: true, state: true, passNumber: true },
    }),
    db.pass.groupBy({ by: ['personId'], where: { personId: { in: personIds } }, _count: true }),
    db.passNumberAllocation.groupBy({ by: ['personId'], where: { personId: { in: personIds } }, _count: true }),
    db.applicationTransition.groupBy({
      by: ['applicationId'],
      where: { applicationId: { in: applicationIds }, transition: 'accept' },
      _count: true,
    }),
    db.notification.findMany({ where: { subject: 'Candidature acceptée' }, select: { body: true } }),
  ]);
  const count = <K extends string>(rows: ({ _count: number } & Record<K, string | null>)[], key: K) =>
    new Map(rows.map((row) => [row[key] as string, row._count]));
  const passCount = count(passes, 'personId');
  const allocationCount = count(allocations, 'personId');
  const acceptCount = count(transitions, 'applicationId');
  const byId = new Map(applications.map((a) => [a.id, a]));
  let lost = 0;
  let doubled = 0;
  for (const { personId, applicationId } of hires) {
    const application = byId.get(applicationId);
    const number = application?.passNumber;
    const noticeCount = number ? notices.filter((n) => n.body.includes(number)).length : 0;
    const counts = [
      passCount.get(personId) ?? 0,
      allocationCount.get(personId) ?? 0,
      acceptCount.get(applicationId) ?? 0,
      noticeCount,
    ];
    if (application?.state !== 'accepted' || !number || counts.some((n) => n === 0)) lost += 1;
    doubled += counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  }
  return { hires: hires.length, lost, doubled };
}
