// Suspensions of a PASS IAE (docs/rules.md §5). While a PASS is suspended its clock stops: each
// suspension pushes the end date back by its length in days, both ends included.
import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from '../dates.ts';
import { BusinessRuleError, type Refusal } from '../errors.ts';
import type { EmployerKind } from '../organizations.ts';
import { frenchDate, frenchList } from './dates.ts';

export const SUSPENSION_REASONS = [
  'CONTRAT_SUSPENDU',
  'CONTRAT_ROMPU',
  'FIN_DE_CONTRAT',
  'SITUATION_CTA',
  'CONTRAT_PASSERELLE',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = {
  CONTRAT_SUSPENDU: 'Contrat de travail suspendu depuis plus de 15 jours',
  CONTRAT_ROMPU: 'Contrat de travail rompu',
  FIN_DE_CONTRAT: 'Contrat de travail terminé',
  SITUATION_CTA:
    "Situation faisant l'objet d'un accord entre les acteurs membres du Comité technique d'animation (CTA)",
  CONTRAT_PASSERELLE: 'Contrat passerelle',
};

/** Reasons open to one kind of employer only; every other reason is open to all. */
export const SUSPENSION_REASON_EMPLOYER_KINDS: Partial<Record<SuspensionReason, readonly EmployerKind[]>> = {
  CONTRAT_PASSERELLE: ['ACI', 'EI'],
};

export const SUSPENSION_MAX_MONTHS = 36;
export const SUSPENSION_MAX_BACKDATE_DAYS = 30;
/** "More than 15 days": a contract suspended for 15 days or less does not suspend the PASS. */
export const CONTRAT_SUSPENDU_MIN_DAYS = 16;

export interface Suspension {
  /** First suspended day. */
  start: IsoDate;
  /** Last suspended day (inclusive): the planned one until the suspension is ended early. */
  end: IsoDate;
  reason: SuspensionReason;
}

export function suspensionReasonsFor(kind: EmployerKind): SuspensionReason[] {
  return SUSPENSION_REASONS.filter((reason) => SUSPENSION_REASON_EMPLOYER_KINDS[reason]?.includes(kind) ?? true);
}

/** Days the suspension covers, both ends included (a one-day suspension has start = end). */
export function suspensionLengthDays(s: { start: IsoDate; end: IsoDate }): number {
  return daysBetween(s.start, s.end) + 1;
}

/**
 * The last day a suspension starting on `start` may cover: 36 months counted like a PASS's
 * 730 days, the start day included — 2026-03-01 gives 2029-02-28. addMonths clamps to the
 * end of the month, so a start on 29 February gets one day less in a non-leap target year.
 */
export function suspensionMaxEnd(start: IsoDate): IsoDate {
  return addDays(addMonths(start, SUSPENSION_MAX_MONTHS), -1);
}

/** The earliest start a suspension recorded on `today` may have (30 days back, that day included). */
export function earliestSuspensionStart(today: IsoDate): IsoDate {
  return addDays(today, -SUSPENSION_MAX_BACKDATE_DAYS);
}

/** Inclusive ranges overlap when each starts no later than the other ends. */
function overlaps(a: { start: IsoDate; end: IsoDate }, b: { start: IsoDate; end: IsoDate }): boolean {
  return compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;
}

export interface SuspensionRequest {
  start: IsoDate;
  end: IsoDate;
  reason: SuspensionReason;
  /** Kind of the employer asking, which must be the one of the last accepted hire. */
  employerKind: EmployerKind;
  today: IsoDate;
  /** Start date of the last accepted hire on this PASS. */
  lastHireStart: IsoDate;
  /** The PASS's other suspensions (leave out the one being edited). */
  existing: readonly Suspension[];
  passStart: IsoDate;
  /** The PASS's current end date, after its suspensions and prolongations. */
  passEnd: IsoDate;
}

const SUSPENSION_REFUSALS = {
  expired: (passEnd: IsoDate): Refusal => ({
    code: 'pass_expired',
    message: `Le PASS IAE a expiré le ${frenchDate(passEnd)} : il ne peut plus être suspendu.`,
  }),
  beforePass: (passStart: IsoDate): Refusal => ({
    code: 'suspension_before_pass',
    message: `La suspension ne peut pas commencer avant le début du PASS IAE (${frenchDate(passStart)}).`,
  }),
};

/**
 * Whether a suspension may be recorded on `today` at all, whatever its dates and reason
 * (docs/rules.md §5): the PASS has started (a suspension starts no later than today and not
 * before the PASS) and has not expired. The PASS page shows these before the form.
 */
export function checkSuspensionOpen(r: Pick<SuspensionRequest, 'today' | 'passStart' | 'passEnd'>): Refusal[] {
  if (compareDates(r.today, r.passEnd) > 0) return [SUSPENSION_REFUSALS.expired(r.passEnd)];
  if (compareDates(r.today, r.passStart) < 0) return [SUSPENSION_REFUSALS.beforePass(r.passStart)];
  return [];
}

/**
 * Every rule a new suspension breaks (empty when it may be recorded). Beyond docs/rules.md §5, the PASS
 * must not have expired on `today` and the suspension must start within the PASS: a PASS that
 * is over cannot be suspended back to life, and a suspension before the PASS has no clock to stop.
 */
export function checkSuspension(r: SuspensionRequest): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (code: string, message: string) => refusals.push({ code, message });

  if (compareDates(r.today, r.passEnd) > 0) refusals.push(SUSPENSION_REFUSALS.expired(r.passEnd));
  if (compareDates(r.end, r.start) < 0) {
    refuse('suspension_end_before_start', 'La date de fin de la suspension ne peut pas précéder sa date de début.');
  }
  if (compareDates(r.start, r.today) > 0) {
    refuse('suspension_start_in_future', 'La date de début de la suspension ne peut pas être dans le futur.');
  }
  const earliest = earliestSuspensionStart(r.today);
  if (compareDates(r.start, earliest) < 0) {
    refuse(
      'suspension_start_too_old',
      `La date de début de la suspension ne peut pas remonter à plus de 30 jours : au plus tôt le ${frenchDate(earliest)}.`,
    );
  }
  if (compareDates(r.start, r.passStart) < 0) refusals.push(SUSPENSION_REFUSALS.beforePass(r.passStart));
  if (compareDates(r.start, r.lastHireStart) < 0) {
    refuse(
      'suspension_before_hire',
      `La suspension ne peut pas commencer avant le début du dernier contrat (${frenchDate(r.lastHireStart)}).`,
    );
  }
  const maxEnd = suspensionMaxEnd(r.start);
  if (compareDates(r.end, maxEnd) > 0) {
    refuse(
      'suspension_too_long',
      `Une suspension ne peut pas dépasser 36 mois : date de fin au plus tard le ${frenchDate(maxEnd)}.`,
    );
  }
  if (
    r.reason === 'CONTRAT_SUSPENDU' &&
    compareDates(r.end, r.start) >= 0 &&
    suspensionLengthDays(r) < CONTRAT_SUSPENDU_MIN_DAYS
  ) {
    refuse(
      'suspension_too_short',
      'Le motif « contrat de travail suspendu » exige une suspension de plus de 15 jours.',
    );
  }
  const kinds = SUSPENSION_REASON_EMPLOYER_KINDS[r.reason];
  if (kinds && !kinds.includes(r.employerKind)) {
    refuse(
      'suspension_reason_not_allowed',
      `Le motif « ${SUSPENSION_REASON_LABELS[r.reason]} » est réservé aux structures de type ${frenchList(kinds)}.`,
    );
  }
  for (const other of r.existing) {
    if (overlaps(r, other)) {
      refuse(
        'suspension_overlap',
        `La suspension chevauche une autre suspension du ${frenchDate(other.start)} au ${frenchDate(other.end)}.`,
      );
    }
  }
  return refusals;
}

/** The end date once the clock has stopped for every suspension: pushed back by their lengths. */
export function endDateWithSuspensions(baseEnd: IsoDate, suspensions: readonly Suspension[]): IsoDate {
  return addDays(
    baseEnd,
    suspensions.reduce((days, s) => days + suspensionLengthDays(s), 0),
  );
}

/**
 * The suspension with its last day brought forward to `endDate` (the day before the person
 * came back). Refused when the suspension is already over (`s.end` before today), when
 * `endDate` is before its start (a suspension that never happened is deleted, not ended),
 * after its current end (that would lengthen it) or in the future (one ends what happened;
 * a planned return date is the suspension's own end date). `endDate` = today keeps today
 * suspended; `endDate` = s.end changes nothing.
 */
export function endSuspensionEarly(s: Suspension, endDate: IsoDate, today: IsoDate): Suspension {
  if (compareDates(s.end, today) < 0) {
    throw new BusinessRuleError(
      'suspension_already_ended',
      `Cette suspension a déjà pris fin le ${frenchDate(s.end)}.`,
    );
  }
  if (compareDates(endDate, s.start) < 0) {
    throw new BusinessRuleError(
      'suspension_end_before_start',
      `La date de fin de la suspension ne peut pas précéder sa date de début (${frenchDate(s.start)}).`,
    );
  }
  if (compareDates(endDate, s.end) > 0) {
    throw new BusinessRuleError(
      'suspension_end_after_current_end',
      `Une suspension ne peut être levée qu'avant sa date de fin prévue (${frenchDate(s.end)}).`,
    );
  }
  if (compareDates(endDate, today) > 0) {
    throw new BusinessRuleError(
      'suspension_end_in_future',
      "La date de fin d'une suspension levée ne peut pas être dans le futur.",
    );
  }
  return { ...s, end: endDate };
}

/**
 * A new hire on the PASS ends a suspension the day before the contract starts (docs/rules.md §4).
 * A suspension already over is kept as is; one that would not have started before the hire
 * has no day left, so it disappears (null).
 */
export function suspensionEndedByHire(s: Suspension, hireStart: IsoDate): Suspension | null {
  if (compareDates(hireStart, s.start) <= 0) return null;
  if (compareDates(hireStart, s.end) > 0) return s;
  return { ...s, end: addDays(hireStart, -1) };
}
