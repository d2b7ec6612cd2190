// A PASS IAE taken over from the service the platform replaces (docs/rules.md §5, docs/decisions/025-take-over-import.md):
// its history so far (start, suspensions, prolongations, holding employer) becomes the parcours
// state the workflow starts from, so its end date and its pending reminders are the ones that
// history gives. Pure: "today" and the ids are passed in.
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates.ts';
import type { EmployerKind } from '../organizations.ts';
import type { ParcoursProlongation, ParcoursState, ParcoursSuspension } from './parcours.ts';
import { PROLONGATION_RULES, prolongationStart, type ProlongationReason } from './prolongations.ts';
import { effectivePassEnd } from './status.ts';
import type { SuspensionReason } from './suspensions.ts';
import { PASS_REMINDER_DAYS_BEFORE_END } from './waiting-period.ts';

/** A PASS's history as the former service knows it. */
export interface TakenOverPass {
  passNumber: string;
  start: IsoDate;
  suspensions: readonly { start: IsoDate; end: IsoDate; reason: SuspensionReason }[];
  /** In the order they were granted; each one starts the day after the end date of its time. */
  prolongations: readonly { end: IsoDate; reason: ProlongationReason }[];
}

/**
 * The prolongations with their start days: each starts the day after the end the PASS had when
 * it was granted (730 days, the suspensions, the prolongations before it). Suspensions are all
 * counted first: only lengths move the end (effectivePassEnd), so the order does not change it.
 */
export function takenOverProlongations(pass: TakenOverPass): ParcoursProlongation[] {
  const result: ParcoursProlongation[] = [];
  pass.prolongations.forEach((p, index) => {
    const currentEnd = effectivePassEnd({ start: pass.start, suspensions: pass.suspensions, prolongations: result });
    result.push({
      id: `reprise-${pass.passNumber}-p${index + 1}`,
      reason: p.reason,
      start: prolongationStart(currentEnd),
      end: p.end,
      validatedBy: PROLONGATION_RULES[p.reason].validatedBy,
    });
  });
  return result;
}

/** The end date the history gives (the PASS's last valid day). */
export function takenOverEnd(pass: TakenOverPass): IsoDate {
  return effectivePassEnd({
    start: pass.start,
    suspensions: pass.suspensions,
    prolongations: takenOverProlongations(pass),
  });
}

/**
 * The parcours state of a taken-over PASS on `today`. Reminders whose band the PASS is already
 * past are counted as sent (the former service sent them; like a PASS issued late, they are not
 * owed twice); the band of today itself, if its day is today, is still due.
 */
export function takeOverParcours(
  pass: TakenOverPass,
  input: { personId: string; employerId: string; employerKind: EmployerKind; today: IsoDate },
): ParcoursState {
  const suspensions: ParcoursSuspension[] = pass.suspensions.map((s, index) => ({
    id: `reprise-${pass.passNumber}-s${index + 1}`,
    employerId: input.employerId,
    start: s.start,
    end: s.end,
    reason: s.reason,
  }));
  const prolongations = takenOverProlongations(pass);
  const end = effectivePassEnd({ start: pass.start, suspensions, prolongations });
  const daysLeft = daysBetween(input.today, end);
  const events: ParcoursState['events'] = [
    { on: pass.start, kind: 'issued' as const, detail: pass.start },
    ...suspensions.map((s) => ({ on: s.start, kind: 'suspended' as const, detail: `${s.start} → ${s.end}` })),
    ...prolongations.map((p) => ({
      on: addDays(p.start, -1),
      kind: 'prolonged' as const,
      detail: `${p.reason} → ${p.end}`,
    })),
  ].sort((a, b) => compareDates(a.on, b.on));
  return {
    passNumber: pass.passNumber,
    personId: input.personId,
    start: pass.start,
    cancelled: false,
    hires: [{ employerId: input.employerId, employerKind: input.employerKind, start: pass.start }],
    suspensions,
    prolongations,
    pendingRequest: null,
    remindedThresholds: PASS_REMINDER_DAYS_BEFORE_END.filter((d) => daysLeft < d),
    expired: compareDates(input.today, end) > 0,
    waitingPeriodEnded: false,
    anonymized: false,
    events,
  };
}
