// The read model of an SIAE's right, as the API answers it (contracts/self-prescription.ts): the
// state on the platform's today (a timer not fired yet does not show a stale state, docs/rules.md §8).
import type { RevokedEmployer } from '../../contracts/self-prescription.ts';
import { rightRecordOf, rightStateOf } from '../../domain/controls/right-record.ts';
import { rightOn } from '../../domain/controls/right.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Organization } from '../../generated/prisma/client.ts';

export type RightColumns = Pick<
  Organization,
  | 'id'
  | 'name'
  | 'departement'
  | 'selfPrescriptionStatus'
  | 'selfPrescriptionRevokedFrom'
  | 'selfPrescriptionRevokedUntil'
>;

export function rightViewOf(employer: RightColumns, today: IsoDate): RevokedEmployer {
  const state = rightOn(
    rightStateOf({
      status: employer.selfPrescriptionStatus,
      revokedFrom: employer.selfPrescriptionRevokedFrom,
      revokedUntil: employer.selfPrescriptionRevokedUntil,
    }),
    today,
  );
  const record = rightRecordOf(state);
  const scheduled = state.status === 'active' ? state.scheduled : null;
  return {
    employerId: employer.id,
    employerName: employer.name,
    departement: employer.departement,
    status: record.status,
    revokedFrom: scheduled ? null : record.revokedFrom,
    revokedUntil: scheduled ? null : record.revokedUntil,
    scheduled,
  };
}
