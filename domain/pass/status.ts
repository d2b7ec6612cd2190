// Where a PASS IAE stands on a given day (docs/rules.md §5, §6): its state, the days it still
// counts, and the instant it expires — at the end of its end date, Paris time.
import { addDays, compareDates, daysBetween, startOfParisDay, type IsoDate } from '../dates.ts';
import { passEndDate } from './dates.ts';
import { endDateWithProlongations, type Prolongation } from './prolongations.ts';
import { endDateWithSuspensions, type Suspension } from './suspensions.ts';

export const PASS_STATUSES = ['future', 'valid', 'suspended', 'expired', 'cancelled'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];

export const PASS_STATUS_LABELS: Record<PassStatus, string> = {
  future: 'Valide (non démarré)',
  valid: 'Valide',
  suspended: 'Suspendu',
  expired: 'Expiré',
  cancelled: 'Annulé',
};

export interface PassDates {
  start: IsoDate;
  /** Current end date, after suspensions and prolongations (effectivePassEnd). */
  end: IsoDate;
  suspensions: readonly Suspension[];
  /** The hire that opened it was cancelled before the contract started. */
  cancelled: boolean;
}

/**
 * The end date of a PASS from its start and its history: 730 days, then every suspension's
 * and every granted prolongation's length. Lengths rather than the stored prolongation end
 * dates, because a suspension recorded after a prolongation pushes that prolongation too.
 */
export function effectivePassEnd(pass: {
  start: IsoDate;
  suspensions: readonly Suspension[];
  prolongations: readonly Prolongation[];
}): IsoDate {
  return endDateWithProlongations(
    endDateWithSuspensions(passEndDate(pass.start), pass.suspensions),
    pass.prolongations,
  );
}

function isSuspendedOn(suspensions: readonly Suspension[], day: IsoDate): boolean {
  return suspensions.some((s) => compareDates(s.start, day) <= 0 && compareDates(day, s.end) <= 0);
}

/**
 * The PASS's state on `today`. Cancellation wins over everything; a PASS is valid (or
 * suspended) from its start date through its end date, both included.
 */
export function passStatus(pass: PassDates, today: IsoDate): PassStatus {
  if (pass.cancelled) return 'cancelled';
  if (compareDates(today, pass.start) < 0) return 'future';
  if (compareDates(today, pass.end) > 0) return 'expired';
  return isSuspendedOn(pass.suspensions, today) ? 'suspended' : 'valid';
}

/**
 * The days the PASS still counts, today included: every day from today (or its start, if
 * later) through its end date on which it is not suspended. The end date already includes
 * the planned suspensions, so those days are taken out again — a PASS suspended for good
 * until its end does not count them. 0 once expired or cancelled. Suspensions must not overlap
 * (checkSuspension sees to that).
 */
export function remainingDays(pass: PassDates, today: IsoDate): number {
  if (pass.cancelled || compareDates(today, pass.end) > 0) return 0;
  const from = compareDates(today, pass.start) > 0 ? today : pass.start;
  let days = daysBetween(from, pass.end) + 1;
  for (const s of pass.suspensions) {
    const overlapStart = compareDates(s.start, from) > 0 ? s.start : from;
    const overlapEnd = compareDates(s.end, pass.end) < 0 ? s.end : pass.end;
    days -= Math.max(0, daysBetween(overlapStart, overlapEnd) + 1);
  }
  return days;
}

/** The Paris day at whose start the PASS expires: the day after its end date. */
export function passExpiryDate(end: IsoDate): IsoDate {
  return addDays(end, 1);
}

/** The instant (epoch ms) the PASS expires: 00:00 Europe/Paris the day after its end date. */
export function passExpiryInstant(end: IsoDate): number {
  return startOfParisDay(passExpiryDate(end));
}

/**
 * « Se termine dans N jours » (docs/rules.md §5, §9): the end dates of the PASS running on
 * `today` that end within `days` days — from today to today + days, both included. The
 * dashboards, the PASS list and « Mon espace » count with the same window.
 */
export function endingWithinWindow(today: IsoDate, days: number): { from: IsoDate; to: IsoDate } {
  return { from: today, to: addDays(today, days) };
}
