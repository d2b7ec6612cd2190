// The SIAE eligible for a control (docs/rules.md §8), read from the hires: the facts of each
// accepted hire of the département and period, judged by domain/controls/selection.ts.
import {
  eligibleSiaes,
  type ControlPeriod,
  type EligibleSiae,
  type HireForControl,
} from '../../domain/controls/selection.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import type { Db } from '../db/client.ts';

export async function findEligibleSiaes(
  db: Db,
  { departement, period }: { departement: string; period: ControlPeriod },
): Promise<(EligibleSiae & { certified: boolean })[]> {
  const rows = await db.application.findMany({
    where: {
      state: 'accepted',
      hiringStartDate: { gte: period.start, lte: period.end },
      passNumber: { not: null },
    },
    select: { id: true, employerId: true, hiringStartDate: true, passNumber: true, createdAt: true },
  });
  const employers = await db.organization.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.employerId))] }, departement, type: 'EMPLOYER' },
    select: { id: true, employerKind: true, departement: true, certified: true },
  });
  const passNumbers = [...new Set(rows.map((r) => r.passNumber!))];
  // The diagnosis that opened a PASS carries its number (docs/rules.md §4).
  const openers = await db.diagnosis.findMany({
    where: { passNumber: { in: passNumbers } },
    select: { passNumber: true, author: true, authorOrganizationId: true },
  });
  // A PASS is opened by its first hire; later hires on it reused it (docs/rules.md §8).
  const firstHire = await db.application.findMany({
    where: { passNumber: { in: passNumbers }, state: 'accepted' },
    orderBy: [{ hiringStartDate: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, passNumber: true },
  });
  const openedBy = new Map<string, string>();
  for (const a of firstHire) if (!openedBy.has(a.passNumber!)) openedBy.set(a.passNumber!, a.id);
  const byId = new Map(employers.map((e) => [e.id, e]));
  const hires: HireForControl[] = [];
  for (const row of rows) {
    const employer = byId.get(row.employerId);
    if (!employer?.employerKind) continue;
    const opener = openers.find((d) => d.passNumber === row.passNumber);
    hires.push({
      id: row.id,
      siaeId: row.employerId,
      siaeKind: employer.employerKind as EmployerKind,
      siaeDepartement: employer.departement,
      accepted: true,
      hiringStartDate: row.hiringStartDate!,
      diagnosisAuthor: opener?.author === 'EMPLOYER' ? 'EMPLOYER' : 'PRESCRIBER',
      diagnosisEmployerId: opener?.author === 'EMPLOYER' ? opener.authorOrganizationId : null,
      openedPass: openedBy.get(row.passNumber!) === row.id,
    });
  }
  return eligibleSiaes(hires, { departement, period }).map((siae) => ({
    ...siae,
    certified: byId.get(siae.siaeId)?.certified ?? false,
  }));
}
