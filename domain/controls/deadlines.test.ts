import { describe, expect, it } from 'vitest';
import {
  checkRatioChoice,
  effectiveRatio,
  nextControlDeadline,
  nextDdetsReminder,
  pendingControlDeadlines,
  phaseDeadline,
  phaseReminderDay,
  ratioChoiceDeadline,
  type ControlTimeline,
} from './deadlines.ts';

describe('campaign ratio: 4 weeks to choose, then 30 % (docs/rules.md §8)', () => {
  const campaign = { openedOn: '2023-05-15', chosenRatio: null };

  it('opened 15 May: the DDETS may choose until 11 June; 30 % applies from 12 June', () => {
    expect(ratioChoiceDeadline('2023-05-15')).toBe('2023-06-12');
    expect(effectiveRatio(campaign, '2023-06-11')).toBeNull();
    expect(effectiveRatio(campaign, '2023-06-12')).toBe(30);
    expect(checkRatioChoice(25, campaign, '2023-06-11')).toEqual([]);
    expect(checkRatioChoice(25, campaign, '2023-06-12').map((r) => r.code)).toEqual(['control_ratio_too_late']);
  });

  it('a chosen ratio stays in force', () => {
    expect(effectiveRatio({ openedOn: '2023-05-15', chosenRatio: 40 }, '2023-05-16')).toBe(40);
    expect(effectiveRatio({ openedOn: '2023-05-15', chosenRatio: 40 }, '2024-01-01')).toBe(40);
  });

  it('a bad ratio is refused even in time', () => {
    expect(checkRatioChoice(41, campaign, '2023-05-15').map((r) => r.code)).toEqual(['control_ratio_invalid']);
  });
});

describe('phases: 6 weeks, reminder at day 30 (docs/rules.md §8)', () => {
  it('notified 12 June 2023: reminder 12 July, may submit until 23 July, over at the start of 24 July', () => {
    expect(phaseReminderDay('2023-06-12')).toBe('2023-07-12');
    expect(phaseDeadline('2023-06-12')).toBe('2023-07-24');
  });

  it('counts calendar days across the DST change and leap days', () => {
    expect(phaseDeadline('2024-02-20')).toBe('2024-04-02');
    expect(phaseDeadline('2025-10-01')).toBe('2025-11-12');
  });
});

describe('DDETS reminder every 7 days while reviews are pending after a deadline', () => {
  it('first a week after the deadline, then every 7 days', () => {
    expect(nextDdetsReminder('2023-07-24', '2023-07-24')).toBe('2023-07-31');
    expect(nextDdetsReminder('2023-07-24', '2023-07-30')).toBe('2023-07-31');
    expect(nextDdetsReminder('2023-07-24', '2023-07-31')).toBe('2023-08-07');
    expect(nextDdetsReminder('2023-07-24', '2023-08-06')).toBe('2023-08-07');
  });
});

describe('next deadline of one SIAE control', () => {
  const base: ControlTimeline = {
    phase: 'proofs',
    phaseStartedOn: '2023-06-12',
    submitted: false,
    siaeReminded: false,
    deadlinePassed: false,
    reviewPending: false,
    lastDdetsReminderOn: null,
  };

  it('not submitted: the reminder, then the deadline', () => {
    expect(pendingControlDeadlines(base)).toEqual([
      { kind: 'siaeReminder', on: '2023-07-12' },
      { kind: 'phaseDeadline', on: '2023-07-24' },
    ]);
  });

  it('reminded or submitted: only the deadline', () => {
    expect(nextControlDeadline({ ...base, siaeReminded: true })).toEqual({ kind: 'phaseDeadline', on: '2023-07-24' });
    expect(nextControlDeadline({ ...base, submitted: true })).toEqual({ kind: 'phaseDeadline', on: '2023-07-24' });
  });

  it('after the deadline: DDETS reminders while reviews are pending, nothing otherwise', () => {
    const after = { ...base, submitted: true, deadlinePassed: true };
    expect(nextControlDeadline({ ...after, reviewPending: true })).toEqual({ kind: 'ddetsReminder', on: '2023-07-31' });
    expect(nextControlDeadline({ ...after, reviewPending: true, lastDdetsReminderOn: '2023-07-31' })).toEqual({
      kind: 'ddetsReminder',
      on: '2023-08-07',
    });
    expect(nextControlDeadline(after)).toBeNull();
  });

  it('the adversarial phase runs the same clock from its own start', () => {
    expect(pendingControlDeadlines({ ...base, phase: 'adversarial', phaseStartedOn: '2023-09-01' })).toEqual([
      { kind: 'siaeReminder', on: '2023-10-01' },
      { kind: 'phaseDeadline', on: '2023-10-13' },
    ]);
  });
});
