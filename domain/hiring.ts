// Hiring (accepting an application, docs/rules.md §4): every check, as one pure decision. It says
// whether the hire may happen and what becomes of the PASS IAE: none (GEIQ, EA), the
// person's valid or future PASS reused, or a new one opened on a diagnosis.
import { compareDates, frenchDate, type IsoDate } from './dates.ts';
import { BusinessRuleError, throwIfRefused } from './errors.ts';
import { pickDiagnosis, type EligibilityDiagnosis } from './eligibility.ts';
import { SIAE_KINDS, type EmployerKind } from './organizations.ts';
import { checkHiringPostponement, checkHiringStartDate } from './pass/dates.ts';
import { canOpenNewPass } from './pass/waiting-period.ts';

export interface HireDiagnosis extends EligibilityDiagnosis {
  id: string;
}

/** The person's PASS that has not ended by the hiring start date: it is reused. */
export interface CurrentPass {
  number: string;
  /** The current end date, moved by suspensions and prolongations. */
  end: IsoDate;
}

export interface HireRequest {
  today: IsoDate;
  hiringStartDate: IsoDate;
  hiringEndDate: IsoDate | null;
  employer: {
    id: string;
    kind: EmployerKind;
    /** The SIAE's right is active and the route enabled in its département on the start date. */
    selfPrescriptionAllowed: boolean;
  };
  /** Sent by an authorized prescriber: the hire is on the prescriber route (waiting period). */
  sentByAuthorizedPrescriber: boolean;
  diagnoses: readonly HireDiagnosis[];
  /** The person's valid or future PASS, if any (cancelled and expired ones excluded). */
  currentPass: CurrentPass | null;
  /** End date of the person's last PASS that has ended; null if none. */
  lastEndedPassEnd: IsoDate | null;
}

export type HirePlan = { pass: 'none' } | { pass: 'reuse'; number: string } | { pass: 'new'; diagnosisId: string };

const refusal = (code: string, message: string) => new BusinessRuleError(code, message);

export const HIRE_REFUSALS = {
  endBeforeStart: () =>
    refusal('hiring_end_before_start', 'La date de fin du contrat doit être postérieure à sa date de début.'),
  passEndsBeforeStart: (number: string, end: IsoDate) =>
    refusal(
      'pass_ends_before_hire',
      `Le PASS IAE ${number} de la personne prend fin le ${frenchDate(end)}, avant le début du contrat : choisissez une date de début au plus tard ce jour-là.`,
    ),
};

/**
 * The decision for a hire, or the first refusal as a BusinessRuleError (French message):
 * 1. start date not in the past and at most 6 months ahead; end date after start;
 * 2. GEIQ and EA: no PASS, nothing more to check;
 * 3. a valid or future PASS is reused (its diagnosis stays valid for its life) — it must
 *    still run on the start date;
 * 4. otherwise a diagnosis valid on the start date (a prescriber's first; the SIAE's own
 *    only if self-prescription is allowed), and outside the waiting period unless the
 *    prescriber route applies.
 */
export function decideHire(request: HireRequest): HirePlan {
  throwIfRefused(checkHiringStartDate(request.hiringStartDate, request.today));
  if (request.hiringEndDate !== null && compareDates(request.hiringEndDate, request.hiringStartDate) <= 0) {
    throw HIRE_REFUSALS.endBeforeStart();
  }
  if (!SIAE_KINDS.includes(request.employer.kind)) return { pass: 'none' };

  if (request.currentPass) {
    const { number, end } = request.currentPass;
    if (compareDates(request.hiringStartDate, end) > 0) throw HIRE_REFUSALS.passEndsBeforeStart(number, end);
    return { pass: 'reuse', number };
  }

  const picked = pickDiagnosis(request.diagnoses, {
    employerId: request.employer.id,
    on: request.hiringStartDate,
    selfPrescriptionAllowed: request.employer.selfPrescriptionAllowed,
  });
  if (!picked.ok) throw BusinessRuleError.of(picked);

  const newPass = canOpenNewPass({
    lastPassEnd: request.lastEndedPassEnd,
    today: request.hiringStartDate,
    route: request.sentByAuthorizedPrescriber ? 'PRESCRIBER' : 'EMPLOYER',
    hasValidPrescriberDiagnosis: picked.diagnosis.author === 'PRESCRIBER',
  });
  throwIfRefused(newPass);
  return { pass: 'new', diagnosisId: picked.diagnosis.id };
}

/**
 * A repeated accept of the hire already made (retry, double click): same start and end dates
 * on an accepted application. It answers the hire made rather than a refusal.
 */
export function isSameHire(
  hire: { state: string; hiringStartDate: IsoDate | null; hiringEndDate: IsoDate | null },
  asked: { hiringStartDate: IsoDate; hiringEndDate: IsoDate | null },
): boolean {
  return (
    hire.state === 'accepted' &&
    hire.hiringStartDate === asked.hiringStartDate &&
    hire.hiringEndDate === asked.hiringEndDate
  );
}

/**
 * Postponing the start of an accepted hire (docs/rules.md §4): before the contract starts, to a later
 * day at most 30 days after the start first agreed, and still not more than 6 months ahead.
 */
export function checkHirePostponement(
  hire: { state: string; hiringStartDate: IsoDate | null; firstHiringStartDate: IsoDate | null },
  next: IsoDate,
  today: IsoDate,
): void {
  const current = hire.hiringStartDate;
  if (hire.state !== 'accepted' || current === null) {
    throw refusal('hire_not_accepted', 'Seule la date de début d’une embauche acceptée peut être reportée.');
  }
  if (compareDates(today, current) >= 0) {
    throw refusal(
      'hire_already_started',
      `Le contrat a commencé le ${frenchDate(current)} : sa date de début ne peut plus être reportée.`,
    );
  }
  throwIfRefused(checkHiringPostponement(current, next, hire.firstHiringStartDate ?? current));
  throwIfRefused(checkHiringStartDate(next, today));
}
