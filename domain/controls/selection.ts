// Controls a posteriori, selection (docs/rules.md §8): which hires a campaign may control,
// which SIAE are eligible, how many SIAE are drawn and how many hires per drawn SIAE.
// Integer arithmetic only, so the counts never depend on floating-point rounding.
import { addDays, addMonths, compareDates, isIsoDate, type IsoDate } from '../dates.ts';
import type { EmployerKind } from '../organizations.ts';
import type { Refusal } from '../errors.ts';

/** Kinds whose hires are controlled (docs/rules.md §8): the five SIAE kinds, EITI included. */
export const CONTROLLABLE_SIAE_KINDS: readonly EmployerKind[] = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'];

/** An SIAE is eligible with at least this many controllable hires in the period. */
export const MIN_CONTROLLABLE_HIRES_FOR_ELIGIBILITY = 2;

export const RATIO_MIN = 20;
export const RATIO_MAX = 40;
export const RATIO_DEFAULT = 30;

/** The review period: both days included. */
export interface ControlPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** What a campaign needs to know of a hire (an application to an employer) to judge it. */
export interface HireForControl {
  id: string;
  siaeId: string;
  siaeKind: EmployerKind;
  siaeDepartement: string;
  accepted: boolean;
  hiringStartDate: IsoDate;
  /** Who made the diagnosis the hire relied on. */
  diagnosisAuthor: 'PRESCRIBER' | 'EMPLOYER';
  /** For an employer's diagnosis, the employer that made it; null otherwise. */
  diagnosisEmployerId: string | null;
  /** True when this hire opened its PASS IAE; false when it reused one (or issued none). */
  openedPass: boolean;
}

export type NotControllableReason =
  | 'not_accepted'
  | 'kind_not_controlled'
  | 'other_departement'
  | 'outside_period'
  | 'not_self_prescribed'
  | 'pass_not_opened';

/**
 * Why a hire is not controllable by the campaign of a département and period, or null when it
 * is (docs/rules.md §8): accepted, into an ACI, AI, EI, ETTI or EITI of the département, hiring
 * start date in the period (both ends included), on the SIAE's own diagnosis, and the hire
 * opened its PASS. The first failing condition is given, in that order.
 */
export function whyNotControllable(
  hire: HireForControl,
  campaign: { departement: string; period: ControlPeriod },
): NotControllableReason | null {
  if (!hire.accepted) return 'not_accepted';
  if (!CONTROLLABLE_SIAE_KINDS.includes(hire.siaeKind)) return 'kind_not_controlled';
  if (hire.siaeDepartement !== campaign.departement) return 'other_departement';
  if (!isInPeriod(hire.hiringStartDate, campaign.period)) return 'outside_period';
  if (hire.diagnosisAuthor !== 'EMPLOYER' || hire.diagnosisEmployerId !== hire.siaeId) return 'not_self_prescribed';
  if (!hire.openedPass) return 'pass_not_opened';
  return null;
}

export function isControllable(
  hire: HireForControl,
  campaign: { departement: string; period: ControlPeriod },
): boolean {
  return whyNotControllable(hire, campaign) === null;
}

export function isInPeriod(day: IsoDate, period: ControlPeriod): boolean {
  return compareDates(period.start, day) <= 0 && compareDates(day, period.end) <= 0;
}

/** Code-unit order: the same on every machine, whatever its locale (docs/rules.md §8). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface EligibleSiae {
  siaeId: string;
  /** Its controllable hires in the period, ordered by id. */
  hireIds: string[];
}

/**
 * The SIAE eligible for a campaign, ordered by SIAE id (the order the draw reads them in):
 * those with at least 2 controllable hires in the period.
 */
export function eligibleSiaes(
  hires: readonly HireForControl[],
  campaign: { departement: string; period: ControlPeriod },
): EligibleSiae[] {
  const bySiae = new Map<string, Set<string>>();
  for (const hire of hires) {
    if (!isControllable(hire, campaign)) continue;
    const ids = bySiae.get(hire.siaeId) ?? new Set<string>();
    ids.add(hire.id);
    bySiae.set(hire.siaeId, ids);
  }
  return [...bySiae]
    .filter(([, ids]) => ids.size >= MIN_CONTROLLABLE_HIRES_FOR_ELIGIBILITY)
    .map(([siaeId, ids]) => ({ siaeId, hireIds: [...ids].sort(compareIds) }))
    .sort((a, b) => compareIds(a.siaeId, b.siaeId));
}

export function checkPeriod(period: ControlPeriod): Refusal[] {
  if (!isIsoDate(period.start) || !isIsoDate(period.end)) {
    return [{ code: 'control_period_invalid', message: 'Les dates de la période contrôlée sont invalides.' }];
  }
  if (compareDates(period.end, period.start) < 0) {
    return [
      {
        code: 'control_period_end_before_start',
        message: 'La fin de la période contrôlée ne peut pas précéder son début.',
      },
    ];
  }
  return [];
}

/**
 * A spot check "over the last 12 months" (docs/rules.md §8): the 12 months that end on
 * `today`, today included — from the day after the same date a year earlier.
 */
export function spotCheckPeriod(today: IsoDate): ControlPeriod {
  return { start: addDays(addMonths(today, -12), 1), end: today };
}

// ---------------------------------------------------------------------------------------
// How many SIAE

export function isValidRatio(ratio: number): boolean {
  return Number.isInteger(ratio) && ratio >= RATIO_MIN && ratio <= RATIO_MAX;
}

export function checkRatio(ratio: number): Refusal[] {
  return isValidRatio(ratio)
    ? []
    : [
        {
          code: 'control_ratio_invalid',
          message: `Le taux de sélection doit être un nombre entier de ${RATIO_MIN} à ${RATIO_MAX} %.`,
        },
      ];
}

/** `numerator / denominator` rounded to the nearest integer, halves up; both non-negative integers. */
export function roundHalfUpDivision(numerator: number, denominator: number): number {
  assertNaturalNumber(numerator, 'numerator');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError(`Bad denominator: ${denominator}`);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Number of SIAE to draw (docs/rules.md §8): `max(1, round_half_up(eligible × ratio / 100))`,
 * and 0 when none is eligible. Never more than the eligible count (ratio ≤ 40 % ensures it).
 */
export function siaeCountToSelect(eligible: number, ratio: number): number {
  assertNaturalNumber(eligible, 'eligible');
  if (!isValidRatio(ratio)) throw new RangeError(`Bad ratio: ${ratio}`);
  if (eligible === 0) return 0;
  return Math.max(1, roundHalfUpDivision(eligible * ratio, 100));
}

export const SAMPLE_RULES = {
  standard: { percent: 20, min: 2, max: 20 },
  certified: { percent: 10, min: 1, max: 10 },
} as const;

/**
 * Number of hires sampled in a selected SIAE with n controllable hires (docs/rules.md §8):
 * `clamp(floor(n × 20 / 100), 2, 20)`; a certified SIAE gets the light control
 * `clamp(floor(n × 10 / 100), 1, 10)`; never more than n.
 */
export function sampleSize(n: number, certified: boolean): number {
  assertNaturalNumber(n, 'n');
  const rule = certified ? SAMPLE_RULES.certified : SAMPLE_RULES.standard;
  const clamped = Math.min(rule.max, Math.max(rule.min, Math.floor((n * rule.percent) / 100)));
  return Math.min(n, clamped);
}

function assertNaturalNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a natural number: ${value}`);
}
