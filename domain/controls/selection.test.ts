import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  checkRatio,
  eligibleSiaes,
  isValidRatio,
  roundHalfUpDivision,
  sampleSize,
  siaeCountToSelect,
  spotCheckPeriod,
  whyNotControllable,
  type HireForControl,
} from './selection.ts';

const campaign = { departement: '93', period: { start: '2025-01-01', end: '2025-12-31' } };

function hire(overrides: Partial<HireForControl> = {}): HireForControl {
  const siaeId = overrides.siaeId ?? 'siae-a';
  return {
    id: 'hire-1',
    siaeId,
    siaeKind: 'ACI',
    siaeDepartement: '93',
    accepted: true,
    hiringStartDate: '2025-06-01',
    diagnosisAuthor: 'EMPLOYER',
    diagnosisEmployerId: siaeId,
    openedPass: true,
    ...overrides,
  };
}

describe('controllable hires (docs/rules.md §8)', () => {
  it('a self-prescribed hire that opened its PASS in the period is controllable', () => {
    expect(whyNotControllable(hire(), campaign)).toBeNull();
  });

  it.each(['ACI', 'AI', 'EI', 'ETTI', 'EITI'] as const)('an %s hire is controllable', (siaeKind) => {
    expect(whyNotControllable(hire({ siaeKind }), campaign)).toBeNull();
  });

  it.each(['GEIQ', 'EA', 'EATT'] as const)('a %s hire is not', (siaeKind) => {
    expect(whyNotControllable(hire({ siaeKind }), campaign)).toBe('kind_not_controlled');
  });

  it('both ends of the period count; the days around them do not', () => {
    expect(whyNotControllable(hire({ hiringStartDate: '2025-01-01' }), campaign)).toBeNull();
    expect(whyNotControllable(hire({ hiringStartDate: '2025-12-31' }), campaign)).toBeNull();
    expect(whyNotControllable(hire({ hiringStartDate: '2024-12-31' }), campaign)).toBe('outside_period');
    expect(whyNotControllable(hire({ hiringStartDate: '2026-01-01' }), campaign)).toBe('outside_period');
  });

  it('a hire that is not accepted, in another département, prescribed, on another SIAE diagnosis or on a reused PASS is not', () => {
    expect(whyNotControllable(hire({ accepted: false }), campaign)).toBe('not_accepted');
    expect(whyNotControllable(hire({ siaeDepartement: '75' }), campaign)).toBe('other_departement');
    expect(whyNotControllable(hire({ diagnosisAuthor: 'PRESCRIBER', diagnosisEmployerId: null }), campaign)).toBe(
      'not_self_prescribed',
    );
    expect(whyNotControllable(hire({ diagnosisEmployerId: 'siae-other' }), campaign)).toBe('not_self_prescribed');
    expect(whyNotControllable(hire({ openedPass: false }), campaign)).toBe('pass_not_opened');
  });
});

describe('eligible SIAE (docs/rules.md §8)', () => {
  it('needs at least 2 controllable hires; ordered by SIAE id, hires by id', () => {
    const hires = [
      hire({ id: 'h3', siaeId: 'siae-b' }),
      hire({ id: 'h1', siaeId: 'siae-b' }),
      hire({ id: 'h2', siaeId: 'siae-a' }),
      hire({ id: 'h4', siaeId: 'siae-a' }),
      hire({ id: 'h5', siaeId: 'siae-c' }),
      // siae-c's second hire does not count: prescribed.
      hire({ id: 'h6', siaeId: 'siae-c', diagnosisAuthor: 'PRESCRIBER', diagnosisEmployerId: null }),
    ];
    expect(eligibleSiaes(hires, campaign)).toEqual([
      { siaeId: 'siae-a', hireIds: ['h2', 'h4'] },
      { siaeId: 'siae-b', hireIds: ['h1', 'h3'] },
    ]);
  });

  it('a hire listed twice counts once', () => {
    expect(eligibleSiaes([hire({ id: 'h1' }), hire({ id: 'h1' })], campaign)).toEqual([]);
  });

  it('none eligible → empty', () => {
    expect(eligibleSiaes([], campaign)).toEqual([]);
  });
});

describe('ratio (docs/rules.md §8)', () => {
  it('is an integer from 20 to 40', () => {
    expect([20, 30, 40].map(isValidRatio)).toEqual([true, true, true]);
    expect([19, 41, 30.5, Number.NaN, 0].map(isValidRatio)).toEqual([false, false, false, false, false]);
  });

  it('refuses 19, 41 and 30.5 in French', () => {
    for (const ratio of [19, 41, 30.5]) {
      expect(checkRatio(ratio)).toEqual([
        { code: 'control_ratio_invalid', message: 'Le taux de sélection doit être un nombre entier de 20 à 40 %.' },
      ]);
    }
    expect(checkRatio(20)).toEqual([]);
  });
});

describe('number of SIAE: max(1, round_half_up(eligible × ratio / 100)) (docs/rules.md §8)', () => {
  it('7 eligible at 30 % → 2', () => {
    expect(siaeCountToSelect(7, 30)).toBe(2);
  });

  it('rounds halves up: 5 at 30 % (1.5) → 2; 25 at 30 % (7.5) → 8; 15 at 30 % (4.5) → 5', () => {
    expect(siaeCountToSelect(5, 30)).toBe(2);
    expect(siaeCountToSelect(25, 30)).toBe(8);
    expect(siaeCountToSelect(15, 30)).toBe(5);
  });

  it('rounds below a half down: 8 at 30 % (2.4) → 2; 9 at 30 % (2.7) → 3', () => {
    expect(siaeCountToSelect(8, 30)).toBe(2);
    expect(siaeCountToSelect(9, 30)).toBe(3);
  });

  it('at least 1 when some are eligible, 0 when none', () => {
    expect(siaeCountToSelect(1, 20)).toBe(1);
    expect(siaeCountToSelect(2, 20)).toBe(1);
    expect(siaeCountToSelect(0, 30)).toBe(0);
  });

  it('ratio bounds: 10 at 20 % → 2, 10 at 40 % → 4; a ratio out of range throws', () => {
    expect(siaeCountToSelect(10, 20)).toBe(2);
    expect(siaeCountToSelect(10, 40)).toBe(4);
    expect(() => siaeCountToSelect(10, 19)).toThrow(RangeError);
    expect(() => siaeCountToSelect(10, 41)).toThrow(RangeError);
    expect(() => siaeCountToSelect(10, 30.5)).toThrow(RangeError);
    expect(() => siaeCountToSelect(-1, 30)).toThrow(RangeError);
  });

  it('never more than the eligible count, at least 1, for every count up to 500 and every ratio', () => {
    const wrong: string[] = [];
    for (let eligible = 1; eligible <= 500; eligible += 1) {
      for (let ratio = 20; ratio <= 40; ratio += 1) {
        const count = siaeCountToSelect(eligible, ratio);
        if (count < 1 || count > eligible || count !== Math.max(1, Math.floor((eligible * ratio + 50) / 100)))
          wrong.push(`${eligible}@${ratio} → ${count}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('roundHalfUpDivision is exact where floats are not (0.5 boundaries)', () => {
    expect(roundHalfUpDivision(150, 100)).toBe(2);
    expect(roundHalfUpDivision(149, 100)).toBe(1);
    expect(roundHalfUpDivision(250, 100)).toBe(3);
    expect(roundHalfUpDivision(0, 100)).toBe(0);
  });
});

describe('sample per SIAE (docs/rules.md §8)', () => {
  it('clamp(floor(n × 20 / 100), 2, 20): 57 → 11, 5 → 2, 150 → 20', () => {
    expect(sampleSize(57, false)).toBe(11);
    expect(sampleSize(5, false)).toBe(2);
    expect(sampleSize(150, false)).toBe(20);
  });

  it('boundaries: 2 → 2, 14 → 2, 15 → 3, 100 → 20, 104 → 20, 105 → 20', () => {
    expect([2, 14, 15, 19, 20, 100, 104, 105].map((n) => sampleSize(n, false))).toEqual([2, 2, 3, 3, 4, 20, 20, 20]);
  });

  it('certified: clamp(floor(n × 10 / 100), 1, 10): 57 → 5; 2 → 1; 19 → 1; 20 → 2; 100 → 10; 150 → 10', () => {
    expect(sampleSize(57, true)).toBe(5);
    expect([2, 19, 20, 100, 109, 150].map((n) => sampleSize(n, true))).toEqual([1, 1, 2, 10, 10, 10]);
  });

  it('never more than n', () => {
    expect(sampleSize(1, false)).toBe(1);
    expect(sampleSize(0, false)).toBe(0);
    expect(sampleSize(0, true)).toBe(0);
    expect(sampleSize(1, true)).toBe(1);
  });

  it('refuses a count that is not a natural number', () => {
    expect(() => sampleSize(-1, false)).toThrow(RangeError);
    expect(() => sampleSize(2.5, false)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('a period ends on or after its start', () => {
    expect(checkPeriod({ start: '2025-01-01', end: '2025-01-01' })).toEqual([]);
    expect(checkPeriod({ start: '2025-01-02', end: '2025-01-01' })[0]?.code).toBe('control_period_end_before_start');
    expect(checkPeriod({ start: '2025-02-30', end: '2025-03-01' })[0]?.code).toBe('control_period_invalid');
  });

  it('a spot check over the last 12 months ends today and starts the day after the same date a year before', () => {
    expect(spotCheckPeriod('2026-03-15')).toEqual({ start: '2025-03-16', end: '2026-03-15' });
    expect(spotCheckPeriod('2028-02-29')).toEqual({ start: '2027-03-01', end: '2028-02-29' });
  });
});
