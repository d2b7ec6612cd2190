import { describe, expect, it } from 'vitest';
import { cancelHire, hire, holdingEmployer, openParcours, parcoursEnd, postponeHire, suspend } from './parcours.ts';

const first = { employerId: 'aci', employerKind: 'ACI' as const, start: '2027-01-10' };
const opened = () => openParcours({ passNumber: '999990000001', personId: 'p', hire: first, today: '2027-01-05' });

describe('cancelHire', () => {
  it('cancels the PASS a hire opened, before its contract starts', () => {
    const state = cancelHire(opened(), first, '2027-01-09');
    expect(state.cancelled).toBe(true);
    expect(state.events.at(-1)).toMatchObject({ kind: 'cancelled', on: '2027-01-09' });
  });

  it('refuses from the first day of the contract', () => {
    expect(() => cancelHire(opened(), first, '2027-01-10')).toThrow(/ne peut plus être annulé/);
  });

  it('drops a hire that reused the PASS: the previous employer holds it again', () => {
    const second = { employerId: 'ei', employerKind: 'EI' as const, start: '2027-06-01' };
    const reused = hire(opened(), second, '2027-05-20');
    const state = cancelHire(reused, second, '2027-05-25');
    expect(state.cancelled).toBe(false);
    expect(holdingEmployer(state)).toEqual(first);
    expect(state.events.at(-1)).toMatchObject({ kind: 'hireCancelled', detail: '2027-06-01' });
    expect(() => cancelHire(reused, second, '2027-06-01')).toThrow(/ne peut plus être annulé/);
  });

  it('only the last hire can be cancelled', () => {
    const second = { employerId: 'ei', employerKind: 'EI' as const, start: '2027-06-01' };
    const reused = hire(opened(), second, '2027-05-20');
    expect(() => cancelHire(reused, first, '2027-05-25')).toThrow(/dernière embauche/);
  });

  it('a suspension ended by the cancelled hire stays ended', () => {
    const suspended = suspend(
      opened(),
      { id: 's', employerId: 'aci', start: '2027-05-01', end: '2027-08-01', reason: 'CONTRAT_ROMPU' },
      '2027-05-02',
    );
    const second = { employerId: 'ei', employerKind: 'EI' as const, start: '2027-06-01' };
    const state = cancelHire(hire(suspended, second, '2027-05-20'), second, '2027-05-25');
    expect(state.suspensions).toEqual([expect.objectContaining({ id: 's', end: '2027-05-31' })]);
  });
});

describe('postponeHire', () => {
  it('moves the start and the end of the PASS the hire opened', () => {
    const state = postponeHire(opened(), first, '2027-02-01', '2027-01-08');
    expect(state.start).toBe('2027-02-01');
    expect(holdingEmployer(state).start).toBe('2027-02-01');
    expect(parcoursEnd(state)).toBe('2029-01-30'); // 730 days, 29 February 2028 included
    expect(state.events.at(-1)).toMatchObject({ kind: 'hirePostponed', detail: '2027-02-01', on: '2027-01-08' });
  });

  it('refuses once the contract has started', () => {
    expect(() => postponeHire(opened(), first, '2027-02-01', '2027-01-10')).toThrow(/ne peut plus être reportée/);
  });

  it('on a reused PASS moves the hire only, within the PASS', () => {
    const second = { employerId: 'ei', employerKind: 'EI' as const, start: '2027-06-01' };
    const reused = hire(opened(), second, '2027-05-20');
    const state = postponeHire(reused, second, '2027-06-20', '2027-05-25');
    expect(state.start).toBe('2027-01-10');
    expect(holdingEmployer(state)).toEqual({ ...second, start: '2027-06-20' });
    expect(parcoursEnd(state)).toBe(parcoursEnd(reused));
  });

  it('only the last hire, by its employer', () => {
    const second = { employerId: 'ei', employerKind: 'EI' as const, start: '2027-06-01' };
    expect(() => postponeHire(hire(opened(), second, '2027-05-20'), first, '2027-06-20', '2027-05-25')).toThrow(
      /dernière embauche/,
    );
  });
});
