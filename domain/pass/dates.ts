// PASS IAE dates and hiring start dates (docs/rules.md §4, §5, §6). All dates are Paris calendar
// days, and every end date is inclusive: the PASS is valid for the whole of its end date.
import { addDays, addMonths, compareDates, frenchDate, type IsoDate } from '../dates.ts';

export { frenchDate };
import type { Refusal } from '../errors.ts';

/** @deprecated Refusal, from domain/errors.ts (kept for branches written before decision 012's addendum). */
export type PassRefusal = Refusal;

/** `['AI', 'ACI']` → `AI ou ACI`. */
export function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

export const PASS_DURATION_DAYS = 730;
export const HIRING_MAX_ADVANCE_MONTHS = 6;
export const HIRING_MAX_POSTPONEMENT_DAYS = 30;

/** The last day of a PASS that starts on `start`, before any suspension or prolongation. */
export function passEndDate(start: IsoDate): IsoDate {
  // 730 days counting the start day itself.
  return addDays(start, PASS_DURATION_DAYS - 1);
}

/** The latest hiring start date allowed when the hire is recorded on `today` (inclusive). */
export function latestHiringStartDate(today: IsoDate): IsoDate {
  return addMonths(today, HIRING_MAX_ADVANCE_MONTHS);
}

/** A hiring start date: today or later, and at most 6 months ahead (that day included). */
export function checkHiringStartDate(start: IsoDate, today: IsoDate): Refusal[] {
  const refusals: Refusal[] = [];
  if (compareDates(start, today) < 0) {
    refusals.push({
      code: 'hiring_start_in_past',
      message: 'La date de début du contrat ne peut pas être dans le passé.',
    });
  }
  const latest = latestHiringStartDate(today);
  if (compareDates(start, latest) > 0) {
    refusals.push({
      code: 'hiring_start_too_far',
      message: `La date de début du contrat ne peut pas être fixée à plus de 6 mois : au plus tard le ${frenchDate(latest)}.`,
    });
  }
  return refusals;
}

/**
 * Postponing a hire: the new start date is later than the current one, and at most 30 days
 * after the start date first agreed. `originalStart` defaults to `current`; pass the first
 * agreed date so that successive postponements cannot add up to more than 30 days.
 * The caller also applies checkHiringStartDate(next, today) for "not in the past / 6 months".
 */
export function checkHiringPostponement(current: IsoDate, next: IsoDate, originalStart: IsoDate = current): Refusal[] {
  const refusals: Refusal[] = [];
  if (compareDates(next, current) <= 0) {
    refusals.push({
      code: 'hiring_postponement_not_later',
      message: `Un report doit fixer une date de début postérieure à la date prévue (${frenchDate(current)}).`,
    });
  }
  const latest = addDays(originalStart, HIRING_MAX_POSTPONEMENT_DAYS);
  if (compareDates(next, latest) > 0) {
    refusals.push({
      code: 'hiring_postponement_too_long',
      message: `La date de début ne peut être reportée que de 30 jours au plus : au plus tard le ${frenchDate(latest)}.`,
    });
  }
  return refusals;
}
