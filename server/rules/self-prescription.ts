// The data behind "self-prescription allowed for an employer on a day" (docs/rules.md §8, §10),
// read in one place: the employer's right and its département's rollout. The rule itself is
// canSelfDiagnose / isSelfPrescriptionAllowed in domain/eligibility.ts, whose right part is
// isRightActiveOn (domain/controls/right.ts).
import type { SelfPrescriptionStanding } from '../../domain/eligibility.ts';
import type { EmployerKind } from '../../domain/organizations.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** The employer's columns the standing needs (an Organization row has them). */
export interface SelfPrescribingEmployer {
  employerKind: EmployerKind;
  departement: string;
  selfPrescriptionStatus: SelfPrescriptionStanding['right']['status'];
  selfPrescriptionRevokedFrom: string | null;
  selfPrescriptionRevokedUntil: string | null;
}

/** Reads the employer's département setting; `db` may be a transaction. */
export async function selfPrescriptionStanding(
  db: Pick<Prisma.TransactionClient, 'departementSetting'>,
  employer: SelfPrescribingEmployer,
): Promise<SelfPrescriptionStanding> {
  const setting = await db.departementSetting.findUnique({ where: { code: employer.departement } });
  return {
    employerKind: employer.employerKind,
    right: {
      status: employer.selfPrescriptionStatus,
      revokedFrom: employer.selfPrescriptionRevokedFrom,
      revokedUntil: employer.selfPrescriptionRevokedUntil,
    },
    departementRolloutEnabled: setting?.selfPrescriptionEnabled ?? false,
  };
}
