// French wording of the PASS IAE pages (docs/rules.md §5), from domain/pass/ (status.ts,
// suspensions.ts, prolongations.ts). The API stays the judge: these lists only decide what
// the forms offer.
import { EMPLOYER_KINDS, type EmployerKind } from '$domain/organizations.ts';
import {
  PROLONGATION_REASONS,
  PROLONGATION_RULES,
  prolongationReasonsFor as domainProlongationReasonsFor,
  type ProlongationReason,
  type ProlongationRule,
} from '$domain/pass/prolongations.ts';
import type { PassStatus } from '$domain/pass/status.ts';
import {
  SUSPENSION_REASON_LABELS,
  suspensionReasonsFor as domainSuspensionReasonsFor,
  type SuspensionReason,
} from '$domain/pass/suspensions.ts';
import { shortDate } from './pass-dates';

function isEmployerKind(kind: string): kind is EmployerKind {
  return (EMPLOYER_KINDS as readonly string[]).includes(kind);
}

export { PASS_STATUS_LABELS, PASS_STATUSES, type PassStatus } from '$domain/pass/status.ts';
/** DSFR badge variant of each status. */
export const PASS_STATUS_BADGES: Record<PassStatus, string> = {
  future: 'fr-badge--info',
  valid: 'fr-badge--success',
  suspended: 'fr-badge--warning',
  expired: '',
  cancelled: 'fr-badge--error',
};

/** A PASS IAE number: 99999 then 7 digits. */
export const PASS_NUMBER = /^99999\d{7}$/;

/** The number as typed, without spaces, dashes or dots. */
export function normalizePassNumber(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

// Suspensions ---------------------------------------------------------------------------

export {
  SUSPENSION_MAX_BACKDATE_DAYS,
  SUSPENSION_REASON_LABELS,
  SUSPENSION_REASONS,
  type SuspensionReason,
} from '$domain/pass/suspensions.ts';

/** The suspension reasons open to an employer of this kind. */
export function suspensionReasonsFor(kind: string): SuspensionReason[] {
  return isEmployerKind(kind) ? domainSuspensionReasonsFor(kind) : [];
}

export function suspensionReasonLabel(reason: string): string {
  return SUSPENSION_REASON_LABELS[reason as SuspensionReason] ?? reason;
}

// Prolongations -------------------------------------------------------------------------

export {
  PROLONGATION_REASONS,
  PROLONGATION_RULES,
  type ProlongationReason,
  type ProlongationRule,
} from '$domain/pass/prolongations.ts';

export const PROLONGATION_VALIDATOR_LABELS: Record<ProlongationRule['validatedBy'], string> = {
  EMPLOYER: "Déclaré par l'employeur",
  AUTHORIZED_PRESCRIBER: 'Validé par un prescripteur habilité',
};

export function prolongationReasonsFor(kind: string): ProlongationReason[] {
  return isEmployerKind(kind) ? domainProlongationReasonsFor(kind) : [];
}

export function isProlongationReason(value: string): value is ProlongationReason {
  return (PROLONGATION_REASONS as readonly string[]).includes(value);
}

export function prolongationReasonLabel(reason: string): string {
  return isProlongationReason(reason) ? PROLONGATION_RULES[reason].label : reason;
}

/** "3650 jours" → "10 ans", "365 jours" → "1 an", otherwise in days. */
export function durationLabel(days: number): string {
  if (days % 365 === 0) {
    const years = days / 365;
    return years === 1 ? '1 an' : `${years} ans`;
  }
  return `${days} jours`;
}

export { prolongationRequestWindow as prolongationWindow } from '$domain/pass/prolongations.ts';

// History -------------------------------------------------------------------------------

export interface PassEventLine {
  title: string;
  detail?: string;
}

/** One event of a PASS's history, in French (domain/pass/parcours.ts, ParcoursEventKind). */
export function passEventLine(event: { kind: string; detail?: string }): PassEventLine {
  const detail = event.detail ?? '';
  const [from, to] = detail.split(' → ');
  switch (event.kind) {
    case 'issued':
      return { title: 'Délivré', detail: detail ? `Début du PASS IAE le ${shortDate(detail)}` : undefined };
    case 'hired':
      return { title: 'Embauche', detail: detail ? `Contrat commencé le ${shortDate(detail)}` : undefined };
    case 'suspended':
      return from && to ? { title: `Suspendu du ${shortDate(from)} au ${shortDate(to)}` } : { title: 'Suspendu' };
    case 'suspensionEnded':
      return {
        title: 'Suspension levée',
        detail: detail ? `Dernier jour de suspension : ${shortDate(detail)}` : undefined,
      };
    case 'prolonged':
      return from && to
        ? { title: `Prolongé (${prolongationReasonLabel(from)}) jusqu'au ${shortDate(to)}` }
        : { title: 'Prolongé' };
    case 'prolongationRequested':
      return {
        title: 'Demande de prolongation envoyée',
        detail: detail ? `Motif : ${prolongationReasonLabel(detail)}` : undefined,
      };
    case 'prolongationGranted':
      return { title: detail ? `Prolongation accordée jusqu'au ${shortDate(detail)}` : 'Prolongation accordée' };
    case 'prolongationDenied':
      return { title: 'Prolongation refusée', detail: detail ? `Motif : ${detail}` : undefined };
    case 'prolongationRequestReminder':
      return { title: 'Rappel de la demande de prolongation envoyé au prescripteur' };
    case 'endReminder':
      return { title: detail ? `Rappel de fin (${detail} jours)` : 'Rappel de fin' };
    case 'expired':
      return { title: 'Expiré', detail: detail ? `Dernier jour de validité : ${shortDate(detail)}` : undefined };
    case 'cancelled':
      return { title: 'Annulé' };
    case 'hireCancelled':
      return {
        title: 'Embauche annulée avant son début',
        detail: detail ? `Contrat prévu le ${shortDate(detail)}` : undefined,
      };
    case 'waitingPeriodEnded':
      return { title: 'Fin de la période de carence' };
    case 'anonymized':
      return { title: 'Données anonymisées' };
    default:
      return { title: event.kind, detail: detail || undefined };
  }
}

/** "1 jour", "12 jours". */
export function days(count: number): string {
  return count === 1 || count === 0 ? `${count} jour` : `${count} jours`;
}
