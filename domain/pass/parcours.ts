// A parcours (one PASS IAE) as plain data and pure transitions (docs/rules.md §4, §5). The parcours
// workflow holds this state, applies these functions to its updates and timers, and
// projects the result; nothing here knows about Temporal or the database.
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates.ts';
import { BusinessRuleError, throwIfRefused } from '../errors.ts';
import type { EmployerKind } from '../organizations.ts';
import { frenchDate } from './dates.ts';
import { checkProlongation, type Prolongation, type ProlongationReason } from './prolongations.ts';
import { effectivePassEnd, passExpiryDate, passStatus, remainingDays, type PassStatus } from './status.ts';
import {
  checkSuspension,
  endSuspensionEarly,
  suspensionEndedByHire,
  type Suspension,
  type SuspensionReason,
} from './suspensions.ts';
import { anonymizationDate, PASS_REMINDER_DAYS_BEFORE_END, waitingPeriodEnd } from './waiting-period.ts';

export interface ParcoursHire {
  employerId: string;
  employerKind: EmployerKind;
  start: IsoDate;
}

export interface ParcoursSuspension extends Suspension {
  id: string;
  employerId: string;
}

export interface ParcoursProlongation extends Prolongation {
  id: string;
  validatedBy: 'EMPLOYER' | 'AUTHORIZED_PRESCRIBER';
}

export interface PendingProlongationRequest {
  id: string;
  reason: ProlongationReason;
  endDate: IsoDate;
  requestedOn: IsoDate;
  employerId: string;
  prescriberOrganizationId: string;
  remindersSent: number;
}

export type ParcoursEventKind =
  | 'issued'
  | 'hired'
  | 'suspended'
  | 'suspensionEnded'
  | 'prolonged'
  | 'prolongationRequested'
  | 'prolongationGranted'
  | 'prolongationDenied'
  | 'prolongationRequestReminder'
  | 'endReminder'
  | 'expired'
  | 'cancelled'
  | 'hireCancelled'
  | 'hirePostponed'
  | 'waitingPeriodEnded'
  | 'anonymized';

export interface ParcoursEvent {
  on: IsoDate;
  kind: ParcoursEventKind;
  detail?: string;
}

export interface ParcoursState {
  passNumber: string;
  personId: string;
  start: IsoDate;
  cancelled: boolean;
  hires: ParcoursHire[];
  suspensions: ParcoursSuspension[];
  prolongations: ParcoursProlongation[];
  pendingRequest: PendingProlongationRequest | null;
  /** End reminders (90, 30, 7 days) already sent while approaching the current end date. */
  remindedThresholds: number[];
  expired: boolean;
  waitingPeriodEnded: boolean;
  anonymized: boolean;
  events: ParcoursEvent[];
}

/** Who a notification goes to; the workflow's projection turns these into inbox rows. */
export interface ParcoursNotice {
  organizationId: string;
  subject: string;
  body: string;
}

export interface ParcoursChange {
  state: ParcoursState;
  notices: ParcoursNotice[];
}

export const PARCOURS_REFUSALS = {
  notHoldingEmployer: () =>
    new BusinessRuleError(
      'not_holding_employer',
      "Seul l'employeur de la dernière embauche peut suspendre ou prolonger ce PASS IAE.",
    ),
  cancelled: () => new BusinessRuleError('pass_cancelled', 'Ce PASS IAE a été annulé.'),
  expiredForHire: (end: IsoDate) =>
    new BusinessRuleError(
      'pass_expired',
      `Le PASS IAE a expiré le ${frenchDate(end)} : il ne peut pas être repris pour une embauche.`,
    ),
  hireBeforeLast: (last: IsoDate) =>
    new BusinessRuleError(
      'hire_before_last_hire',
      `Une nouvelle embauche ne peut pas commencer avant la précédente (${frenchDate(last)}).`,
    ),
  suspensionUnknown: () => new BusinessRuleError('suspension_unknown', 'Suspension introuvable sur ce PASS IAE.'),
  needsPrescriber: () =>
    new BusinessRuleError(
      'prolongation_needs_prescriber',
      'Ce motif de prolongation doit être validé par un prescripteur habilité : envoyez-lui une demande.',
    ),
  declaredByEmployer: () =>
    new BusinessRuleError(
      'prolongation_declared_by_employer',
      "Ce motif de prolongation est déclaré directement par l'employeur, sans demande à un prescripteur.",
    ),
  noPendingRequest: () =>
    new BusinessRuleError('no_pending_request', "Cette demande de prolongation n'est plus en attente."),
  notTheRequestedPrescriber: () =>
    new BusinessRuleError(
      'not_requested_prescriber',
      'Cette demande de prolongation a été adressée à une autre organisation prescriptrice.',
    ),
  postponeAfterStart: (start: IsoDate) =>
    new BusinessRuleError(
      'postpone_after_start',
      `Le contrat a commencé le ${frenchDate(start)} : sa date de début ne peut plus être reportée.`,
    ),
  cancelAfterStart: (start: IsoDate) =>
    new BusinessRuleError(
      'cancel_after_start',
      `L'embauche a commencé le ${frenchDate(start)} : le PASS IAE ne peut plus être annulé.`,
    ),
};

export function holdingEmployer(state: ParcoursState): ParcoursHire {
  const last = state.hires.at(-1);
  if (!last) throw new Error('A parcours always has a hire.');
  return last;
}

export function parcoursEnd(state: ParcoursState): IsoDate {
  return effectivePassEnd(state);
}

export function parcoursStatus(state: ParcoursState, today: IsoDate): PassStatus {
  return passStatus({ ...state, end: parcoursEnd(state) }, today);
}

export function parcoursRemainingDays(state: ParcoursState, today: IsoDate): number {
  return remainingDays({ ...state, end: parcoursEnd(state) }, today);
}

function withEvent(state: ParcoursState, event: ParcoursEvent): ParcoursState {
  return { ...state, events: [...state.events, event] };
}

/**
 * After the end date moved, thresholds that are ahead again may fire again: a PASS prolonged
 * by a year gets its 90/30/7-day reminders before the new end.
 */
function rearmReminders(state: ParcoursState, today: IsoDate): ParcoursState {
  const daysLeft = daysBetween(today, parcoursEnd(state));
  return { ...state, remindedThresholds: state.remindedThresholds.filter((d) => daysLeft <= d) };
}

export function openParcours(input: {
  passNumber: string;
  personId: string;
  hire: ParcoursHire;
  today: IsoDate;
}): ParcoursState {
  const state: ParcoursState = {
    passNumber: input.passNumber,
    personId: input.personId,
    start: input.hire.start,
    cancelled: false,
    hires: [input.hire],
    suspensions: [],
    prolongations: [],
    pendingRequest: null,
    remindedThresholds: [],
    expired: false,
    waitingPeriodEnded: false,
    anonymized: false,
    events: [{ on: input.today, kind: 'issued', detail: input.hire.start }],
  };
  // Reminders whose day passed before the PASS existed are not owed.
  const daysLeft = daysBetween(input.today, parcoursEnd(state));
  return { ...state, remindedThresholds: PASS_REMINDER_DAYS_BEFORE_END.filter((d) => daysLeft < d) };
}

function assertUsable(state: ParcoursState): void {
  if (state.cancelled) throw PARCOURS_REFUSALS.cancelled();
}

function assertHolder(state: ParcoursState, employerId: string): ParcoursHire {
  const holder = holdingEmployer(state);
  if (holder.employerId !== employerId) throw PARCOURS_REFUSALS.notHoldingEmployer();
  return holder;
}

/** A new hire reuses the PASS; a suspension in progress ends the day before (docs/rules.md §4). */
export function hire(state: ParcoursState, next: ParcoursHire, today: IsoDate): ParcoursState {
  assertUsable(state);
  const end = parcoursEnd(state);
  if (compareDates(next.start, end) > 0) throw PARCOURS_REFUSALS.expiredForHire(end);
  const last = holdingEmployer(state);
  if (compareDates(next.start, last.start) < 0) throw PARCOURS_REFUSALS.hireBeforeLast(last.start);
  const suspensions = state.suspensions.flatMap((s) => {
    const ended = suspensionEndedByHire(s, next.start);
    return ended ? [{ ...s, end: ended.end }] : [];
  });
  const changed = { ...state, hires: [...state.hires, next], suspensions };
  return rearmReminders(withEvent(changed, { on: today, kind: 'hired', detail: next.start }), today);
}

export function suspend(
  state: ParcoursState,
  input: { id: string; employerId: string; start: IsoDate; end: IsoDate; reason: SuspensionReason },
  today: IsoDate,
): ParcoursState {
  assertUsable(state);
  const holder = assertHolder(state, input.employerId);
  throwIfRefused(
    checkSuspension({
      start: input.start,
      end: input.end,
      reason: input.reason,
      employerKind: holder.employerKind,
      today,
      lastHireStart: holder.start,
      existing: state.suspensions,
      passStart: state.start,
      passEnd: parcoursEnd(state),
    }),
  );
  const suspension: ParcoursSuspension = { ...input };
  const changed = { ...state, suspensions: [...state.suspensions, suspension] };
  return rearmReminders(
    withEvent(changed, { on: today, kind: 'suspended', detail: `${input.start} → ${input.end}` }),
    today,
  );
}

export function endSuspension(
  state: ParcoursState,
  input: { id: string; employerId: string; endDate: IsoDate },
  today: IsoDate,
): ParcoursState {
  assertUsable(state);
  assertHolder(state, input.employerId);
  const current = state.suspensions.find((s) => s.id === input.id);
  if (!current) throw PARCOURS_REFUSALS.suspensionUnknown();
  const ended = endSuspensionEarly(current, input.endDate, today);
  const suspensions = state.suspensions.map((s) => (s.id === input.id ? { ...s, end: ended.end } : s));
  return withEvent({ ...state, suspensions }, { on: today, kind: 'suspensionEnded', detail: ended.end });
}

function checkedProlongation(
  state: ParcoursState,
  input: { reason: ProlongationReason; endDate: IsoDate; employerKind: EmployerKind },
  today: IsoDate,
  pendingRequest: boolean,
) {
  const check = checkProlongation({
    reason: input.reason,
    endDate: input.endDate,
    currentEnd: parcoursEnd(state),
    today,
    employerKind: input.employerKind,
    previous: state.prolongations,
    pendingRequest,
  });
  throwIfRefused(check.refusals);
  return check;
}

/** Reasons the employer declares itself apply at once (SENIOR_CDI, FIN_FORMATION). */
export function declareProlongation(
  state: ParcoursState,
  input: { id: string; employerId: string; reason: ProlongationReason; endDate: IsoDate },
  today: IsoDate,
): ParcoursState {
  assertUsable(state);
  const holder = assertHolder(state, input.employerId);
  const check = checkedProlongation(state, { ...input, employerKind: holder.employerKind }, today, false);
  if (check.needsPrescriber) throw PARCOURS_REFUSALS.needsPrescriber();
  const prolongation: ParcoursProlongation = {
    id: input.id,
    reason: input.reason,
    start: check.start,
    end: input.endDate,
    validatedBy: 'EMPLOYER',
  };
  const changed = reviveIfProlonged({ ...state, prolongations: [...state.prolongations, prolongation] }, today);
  return rearmReminders(
    withEvent(changed, { on: today, kind: 'prolonged', detail: `${input.reason} → ${input.endDate}` }),
    today,
  );
}

/** Reasons an authorized prescriber validates become a pending request (one at a time). */
export function requestProlongation(
  state: ParcoursState,
  input: {
    id: string;
    employerId: string;
    reason: ProlongationReason;
    endDate: IsoDate;
    prescriberOrganizationId: string;
  },
  today: IsoDate,
): ParcoursChange {
  assertUsable(state);
  const holder = assertHolder(state, input.employerId);
  const check = checkedProlongation(
    state,
    { ...input, employerKind: holder.employerKind },
    today,
    state.pendingRequest !== null,
  );
  if (!check.needsPrescriber) throw PARCOURS_REFUSALS.declaredByEmployer();
  const pendingRequest: PendingProlongationRequest = {
    id: input.id,
    reason: input.reason,
    endDate: input.endDate,
    requestedOn: today,
    employerId: input.employerId,
    prescriberOrganizationId: input.prescriberOrganizationId,
    remindersSent: 0,
  };
  return {
    state: withEvent({ ...state, pendingRequest }, { on: today, kind: 'prolongationRequested', detail: input.reason }),
    notices: [
      {
        organizationId: input.prescriberOrganizationId,
        subject: 'Demande de prolongation de PASS IAE',
        body: `Un employeur demande la prolongation du PASS IAE ${state.passNumber} jusqu'au ${frenchDate(input.endDate)}. Merci de l'accepter ou de la refuser.`,
      },
    ],
  };
}

function pendingFor(state: ParcoursState, requestId: string, prescriberOrganizationId: string | null) {
  const pending = state.pendingRequest;
  if (!pending || pending.id !== requestId) throw PARCOURS_REFUSALS.noPendingRequest();
  if (prescriberOrganizationId !== null && pending.prescriberOrganizationId !== prescriberOrganizationId) {
    throw PARCOURS_REFUSALS.notTheRequestedPrescriber();
  }
  return pending;
}

/** `prescriberOrganizationId` null: an administrator decides. */
export function grantProlongation(
  state: ParcoursState,
  input: { requestId: string; prescriberOrganizationId: string | null },
  today: IsoDate,
): ParcoursChange {
  assertUsable(state);
  const pending = pendingFor(state, input.requestId, input.prescriberOrganizationId);
  const holder = holdingEmployer(state);
  // Re-checked at decision time: the end date may have moved since the request.
  const check = checkedProlongation(state, { ...pending, employerKind: holder.employerKind }, today, false);
  const prolongation: ParcoursProlongation = {
    id: pending.id,
    reason: pending.reason,
    start: check.start,
    end: pending.endDate,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
  };
  const changed = reviveIfProlonged(
    { ...state, prolongations: [...state.prolongations, prolongation], pendingRequest: null },
    today,
  );
  return {
    state: rearmReminders(
      withEvent(changed, { on: today, kind: 'prolongationGranted', detail: pending.endDate }),
      today,
    ),
    notices: [
      {
        organizationId: pending.employerId,
        subject: 'Prolongation de PASS IAE accordée',
        body: `La prolongation du PASS IAE ${state.passNumber} jusqu'au ${frenchDate(pending.endDate)} est accordée.`,
      },
    ],
  };
}

export function denyProlongation(
  state: ParcoursState,
  input: { requestId: string; prescriberOrganizationId: string | null; reason: string },
  today: IsoDate,
): ParcoursChange {
  const pending = pendingFor(state, input.requestId, input.prescriberOrganizationId);
  return {
    state: withEvent(
      { ...state, pendingRequest: null },
      { on: today, kind: 'prolongationDenied', detail: input.reason },
    ),
    notices: [
      {
        organizationId: pending.employerId,
        subject: 'Prolongation de PASS IAE refusée',
        body: `La prolongation du PASS IAE ${state.passNumber} est refusée. Motif : ${input.reason}`,
      },
    ],
  };
}

/** Only before the contract starts (docs/rules.md §5: `cancelled` if the hire is cancelled before start). */
export function cancelParcours(state: ParcoursState, today: IsoDate): ParcoursState {
  assertUsable(state);
  if (compareDates(today, state.start) >= 0) throw PARCOURS_REFUSALS.cancelAfterStart(state.start);
  return withEvent({ ...state, cancelled: true }, { on: today, kind: 'cancelled' });
}

/**
 * A hire cancelled before its contract starts (docs/rules.md §4): the PASS it opened is cancelled; a
 * PASS it reused drops that hire and returns to the previous employer. A suspension that hire
 * ended early stays ended: the employer declares a new one if needed.
 */
export function cancelHire(state: ParcoursState, cancelled: ParcoursHire, today: IsoDate): ParcoursState {
  assertUsable(state);
  const last = holdingEmployer(state);
  const isLast = last.employerId === cancelled.employerId && last.start === cancelled.start;
  if (!isLast) throw PARCOURS_REFUSALS.notHoldingEmployer();
  if (state.hires.length === 1) return cancelParcours(state, today);
  if (compareDates(today, last.start) >= 0) throw PARCOURS_REFUSALS.cancelAfterStart(last.start);
  const changed = { ...state, hires: state.hires.slice(0, -1) };
  return withEvent(changed, { on: today, kind: 'hireCancelled', detail: last.start });
}

/**
 * A hire's start date postponed before the contract starts (docs/rules.md §4; the 30-day limit is the
 * caller's, checkHiringPostponement). A PASS opened by that hire starts with it, so its dates
 * move too; a reused PASS keeps its dates and the hire must still fall within them.
 */
export function postponeHire(
  state: ParcoursState,
  postponed: ParcoursHire,
  newStart: IsoDate,
  today: IsoDate,
): ParcoursState {
  assertUsable(state);
  const last = holdingEmployer(state);
  if (last.employerId !== postponed.employerId || last.start !== postponed.start)
    throw PARCOURS_REFUSALS.notHoldingEmployer();
  if (compareDates(today, last.start) >= 0) throw PARCOURS_REFUSALS.postponeAfterStart(last.start);
  const hires = [...state.hires.slice(0, -1), { ...last, start: newStart }];
  if (state.hires.length === 1) {
    const moved = { ...state, start: newStart, hires };
    return rearmReminders(withEvent(moved, { on: today, kind: 'hirePostponed', detail: newStart }), today);
  }
  const end = parcoursEnd(state);
  if (compareDates(newStart, end) > 0) throw PARCOURS_REFUSALS.expiredForHire(end);
  return withEvent({ ...state, hires }, { on: today, kind: 'hirePostponed', detail: newStart });
}

// ---------------------------------------------------------------------------------------
// Deadlines: the workflow sleeps until the next one; any change re-computes it.

export type ParcoursDeadline =
  | { kind: 'endReminder'; on: IsoDate; days: number }
  | { kind: 'prolongationRequestReminder'; on: IsoDate }
  | { kind: 'expiry'; on: IsoDate }
  | { kind: 'waitingPeriodEnd'; on: IsoDate }
  | { kind: 'anonymization'; on: IsoDate };

/** The next deadline (at the start of its Paris day), or null once the parcours is over. */
export function nextParcoursDeadline(state: ParcoursState, today: IsoDate): ParcoursDeadline | null {
  if (state.cancelled || state.anonymized) return null;
  const end = parcoursEnd(state);
  const candidates: ParcoursDeadline[] = [];

  if (!state.expired) {
    const daysLeft = daysBetween(today, end);
    // The band the PASS is in now (e.g. 27 days left → the 30-day reminder), if not yet sent.
    const band = [...PASS_REMINDER_DAYS_BEFORE_END].sort((a, b) => a - b).find((d) => daysLeft >= 0 && daysLeft <= d);
    if (band !== undefined && !state.remindedThresholds.includes(band)) {
      candidates.push({ kind: 'endReminder', on: today, days: band });
    }
    const ahead = PASS_REMINDER_DAYS_BEFORE_END.filter((d) => d < daysLeft && !state.remindedThresholds.includes(d));
    const nextBand = Math.max(...ahead);
    if (ahead.length > 0) candidates.push({ kind: 'endReminder', on: addDays(end, -nextBand), days: nextBand });
    candidates.push({ kind: 'expiry', on: passExpiryDate(end) });
  }
  const pending = state.pendingRequest;
  if (pending && pending.remindersSent < 3) {
    candidates.push({
      kind: 'prolongationRequestReminder',
      on: addDays(pending.requestedOn, 10 * (pending.remindersSent + 1)),
    });
  }
  if (state.expired && !state.waitingPeriodEnded) {
    candidates.push({ kind: 'waitingPeriodEnd', on: addDays(waitingPeriodEnd(end), 1) });
  }
  if (state.waitingPeriodEnded) candidates.push({ kind: 'anonymization', on: anonymizationDate(end) });
  return candidates.sort((a, b) => compareDates(a.on, b.on))[0] ?? null;
}

/** What happens when a deadline is reached. */
export function applyDeadline(state: ParcoursState, deadline: ParcoursDeadline, today: IsoDate): ParcoursChange {
  const holder = holdingEmployer(state);
  const end = parcoursEnd(state);
  switch (deadline.kind) {
    case 'endReminder':
      return {
        state: withEvent(
          {
            ...state,
            remindedThresholds: [
              ...state.remindedThresholds,
              ...PASS_REMINDER_DAYS_BEFORE_END.filter((d) => d >= deadline.days),
            ],
          },
          { on: today, kind: 'endReminder', detail: String(deadline.days) },
        ),
        notices: [
          {
            organizationId: holder.employerId,
            subject: `Le PASS IAE ${state.passNumber} prend fin dans ${daysBetween(today, end)} jours`,
            body: `Le PASS IAE ${state.passNumber} est valide jusqu'au ${frenchDate(end)}. Pensez, si besoin, à demander une prolongation.`,
          },
        ],
      };
    case 'prolongationRequestReminder': {
      const pending = state.pendingRequest!;
      return {
        state: withEvent(
          { ...state, pendingRequest: { ...pending, remindersSent: pending.remindersSent + 1 } },
          { on: today, kind: 'prolongationRequestReminder' },
        ),
        notices: [
          {
            organizationId: pending.prescriberOrganizationId,
            subject: 'Rappel : demande de prolongation de PASS IAE en attente',
            body: `La demande de prolongation du PASS IAE ${state.passNumber} attend votre décision depuis le ${frenchDate(pending.requestedOn)}.`,
          },
        ],
      };
    }
    case 'expiry':
      return {
        state: withEvent({ ...state, expired: true }, { on: today, kind: 'expired', detail: end }),
        notices: [
          {
            organizationId: holder.employerId,
            subject: `Le PASS IAE ${state.passNumber} a expiré`,
            body: `Le PASS IAE ${state.passNumber} a pris fin le ${frenchDate(end)}.`,
          },
        ],
      };
    case 'waitingPeriodEnd':
      return {
        state: withEvent({ ...state, waitingPeriodEnded: true }, { on: today, kind: 'waitingPeriodEnded' }),
        notices: [],
      };
    case 'anonymization':
      return { state: withEvent({ ...state, anonymized: true }, { on: today, kind: 'anonymized' }), notices: [] };
  }
}

/** A prolongation granted after expiry (within 6 months) brings the PASS back to life. */
export function reviveIfProlonged(state: ParcoursState, today: IsoDate): ParcoursState {
  return state.expired && compareDates(today, parcoursEnd(state)) <= 0 ? { ...state, expired: false } : state;
}
