import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '../errors.ts';
import { INITIAL_RIGHT, type RightState } from './right.ts';
import { revocationOf, rightRecordOf, rightStateOf } from './right-record.ts';

describe('the right as the read model stores it (docs/rules.md §8)', () => {
  const states: RightState[] = [
    INITIAL_RIGHT,
    { status: 'active', scheduled: { from: '2027-03-01', until: '2027-06-01' } },
    { status: 'active', scheduled: { from: '2027-03-01', until: null } },
    { status: 'revoked_until', from: '2027-03-01', until: '2027-06-01' },
    { status: 'revoked_permanently', from: '2027-03-01' },
  ];
  it.each(states)('round-trips %j', (state) => {
    expect(rightStateOf(rightRecordOf(state))).toEqual(state);
  });

  it('a legacy revoked row without start date counts as started', () => {
    expect(rightStateOf({ status: 'REVOKED_PERMANENTLY', revokedFrom: null, revokedUntil: null }).status).toBe(
      'revoked_permanently',
    );
  });
});

describe('revocationOf', () => {
  it('a permanent revocation has no end; a temporary one ends on or after its start', () => {
    expect(revocationOf({ kind: 'permanent', start: '2027-03-01', end: '2027-04-01' })).toEqual({
      from: '2027-03-01',
      until: null,
    });
    expect(revocationOf({ kind: 'temporary', start: '2027-03-01', end: '2027-03-01' })).toEqual({
      from: '2027-03-01',
      until: '2027-03-01',
    });
    expect(() => revocationOf({ kind: 'temporary', start: '2027-03-01', end: '2027-02-28' })).toThrow(
      BusinessRuleError,
    );
    expect(() => revocationOf({ kind: 'temporary', start: '2027-03-01' })).toThrow(BusinessRuleError);
  });
});
