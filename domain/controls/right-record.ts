// The self-prescription right as the read model stores it (docs/rules.md §8): three columns of
// the SIAE's Organization row, and back. A scheduled revocation is kept too (ACTIVE with a
// start date), so that the rule read from the columns is right on any day, even when the
// workflow's timer has not fired yet (a worker down at midnight).
import { compareDates, type IsoDate } from '../dates.ts';
import { BusinessRuleError } from '../errors.ts';
import { INITIAL_RIGHT, type Revocation, type RightState } from './right.ts';

export type RightRecordStatus = 'ACTIVE' | 'REVOKED_UNTIL' | 'REVOKED_PERMANENTLY';

export interface RightRecord {
  status: RightRecordStatus;
  /** First revoked day of the current revocation, or of the scheduled one when ACTIVE. */
  revokedFrom: IsoDate | null;
  /** Last revoked day (inclusive) of a temporary revocation. */
  revokedUntil: IsoDate | null;
}

export function rightRecordOf(state: RightState): RightRecord {
  switch (state.status) {
    case 'active':
      return {
        status: 'ACTIVE',
        revokedFrom: state.scheduled?.from ?? null,
        revokedUntil: state.scheduled?.until ?? null,
      };
    case 'revoked_until':
      return { status: 'REVOKED_UNTIL', revokedFrom: state.from, revokedUntil: state.until };
    case 'revoked_permanently':
      return { status: 'REVOKED_PERMANENTLY', revokedFrom: state.from, revokedUntil: null };
  }
}

/**
 * The state the columns describe. Rows written before the workflow existed may lack the start
 * date: the revocation then counts from the earliest day (it has started).
 */
export function rightStateOf(record: RightRecord): RightState {
  const from = record.revokedFrom ?? '0001-01-01';
  switch (record.status) {
    case 'ACTIVE':
      return record.revokedFrom
        ? { status: 'active', scheduled: { from: record.revokedFrom, until: record.revokedUntil } }
        : INITIAL_RIGHT;
    case 'REVOKED_UNTIL':
      return record.revokedUntil
        ? { status: 'revoked_until', from, until: record.revokedUntil }
        : { status: 'revoked_permanently', from };
    case 'REVOKED_PERMANENTLY':
      return { status: 'revoked_permanently', from };
  }
}

/** A revocation as a sanction decides it: temporary (with its inclusive end) or permanent. */
export interface RevocationRequest {
  kind: 'temporary' | 'permanent';
  start: IsoDate;
  /** Last revoked day (inclusive), for a temporary revocation only. */
  end?: IsoDate | null;
}

/** The revocation a request describes; a temporary one needs an end on or after its start. */
export function revocationOf(request: RevocationRequest): Revocation {
  if (request.kind === 'permanent') return { from: request.start, until: null };
  if (!request.end || compareDates(request.end, request.start) < 0) {
    throw new BusinessRuleError(
      'self_prescription_revocation_end_invalid',
      'Un retrait temporaire doit avoir une date de fin, le jour de son début ou après.',
    );
  }
  return { from: request.start, until: request.end };
}
