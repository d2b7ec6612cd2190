import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '../errors.ts';
import {
  INITIAL_RIGHT,
  RIGHT_TRANSITIONS,
  checkLift,
  isRightActiveOn,
  nextRightDeadline,
  nextRightState,
  rightOn,
  type RightAction,
  type RightState,
} from './right.ts';

const temporary = { from: '2026-03-01', until: '2026-05-31' };
const permanent = { from: '2026-03-01', until: null };
const scheduledTemporary: RightState = { status: 'active', scheduled: temporary };
const scheduledPermanent: RightState = { status: 'active', scheduled: permanent };
const revokedUntil: RightState = { status: 'revoked_until', from: '2026-03-01', until: '2026-05-31' };
const revokedPermanently: RightState = { status: 'revoked_permanently', from: '2026-03-01' };

describe('self-prescription right transitions (docs/rules.md §8)', () => {
  it('active → revoked_until on the start date, → active the day after the end date', () => {
    expect(nextRightState(INITIAL_RIGHT, 'schedule', '2026-01-20', temporary)).toEqual(scheduledTemporary);
    expect(nextRightDeadline(scheduledTemporary)).toEqual({ kind: 'start', on: '2026-03-01' });
    expect(nextRightState(scheduledTemporary, 'start', '2026-03-01')).toEqual(revokedUntil);
    expect(nextRightDeadline(revokedUntil)).toEqual({ kind: 'restore', on: '2026-06-01' });
    expect(nextRightState(revokedUntil, 'restore', '2026-06-01')).toEqual(INITIAL_RIGHT);
  });

  it('active → revoked_permanently, → active only when lifted', () => {
    expect(nextRightState(scheduledPermanent, 'start', '2026-03-01')).toEqual(revokedPermanently);
    expect(nextRightDeadline(revokedPermanently)).toBeNull();
    expect(nextRightState(revokedPermanently, 'lift', '2030-01-01')).toEqual(INITIAL_RIGHT);
  });

  it('timers refuse to run before their day', () => {
    expect(() => nextRightState(scheduledTemporary, 'start', '2026-02-28')).toThrow(BusinessRuleError);
    expect(() => nextRightState(revokedUntil, 'restore', '2026-05-31')).toThrow(BusinessRuleError);
  });

  it('one scheduled revocation at a time; nothing to start without one', () => {
    expect(() => nextRightState(scheduledTemporary, 'schedule', '2026-01-20', permanent)).toThrow(
      "Un retrait du droit d'auto-prescription est déjà prévu à partir du 01/03/2026.",
    );
    expect(() => nextRightState(INITIAL_RIGHT, 'start', '2026-03-01')).toThrow(BusinessRuleError);
  });

  it('every action outside its from-states is refused', () => {
    const states: RightState[] = [INITIAL_RIGHT, revokedUntil, revokedPermanently];
    for (const state of states) {
      for (const action of Object.keys(RIGHT_TRANSITIONS) as RightAction[]) {
        if (RIGHT_TRANSITIONS[action].from.includes(state.status)) continue;
        expect(() => nextRightState(state, action, '2030-01-01', temporary)).toThrow(
          /Action impossible : le droit d'auto-prescription est à l'état/,
        );
      }
    }
  });
});

describe('the right on a day', () => {
  it('a temporary revocation covers from its start to its end date, both included', () => {
    expect(isRightActiveOn(scheduledTemporary, '2026-02-28')).toBe(true);
    expect(isRightActiveOn(scheduledTemporary, '2026-03-01')).toBe(false);
    expect(isRightActiveOn(scheduledTemporary, '2026-05-31')).toBe(false);
    expect(isRightActiveOn(scheduledTemporary, '2026-06-01')).toBe(true);
    expect(rightOn(scheduledTemporary, '2026-04-01')).toEqual(revokedUntil);
    expect(rightOn(scheduledTemporary, '2026-06-01')).toEqual(INITIAL_RIGHT);
  });

  it('a permanent revocation lasts until lifted', () => {
    expect(isRightActiveOn(scheduledPermanent, '2026-02-28')).toBe(true);
    expect(isRightActiveOn(scheduledPermanent, '2026-03-01')).toBe(false);
    expect(isRightActiveOn(scheduledPermanent, '2099-12-31')).toBe(false);
  });

  it('an untouched right is active', () => {
    expect(isRightActiveOn(INITIAL_RIGHT, '2026-01-01')).toBe(true);
  });
});

describe('lifting a permanent revocation', () => {
  it('a prefecture agent of the SIAE’s département, with a reason', () => {
    expect(
      checkLift({ actor: { role: 'PREFECTURE_AGENT', departement: '93' }, siaeDepartement: '93', reason: 'Recours' }),
    ).toEqual([]);
  });

  it('not a DDETS, not another département’s prefecture, not without a reason', () => {
    const codes = (actor: { role: 'PREFECTURE_AGENT' | 'LABOUR_INSPECTOR'; departement: string }, reason = 'x') =>
      checkLift({ actor, siaeDepartement: '93', reason }).map((r) => r.code);
    expect(codes({ role: 'LABOUR_INSPECTOR', departement: '93' })).toEqual(['self_prescription_lift_forbidden']);
    expect(codes({ role: 'PREFECTURE_AGENT', departement: '75' })).toEqual(['self_prescription_lift_forbidden']);
    expect(codes({ role: 'PREFECTURE_AGENT', departement: '93' }, ' ')).toEqual([
      'self_prescription_lift_reason_required',
    ]);
  });
});
