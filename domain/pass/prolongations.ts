// Prolongations of a PASS IAE (docs/rules.md §5): the table of reasons, as data, and the rules of a
// request. The PASS's current end date is its last valid day, so a prolongation starts the
// day after it and ends on a date the employer chooses, within the reason's limits.
import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from '../dates.ts';
import type { Refusal } from '../errors.ts';
import { SIAE_KINDS, type EmployerKind } from '../organizations.ts';
import { frenchDate, frenchList } from './dates.ts';

export const PROLONGATION_REASONS = [
  'SENIOR_CDI',
  'FIN_FORMATION',
  'RQTH',
  'SENIOR',
  'DIFFICULTES_PARTICULIERES',
] as const;
export type ProlongationReason = (typeof PROLONGATION_REASONS)[number];

/** Who decides: the employer declares, or an authorized prescriber validates. */
export type ProlongationValidator = 'EMPLOYER' | 'AUTHORIZED_PRESCRIBER';

export interface ProlongationRule {
  label: string;
  /** Longest single prolongation, in days, both ends included. */
  maxDays: number;
  /** Most days all prolongations for this reason may add up to on one PASS; null = no cap. */
  cumulativeCapDays: number | null;
  validatedBy: ProlongationValidator;
  employerKinds: readonly EmployerKind[];
}

export const PROLONGATION_RULES: Record<ProlongationReason, ProlongationRule> = {
  SENIOR_CDI: {
    label: "CDI conclu avec une personne âgée d'au moins 57 ans",
    maxDays: 3650,
    cumulativeCapDays: null,
    validatedBy: 'EMPLOYER',
    employerKinds: SIAE_KINDS,
  },
  FIN_FORMATION: {
    label: "Fin d'une formation",
    maxDays: 365,
    cumulativeCapDays: null,
    validatedBy: 'EMPLOYER',
    employerKinds: SIAE_KINDS,
  },
  RQTH: {
    label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
    maxDays: 365,
    cumulativeCapDays: 3 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: SIAE_KINDS,
  },
  SENIOR: {
    label: 'Personne âgée de 50 ans et plus',
    maxDays: 365,
    cumulativeCapDays: 5 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: SIAE_KINDS,
  },
  DIFFICULTES_PARTICULIERES: {
    label: "Difficultés particulières qui font obstacle à l'insertion durable dans l'emploi",
    maxDays: 365,
    cumulativeCapDays: 3 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: ['AI', 'ACI'],
  },
};

export const PROLONGATION_REQUEST_OPENS_MONTHS_BEFORE_END = 12;
export const PROLONGATION_REQUEST_CLOSES_MONTHS_AFTER_END = 6;
/** A request waiting for a prescriber is reminded every 10 days during its first 30 days. */
export const PROLONGATION_REQUEST_REMINDER_DAYS = [10, 20, 30] as const;

/** A granted prolongation. */
export interface Prolongation {
  reason: ProlongationReason;
  /** The day after the PASS's end date at the time it was granted. */
  start: IsoDate;
  /** Last day (inclusive). */
  end: IsoDate;
}

export function prolongationReasonsFor(kind: EmployerKind): ProlongationReason[] {
  return PROLONGATION_REASONS.filter((reason) => PROLONGATION_RULES[reason].employerKinds.includes(kind));
}

/** The first day of a prolongation of a PASS whose last day is `currentEnd`. */
export function prolongationStart(currentEnd: IsoDate): IsoDate {
  return addDays(currentEnd, 1);
}

export function prolongationLengthDays(p: { start: IsoDate; end: IsoDate }): number {
  return daysBetween(p.start, p.end) + 1;
}

/** Days already granted for this reason on the PASS. */
export function grantedDays(reason: ProlongationReason, previous: readonly Prolongation[]): number {
  return previous.filter((p) => p.reason === reason).reduce((days, p) => days + prolongationLengthDays(p), 0);
}

/** Days still available for this reason: the smaller of the per-prolongation max and what is left of the cap. */
export function availableDays(reason: ProlongationReason, previous: readonly Prolongation[]): number {
  const rule = PROLONGATION_RULES[reason];
  if (rule.cumulativeCapDays === null) return rule.maxDays;
  return Math.max(0, Math.min(rule.maxDays, rule.cumulativeCapDays - grantedDays(reason, previous)));
}

/** The latest end date a prolongation for this reason may have (null when the cap is used up). */
export function prolongationMaxEnd(
  reason: ProlongationReason,
  currentEnd: IsoDate,
  previous: readonly Prolongation[],
): IsoDate | null {
  const days = availableDays(reason, previous);
  return days > 0 ? addDays(prolongationStart(currentEnd), days - 1) : null;
}

/** The days on which a request may be made: from 12 months before the end to 6 months after it, both included. */
export function prolongationRequestWindow(currentEnd: IsoDate): { opens: IsoDate; closes: IsoDate } {
  return {
    opens: addMonths(currentEnd, -PROLONGATION_REQUEST_OPENS_MONTHS_BEFORE_END),
    closes: addMonths(currentEnd, PROLONGATION_REQUEST_CLOSES_MONTHS_AFTER_END),
  };
}

/** The days at whose start a pending request made on `requestedOn` is reminded to the prescriber. */
export function prolongationRequestReminderDates(requestedOn: IsoDate): IsoDate[] {
  return PROLONGATION_REQUEST_REMINDER_DAYS.map((days) => addDays(requestedOn, days));
}

/** Prolongations push the end back by their lengths, like suspensions, whatever order they came in. */
export function endDateWithProlongations(baseEnd: IsoDate, prolongations: readonly Prolongation[]): IsoDate {
  return addDays(
    baseEnd,
    prolongations.reduce((days, p) => days + prolongationLengthDays(p), 0),
  );
}

export interface ProlongationRequest {
  reason: ProlongationReason;
  /** Last day of the prolongation asked for. */
  endDate: IsoDate;
  /** The PASS's current end date, after suspensions and earlier prolongations. */
  currentEnd: IsoDate;
  today: IsoDate;
  employerKind: EmployerKind;
  /** Prolongations already granted on this PASS. */
  previous: readonly Prolongation[];
  /** Whether a request on this PASS is already waiting for a prescriber. */
  pendingRequest: boolean;
}

export interface ProlongationCheck {
  start: IsoDate;
  /** Empty when the request may go ahead. */
  refusals: Refusal[];
  validatedBy: ProlongationValidator;
  /** True when an authorized prescriber must validate before the prolongation applies. */
  needsPrescriber: boolean;
}

/**
 * Whether a prolongation may be asked for on `today` at all, whatever its reason and end date
 * (docs/rules.md §5): no other request pending, and within the request window. The PASS page
 * shows these before the form.
 */
export function checkProlongationOpen(
  r: Pick<ProlongationRequest, 'currentEnd' | 'today' | 'pendingRequest'>,
): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (code: string, message: string) => refusals.push({ code, message });
  if (r.pendingRequest) {
    refuse(
      'prolongation_request_pending',
      'Une demande de prolongation est déjà en attente pour ce PASS IAE : une seule demande à la fois.',
    );
  }
  const window = prolongationRequestWindow(r.currentEnd);
  if (compareDates(r.today, window.opens) < 0) {
    refuse(
      'prolongation_too_early',
      `Une prolongation ne peut être demandée que dans les 12 mois précédant la fin du PASS IAE, à partir du ${frenchDate(window.opens)}.`,
    );
  }
  if (compareDates(r.today, window.closes) > 0) {
    refuse(
      'prolongation_too_late',
      `Une prolongation ne peut plus être demandée plus de 6 mois après la fin du PASS IAE (au plus tard le ${frenchDate(window.closes)}).`,
    );
  }
  return refusals;
}

/**
 * The rules of a prolongation request. Beyond docs/rules.md §5, a prolongation that would already be
 * over on `today` is refused: it could only make an expired PASS expire again.
 */
export function checkProlongation(r: ProlongationRequest): ProlongationCheck {
  const rule = PROLONGATION_RULES[r.reason];
  const start = prolongationStart(r.currentEnd);
  const refusals: Refusal[] = [];
  const refuse = (code: string, message: string) => refusals.push({ code, message });

  if (!rule.employerKinds.includes(r.employerKind)) {
    refuse(
      'prolongation_reason_not_allowed',
      `Le motif « ${rule.label} » est réservé aux structures de type ${frenchList(rule.employerKinds)}.`,
    );
  }
  refusals.push(...checkProlongationOpen(r));
  if (compareDates(r.endDate, start) < 0) {
    refuse(
      'prolongation_end_before_start',
      `La prolongation commence le ${frenchDate(start)} : sa date de fin ne peut pas être antérieure.`,
    );
  } else {
    const days = prolongationLengthDays({ start, end: r.endDate });
    if (days > rule.maxDays) {
      refuse(
        'prolongation_too_long',
        `Pour ce motif, une prolongation ne peut dépasser ${rule.maxDays} jours : date de fin au plus tard le ${frenchDate(addDays(start, rule.maxDays - 1))}.`,
      );
    }
    if (rule.cumulativeCapDays !== null) {
      const left = rule.cumulativeCapDays - grantedDays(r.reason, r.previous);
      if (days > left) {
        refuse(
          'prolongation_cap_reached',
          left > 0
            ? `Pour ce motif, les prolongations ne peuvent pas dépasser ${rule.cumulativeCapDays} jours au total : il reste ${left} jours.`
            : `Pour ce motif, la durée totale de prolongation (${rule.cumulativeCapDays} jours) est atteinte.`,
        );
      }
    }
  }
  if (compareDates(r.endDate, r.today) < 0) {
    refuse('prolongation_end_in_past', 'La date de fin de la prolongation ne peut pas être dans le passé.');
  }
  return {
    start,
    refusals,
    validatedBy: rule.validatedBy,
    needsPrescriber: rule.validatedBy === 'AUTHORIZED_PRESCRIBER',
  };
}
