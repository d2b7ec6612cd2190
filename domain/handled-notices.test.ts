import { describe, expect, it } from 'vitest';
import { ACCREDITATION_HANDLED_BY, CONTROL_HANDLED_BY } from './handled-notices.ts';

describe('handled notices (docs/rules.md §9)', () => {
  it('an accreditation decision or request for information handles the prefecture’s notices, an answer the organization’s', () => {
    expect(ACCREDITATION_HANDLED_BY).toEqual({
      approve: 'prefecture',
      reject: 'prefecture',
      requestInformation: 'prefecture',
      withdraw: 'prefecture',
      respond: 'organization',
    });
  });

  it('no accreditation event by the clock or the submission handles anything', () => {
    for (const action of ['submit', 'abandon', 'expire', 'prefectureReminder', 'overdue', 'renewalReminder'] as const) {
      expect(ACCREDITATION_HANDLED_BY[action]).toBeUndefined();
    }
  });

  it('submitting proofs handles the SIAE’s notices about a control, reviewing or deciding the DDETS’s', () => {
    expect(CONTROL_HANDLED_BY).toEqual({
      'siaeControl.submit': 'siae',
      'siaeControl.accept': 'ddets',
      'siaeControl.refuse': 'ddets',
      'siaeControl.adversarial': 'ddets',
      'siaeControl.decide': 'ddets',
    });
  });

  it('a control’s reminders and deadlines handle nothing', () => {
    for (const action of ['siaeControl.start', 'siaeControl.siaeReminder', 'siaeControl.phaseDeadline']) {
      expect(CONTROL_HANDLED_BY[action]).toBeUndefined();
    }
  });
});
