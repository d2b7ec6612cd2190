// The self-prescription right of an SIAE (docs/rules.md §8): its transition table, its state
// on any day, and its next deadline for the SIAE's long-running workflow. A revocation keeps
// les-emplois's shape: an inclusive date range, `until` null for a permanent one.
import { addDays, compareDates, frenchDate, type IsoDate } from '../dates.ts';
import { BusinessRuleError, type Refusal } from '../errors.ts';
import type { Role } from '../organizations.ts';

export interface Revocation {
  /** First revoked day. */
  from: IsoDate;
  /** Last revoked day (inclusive); null for a permanent revocation. */
  until: IsoDate | null;
}

export type RightState =
  /** `scheduled`: a notified revocation that has not started yet. */
  | { status: 'active'; scheduled: Revocation | null }
  | { status: 'revoked_until'; from: IsoDate; until: IsoDate }
  | { status: 'revoked_permanently'; from: IsoDate };

export type RightStatus = RightState['status'];
export type RightAction = 'schedule' | 'start' | 'restore' | 'lift';

export const INITIAL_RIGHT: RightState = { status: 'active', scheduled: null };

/**
 * docs/rules.md §8: a sanction schedules the revocation (DDETS); it starts on its start date
 * (timer); a temporary one ends by itself the day after its end date (timer); a permanent one
 * ends only when a prefecture agent of the SIAE's département lifts it.
 */
export const RIGHT_TRANSITIONS: Record<
  RightAction,
  { from: readonly RightStatus[]; to: readonly RightStatus[]; by: 'DDETS' | 'TIMER' | 'PREFECTURE' }
> = {
  schedule: { from: ['active'], to: ['active'], by: 'DDETS' },
  start: { from: ['active'], to: ['revoked_until', 'revoked_permanently'], by: 'TIMER' },
  restore: { from: ['revoked_until'], to: ['active'], by: 'TIMER' },
  lift: { from: ['revoked_permanently'], to: ['active'], by: 'PREFECTURE' },
};

export const RIGHT_STATUS_LABELS: Record<RightStatus, string> = {
  active: 'Actif',
  revoked_until: 'Retiré temporairement',
  revoked_permanently: 'Retiré définitivement',
};

export const RIGHT_REFUSALS = {
  notAllowed: (state: RightState) =>
    new BusinessRuleError(
      'self_prescription_right_transition_not_allowed',
      `Action impossible : le droit d'auto-prescription est à l'état « ${RIGHT_STATUS_LABELS[state.status]} ».`,
    ),
  alreadyScheduled: (r: Revocation) =>
    new BusinessRuleError(
      'self_prescription_revocation_already_scheduled',
      `Un retrait du droit d'auto-prescription est déjà prévu à partir du ${frenchDate(r.from)}.`,
    ),
  notDue: (on: IsoDate) =>
    new BusinessRuleError(
      'self_prescription_right_not_due',
      `Cette échéance n'est pas atteinte : le ${frenchDate(on)}.`,
    ),
};

/**
 * The state after an action on `today`. `schedule` takes the revocation decided by the
 * sanction (its dates checked by checkSanctions); `start` and `restore` are the timers and
 * refuse to run before their day; `lift` needs checkLift to pass first.
 */
export function nextRightState(
  state: RightState,
  action: RightAction,
  today: IsoDate,
  revocation?: Revocation,
): RightState {
  if (!RIGHT_TRANSITIONS[action].from.includes(state.status)) throw RIGHT_REFUSALS.notAllowed(state);
  switch (action) {
    case 'schedule': {
      if (!revocation) throw new RangeError('schedule needs a revocation');
      if (state.status === 'active' && state.scheduled) throw RIGHT_REFUSALS.alreadyScheduled(state.scheduled);
      return { status: 'active', scheduled: revocation };
    }
    case 'start': {
      const scheduled = state.status === 'active' ? state.scheduled : null;
      if (!scheduled) throw RIGHT_REFUSALS.notAllowed(state);
      if (compareDates(today, scheduled.from) < 0) throw RIGHT_REFUSALS.notDue(scheduled.from);
      return scheduled.until === null
        ? { status: 'revoked_permanently', from: scheduled.from }
        : { status: 'revoked_until', from: scheduled.from, until: scheduled.until };
    }
    case 'restore': {
      const back = nextRightDeadline(state)!.on;
      if (compareDates(today, back) < 0) throw RIGHT_REFUSALS.notDue(back);
      return INITIAL_RIGHT;
    }
    case 'lift':
      return INITIAL_RIGHT;
  }
}

export interface RightDeadline {
  kind: 'start' | 'restore';
  /** The Paris day at whose start the right changes. */
  on: IsoDate;
}

/** The next timer of the right: a scheduled revocation's start, or the day after a temporary one's end. */
export function nextRightDeadline(state: RightState): RightDeadline | null {
  if (state.status === 'active') return state.scheduled ? { kind: 'start', on: state.scheduled.from } : null;
  if (state.status === 'revoked_until') return { kind: 'restore', on: addDays(state.until, 1) };
  return null;
}

/** The state on a day, with every timer due by then applied (a projection or a late workflow). */
export function rightOn(state: RightState, day: IsoDate): RightState {
  let current = state;
  for (let deadline = nextRightDeadline(current); deadline && compareDates(deadline.on, day) <= 0;) {
    current = nextRightState(current, deadline.kind, day);
    deadline = nextRightDeadline(current);
  }
  return current;
}

/** May the SIAE self-diagnose, and hire on its own diagnosis, on that day? */
export function isRightActiveOn(state: RightState, day: IsoDate): boolean {
  return rightOn(state, day).status === 'active';
}

/** Who may lift a permanent revocation: a prefecture agent of the SIAE's département, with a reason. */
export function checkLift(input: {
  actor: { role: Role; departement: string | null };
  siaeDepartement: string;
  reason: string;
}): Refusal[] {
  const refusals: Refusal[] = [];
  if (input.actor.role !== 'PREFECTURE_AGENT' || input.actor.departement !== input.siaeDepartement) {
    refusals.push({
      code: 'self_prescription_lift_forbidden',
      message:
        "Seul un agent de la préfecture du département de la structure peut rétablir un droit d'auto-prescription retiré définitivement.",
    });
  }
  if (!input.reason.trim()) {
    refusals.push({ code: 'self_prescription_lift_reason_required', message: 'Indiquez le motif du rétablissement.' });
  }
  return refusals;
}
