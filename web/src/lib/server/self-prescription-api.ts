// The self-prescription right part of the JSON API client (docs/rules.md §8, §13): an SIAE's right
// and history, its département's revoked SIAE, and the prefecture's lift. Answers are checked
// against the API's contracts (contracts/self-prescription.ts).
import {
  revokedEmployerListSchema,
  selfPrescriptionRightSchema,
  type RevokedEmployer,
  type SelfPrescriptionRight,
} from '$contracts/self-prescription.ts';
import { requestJson, type Caller } from './api';

export type { RevokedEmployer, SelfPrescriptionRight } from '$contracts/self-prescription.ts';

const rightPath = (employerId: string) => `/employers/${encodeURIComponent(employerId)}/self-prescription`;

export const selfPrescriptionApi = {
  /** GET /employers/{id}/self-prescription: state on today and history. */
  right(caller: Caller, employerId: string): Promise<SelfPrescriptionRight> {
    return requestJson('GET', rightPath(employerId), caller, selfPrescriptionRightSchema);
  },

  /** GET /self-prescription/revocations: the SIAE of the caller's département with a revoked or scheduled right. */
  async revocations(caller: Caller): Promise<RevokedEmployer[]> {
    return (await requestJson('GET', '/self-prescription/revocations', caller, revokedEmployerListSchema)).items;
  },

  /** POST /employers/{id}/self-prescription/lift (prefecture of the SIAE's département). */
  lift(caller: Caller, employerId: string, reason: string): Promise<SelfPrescriptionRight> {
    return requestJson('POST', `${rightPath(employerId)}/lift`, caller, selfPrescriptionRightSchema, { reason });
  },
};
