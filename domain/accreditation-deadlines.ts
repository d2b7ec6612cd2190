// The accreditation request's deadlines (docs/rules.md §7), as a pure function of its state:
// the workflow sleeps until the next one, and re-asks whenever the request changes.
import type { AccreditationState } from './accreditation.ts';
import { addDays, compareDates, type IsoDate } from './dates.ts';

export const PREFECTURE_REMINDER_DAYS = 7;
export const OVERDUE_DAYS = 30;
export const INFORMATION_ANSWER_DAYS = 30;
export const RENEWAL_REMINDER_DAYS_BEFORE_END = 60;

export type AccreditationDeadlineKind = 'prefectureReminder' | 'overdue' | 'abandon' | 'renewalReminder' | 'expire';

export interface AccreditationTimeline {
  state: AccreditationState;
  submittedOn: IsoDate;
  /** When the pending information request was made (null when none is pending). */
  informationRequestedOn: IsoDate | null;
  endDate: IsoDate | null;
  prefectureReminded: boolean;
  overdue: boolean;
  renewalReminded: boolean;
}

export interface AccreditationDeadline {
  kind: AccreditationDeadlineKind;
  /** The Paris day at whose start the deadline fires. */
  on: IsoDate;
}

const OPEN: readonly AccreditationState[] = ['SUBMITTED', 'INFORMATION_REQUESTED'];

/** Every deadline still ahead of the request, earliest first. */
export function pendingAccreditationDeadlines(t: AccreditationTimeline): AccreditationDeadline[] {
  const deadlines: AccreditationDeadline[] = [];
  if (OPEN.includes(t.state)) {
    // "Without decision": counted from the submission, whatever exchanges happen meanwhile.
    if (!t.prefectureReminded)
      deadlines.push({ kind: 'prefectureReminder', on: addDays(t.submittedOn, PREFECTURE_REMINDER_DAYS) });
    if (!t.overdue) deadlines.push({ kind: 'overdue', on: addDays(t.submittedOn, OVERDUE_DAYS) });
  }
  if (t.state === 'INFORMATION_REQUESTED' && t.informationRequestedOn) {
    deadlines.push({ kind: 'abandon', on: addDays(t.informationRequestedOn, INFORMATION_ANSWER_DAYS) });
  }
  if (t.state === 'APPROVED' && t.endDate) {
    if (!t.renewalReminded)
      deadlines.push({ kind: 'renewalReminder', on: addDays(t.endDate, -RENEWAL_REMINDER_DAYS_BEFORE_END) });
    deadlines.push({ kind: 'expire', on: t.endDate });
  }
  // On the same day, the state-changing deadline comes last so reminders still go out.
  const order: AccreditationDeadlineKind[] = ['prefectureReminder', 'renewalReminder', 'overdue', 'abandon', 'expire'];
  return deadlines.sort((a, b) => compareDates(a.on, b.on) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function nextAccreditationDeadline(t: AccreditationTimeline): AccreditationDeadline | null {
  return pendingAccreditationDeadlines(t)[0] ?? null;
}
