// The waiting period after a PASS IAE (docs/rules.md §4, §5): for 2 years after a PASS ends, a new
// one is opened only by the prescriber route. The same 2 years bound how long a person's
// data is kept once no parcours is left.
import { addDays, addMonths, compareDates, type IsoDate } from '../dates.ts';
import type { Checked } from '../errors.ts';
import { frenchDate } from './dates.ts';

export const WAITING_PERIOD_MONTHS = 24;
export const PASS_REMINDER_DAYS_BEFORE_END = [90, 30, 7] as const;

/**
 * The last day of the waiting period (inclusive): the PASS's end date 2 years later. A PASS
 * ending 2026-01-10 keeps the person waiting through 2028-01-10; on 2028-01-11 they are free.
 * From a 29 February end the waiting period ends on 28 February (addMonths clamps).
 */
export function waitingPeriodEnd(passEnd: IsoDate): IsoDate {
  return addMonths(passEnd, WAITING_PERIOD_MONTHS);
}

/** True from the day after the PASS's end date through the waiting period's last day. */
export function inWaitingPeriod(lastPassEnd: IsoDate | null, today: IsoDate): boolean {
  if (lastPassEnd === null) return false;
  return compareDates(lastPassEnd, today) < 0 && compareDates(today, waitingPeriodEnd(lastPassEnd)) <= 0;
}

export interface NewPassRequest {
  /** End date of the person's last PASS (cancelled ones do not count); null if none. */
  lastPassEnd: IsoDate | null;
  today: IsoDate;
  /** PRESCRIBER: the application was sent by an authorized prescriber. */
  route: 'PRESCRIBER' | 'EMPLOYER';
  /** The person holds a valid diagnosis made by an authorized prescriber. */
  hasValidPrescriberDiagnosis: boolean;
}

/**
 * Whether a hire may open a new PASS. A person holds at most one valid or future PASS, so
 * while the last one has not ended it is reused rather than replaced; during the waiting
 * period only an authorized prescriber's application or diagnosis opens a new one.
 */
export function canOpenNewPass(r: NewPassRequest): Checked {
  if (r.lastPassEnd !== null && compareDates(r.today, r.lastPassEnd) <= 0) {
    return {
      ok: false,
      code: 'pass_still_valid',
      message: `La personne détient un PASS IAE valide jusqu'au ${frenchDate(r.lastPassEnd)} : il est repris pour cette embauche.`,
    };
  }
  if (inWaitingPeriod(r.lastPassEnd, r.today) && r.route !== 'PRESCRIBER' && !r.hasValidPrescriberDiagnosis) {
    const end = waitingPeriodEnd(r.lastPassEnd!);
    return {
      ok: false,
      code: 'waiting_period',
      message: `Le dernier PASS IAE de la personne a pris fin il y a moins de 2 ans : jusqu'au ${frenchDate(end)}, un nouveau PASS IAE ne peut être délivré que sur prescription d'un prescripteur habilité ou après son diagnostic.`,
    };
  }
  return { ok: true };
}

/** The Paris days at whose start the holding employer is reminded: 90, 30 and 7 days before the end date. */
export function passReminderDates(end: IsoDate): IsoDate[] {
  return PASS_REMINDER_DAYS_BEFORE_END.map((days) => addDays(end, -days));
}

/**
 * The Paris day at whose start a person's data may be anonymized if no parcours is left: the
 * day after the waiting period's last day. Anonymizing on that last day itself would erase
 * the PASS that still imposes the prescriber route that day.
 */
export function anonymizationDate(passEnd: IsoDate): IsoDate {
  return addDays(waitingPeriodEnd(passEnd), 1);
}
