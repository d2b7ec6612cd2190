// Sanctions of a refused control (docs/rules.md §8), decided by the DDETS and notified to
// the SIAE. A revocation is an inclusive date range (les-emplois's shape): permanent = no end.
import { addMonths, compareDates, frenchDate, isIsoDate, type IsoDate } from '../dates.ts';
import type { Refusal } from '../errors.ts';

export type Sanction =
  | { kind: 'information_session' }
  | { kind: 'temporary_revocation'; from: IsoDate; until: IsoDate }
  | { kind: 'permanent_revocation'; from: IsoDate }
  /** Percent per failed (sanctionable) hire id, each an integer 1–100. */
  | { kind: 'subsidy_cut'; percentByHire: Readonly<Record<string, number>> }
  | { kind: 'none'; reason: string };

export type SanctionKind = Sanction['kind'];

export const SANCTION_LABELS: Record<SanctionKind, string> = {
  information_session: "Participation à une session de présentation de l'auto-prescription",
  temporary_revocation: "Retrait temporaire du droit d'auto-prescription",
  permanent_revocation: "Retrait définitif du droit d'auto-prescription",
  subsidy_cut: "Suppression partielle ou totale de l'aide au poste",
  none: 'Pas de sanction',
};

/** A revocation starts at least 1 month after the notification. */
export const REVOCATION_MIN_DELAY_MONTHS = 1;

/** The earliest start of a revocation notified on `notifiedOn`: the same date a month later. */
export function earliestRevocationStart(notifiedOn: IsoDate): IsoDate {
  return addMonths(notifiedOn, REVOCATION_MIN_DELAY_MONTHS);
}

/**
 * Every rule a set of sanctions breaks (empty when it may be notified): only on a refused
 * control; at least one; each kind once; `none` alone and with a reason; temporary and
 * permanent revocations exclude each other; revocations start ≥ 1 month after the notification
 * and a temporary one ends on or after its start; a subsidy cut names failed hires only, each
 * with an integer percentage from 1 to 100.
 */
export function checkSanctions(input: {
  controlRefused: boolean;
  sanctions: readonly Sanction[];
  notifiedOn: IsoDate;
  /** Ids of the sampled hires that failed the control. */
  failedHireIds: readonly string[];
}): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (code: string, message: string) => refusals.push({ code, message });
  const kinds = input.sanctions.map((s) => s.kind);

  if (!input.controlRefused) {
    refuse('sanction_control_not_refused', 'Une sanction ne peut être décidée que sur un contrôle refusé.');
  }
  if (kinds.length === 0) {
    refuse('sanction_missing', 'Choisissez au moins une sanction, ou « Pas de sanction » avec sa justification.');
  }
  for (const kind of new Set(kinds)) {
    if (kinds.filter((k) => k === kind).length > 1) {
      refuse('sanction_duplicate', `La sanction « ${SANCTION_LABELS[kind]} » est choisie plusieurs fois.`);
    }
  }
  if (kinds.includes('none') && kinds.some((k) => k !== 'none')) {
    refuse('sanction_none_exclusive', '« Pas de sanction » ne peut pas être combiné avec une autre sanction.');
  }
  if (kinds.includes('temporary_revocation') && kinds.includes('permanent_revocation')) {
    refuse(
      'sanction_revocations_exclusive',
      "Le retrait temporaire et le retrait définitif du droit d'auto-prescription ne peuvent pas être combinés.",
    );
  }
  const earliest = earliestRevocationStart(input.notifiedOn);
  for (const sanction of input.sanctions) {
    switch (sanction.kind) {
      case 'none':
        if (!sanction.reason.trim()) refuse('sanction_none_reason_required', "Justifiez l'absence de sanction.");
        break;
      case 'temporary_revocation':
      case 'permanent_revocation': {
        if (!isIsoDate(sanction.from) || (sanction.kind === 'temporary_revocation' && !isIsoDate(sanction.until))) {
          refuse('sanction_revocation_date_invalid', 'Les dates du retrait sont invalides.');
          break;
        }
        if (compareDates(sanction.from, earliest) < 0) {
          refuse(
            'sanction_revocation_too_soon',
            `Le retrait ne peut commencer qu'un mois au moins après la notification : au plus tôt le ${frenchDate(earliest)}.`,
          );
        }
        if (sanction.kind === 'temporary_revocation' && compareDates(sanction.until, sanction.from) < 0) {
          refuse(
            'sanction_revocation_end_before_start',
            'La fin du retrait temporaire ne peut pas précéder son début.',
          );
        }
        break;
      }
      case 'subsidy_cut': {
        const entries = Object.entries(sanction.percentByHire);
        if (entries.length === 0) {
          refuse('sanction_subsidy_cut_empty', "Indiquez le taux de suppression de l'aide pour au moins une embauche.");
        }
        for (const [hireId, percent] of entries) {
          if (!input.failedHireIds.includes(hireId)) {
            refuse(
              'sanction_subsidy_cut_hire_not_failed',
              "La suppression de l'aide au poste ne peut porter que sur une embauche dont le contrôle a échoué.",
            );
          } else if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
            refuse(
              'sanction_subsidy_cut_percent_invalid',
              "Le taux de suppression de l'aide au poste doit être un nombre entier de 1 à 100 %.",
            );
          }
        }
        break;
      }
      case 'information_session':
        break;
    }
  }
  return refusals;
}
