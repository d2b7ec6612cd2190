// Deadlines of a control campaign (docs/rules.md §8), in Europe/Paris calendar days (§6):
// each is the Paris day at whose start it fires. The workflow sleeps until the next one and
// asks again whenever the control changes.
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates.ts';
import type { Refusal } from '../errors.ts';
import { RATIO_DEFAULT, checkRatio } from './selection.ts';
import type { ControlPhase } from './states.ts';

/** The DDETS has 4 weeks from the opening to choose its ratio; then 30 % applies. */
export const RATIO_CHOICE_DAYS = 4 * 7;
/** Proofs phase and adversarial phase: 6 weeks each. */
export const PHASE_DAYS = 6 * 7;
/** The SIAE that has not submitted is reminded on day 30 of a phase. */
export const PHASE_REMINDER_DAY = 30;
/** While reviews are pending after a deadline, the DDETS is reminded every 7 days. */
export const DDETS_REMINDER_INTERVAL_DAYS = 7;

/**
 * The day the default ratio applies: opened on D, the DDETS may choose on D … D + 27
 * (4 weeks, the opening day included) and 30 % applies from the start of D + 28.
 */
export function ratioChoiceDeadline(openedOn: IsoDate): IsoDate {
  return addDays(openedOn, RATIO_CHOICE_DAYS);
}

/** The ratio in force on a day: the DDETS's choice, else 30 % once 4 weeks have passed, else none yet. */
export function effectiveRatio(
  campaign: { openedOn: IsoDate; chosenRatio: number | null },
  today: IsoDate,
): number | null {
  if (campaign.chosenRatio !== null) return campaign.chosenRatio;
  return compareDates(today, ratioChoiceDeadline(campaign.openedOn)) >= 0 ? RATIO_DEFAULT : null;
}

/** Every reason a DDETS may not set this ratio today (empty when it may). */
export function checkRatioChoice(ratio: number, campaign: { openedOn: IsoDate }, today: IsoDate): Refusal[] {
  const refusals = checkRatio(ratio);
  if (compareDates(today, ratioChoiceDeadline(campaign.openedOn)) >= 0) {
    refusals.push({
      code: 'control_ratio_too_late',
      message: `Le délai de 4 semaines pour choisir le taux de sélection est dépassé : le taux de ${RATIO_DEFAULT} % s'applique.`,
    });
  }
  return refusals;
}

/**
 * The day a phase is over: started (notified) on D, the SIAE may submit on D … D + 41 (6 weeks,
 * the first day included) and what is not submitted fails at the start of D + 42.
 */
export function phaseDeadline(phaseStartedOn: IsoDate): IsoDate {
  return addDays(phaseStartedOn, PHASE_DAYS);
}

/** The reminder "at day 30": 30 days after the phase started (les-emplois counts the same way). */
export function phaseReminderDay(phaseStartedOn: IsoDate): IsoDate {
  return addDays(phaseStartedOn, PHASE_REMINDER_DAY);
}

/**
 * The next DDETS reminder after a deadline: deadline + 7, + 14, … the first one strictly after
 * `after` (the last reminder sent, or the deadline itself). The deadline day carries its own
 * notice (the phase is over), so reminders start a week later.
 */
export function nextDdetsReminder(deadline: IsoDate, after: IsoDate): IsoDate {
  const elapsed = Math.max(0, daysBetween(deadline, after));
  const periods = Math.floor(elapsed / DDETS_REMINDER_INTERVAL_DAYS) + 1;
  return addDays(deadline, periods * DDETS_REMINDER_INTERVAL_DAYS);
}

export type ControlDeadlineKind = 'siaeReminder' | 'phaseDeadline' | 'ddetsReminder';

export interface ControlDeadline {
  kind: ControlDeadlineKind;
  /** The Paris day at whose start the deadline fires. */
  on: IsoDate;
}

/** One selected SIAE's control in one phase, as the workflow knows it. */
export interface ControlTimeline {
  phase: ControlPhase;
  phaseStartedOn: IsoDate;
  submitted: boolean;
  siaeReminded: boolean;
  deadlinePassed: boolean;
  /** Submitted criteria not reviewed yet. */
  reviewPending: boolean;
  lastDdetsReminderOn: IsoDate | null;
}

/** Every deadline still ahead of the control in its phase, earliest first. */
export function pendingControlDeadlines(t: ControlTimeline): ControlDeadline[] {
  const deadline = phaseDeadline(t.phaseStartedOn);
  const deadlines: ControlDeadline[] = [];
  if (!t.deadlinePassed) {
    if (!t.submitted && !t.siaeReminded)
      deadlines.push({ kind: 'siaeReminder', on: phaseReminderDay(t.phaseStartedOn) });
    deadlines.push({ kind: 'phaseDeadline', on: deadline });
  } else if (t.reviewPending) {
    deadlines.push({ kind: 'ddetsReminder', on: nextDdetsReminder(deadline, t.lastDdetsReminderOn ?? deadline) });
  }
  return deadlines.sort((a, b) => compareDates(a.on, b.on));
}

export function nextControlDeadline(t: ControlTimeline): ControlDeadline | null {
  return pendingControlDeadlines(t)[0] ?? null;
}
