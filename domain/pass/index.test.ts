import { describe, expect, it } from 'vitest';
import * as pass from './index.ts';

describe('domain/pass index', () => {
  it('re-exports the rules of every PASS module', () => {
    for (const name of [
      'formatPassNumber',
      'isPassNumber',
      'passEndDate',
      'checkHiringStartDate',
      'checkHiringPostponement',
      'checkSuspension',
      'suspensionLengthDays',
      'endDateWithSuspensions',
      'endSuspensionEarly',
      'suspensionEndedByHire',
      'PROLONGATION_RULES',
      'checkProlongation',
      'passStatus',
      'remainingDays',
      'passExpiryInstant',
      'waitingPeriodEnd',
      'inWaitingPeriod',
      'canOpenNewPass',
      'passReminderDates',
      'anonymizationDate',
    ]) {
      expect(pass).toHaveProperty(name);
    }
  });
});
