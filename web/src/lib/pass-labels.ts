// French wording of the PASS IAE pages (SPEC §5). Same wording and rules as domain/pass/
// (status.ts, suspensions.ts, prolongations.ts), copied: the web app is built apart from
// the domain. The API stays the judge: these lists only decide what the forms offer.
import { addMonths, shortDate } from './pass-dates';

export const PASS_STATUSES = ['future', 'valid', 'suspended', 'expired', 'cancelled'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];

export const PASS_STATUS_LABELS: Record<PassStatus, string> = {
  future: 'Valide (non démarré)',
  valid: 'Valide',
  suspended: 'Suspendu',
  expired: 'Expiré',
  cancelled: 'Annulé',
};

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

const SUSPENSION_REASON_EMPLOYER_KINDS: Partial<Record<SuspensionReason, readonly string[]>> = {
  CONTRAT_PASSERELLE: ['ACI', 'EI'],
};

/** The suspension reasons open to an employer of this kind (suspensionReasonsFor). */
export function suspensionReasonsFor(kind: string): SuspensionReason[] {
  return SUSPENSION_REASONS.filter((reason) => SUSPENSION_REASON_EMPLOYER_KINDS[reason]?.includes(kind) ?? true);
}

export const SUSPENSION_MAX_BACKDATE_DAYS = 30;

export function suspensionReasonLabel(reason: string): string {
  return SUSPENSION_REASON_LABELS[reason as SuspensionReason] ?? reason;
}

// Prolongations -------------------------------------------------------------------------

export const PROLONGATION_REASONS = [
  'SENIOR_CDI',
  'FIN_FORMATION',
  'RQTH',
  'SENIOR',
  'DIFFICULTES_PARTICULIERES',
] as const;
export type ProlongationReason = (typeof PROLONGATION_REASONS)[number];

export interface ProlongationRule {
  label: string;
  maxDays: number;
  cumulativeCapDays: number | null;
  validatedBy: 'EMPLOYER' | 'AUTHORIZED_PRESCRIBER';
  employerKinds: readonly string[];
}

const SIAE_KINDS = ['ACI', 'AI', 'EI', 'EITI', 'ETTI'] as const;

export const PROLONGATION_RULES: Record<ProlongationReason, ProlongationRule> = {
  SENIOR_CDI: {
    label: "CDI conclu avec une personne âgée d'au moins 57 ans",
    maxDays: 3650,
    cumulativeCapDays: null,
    validatedBy: 'EMPLOYER',
    employerKinds: SIAE_KINDS,
  },
  FIN_FORMATION: {
    label: "Fin d'une formation",
    maxDays: 365,
    cumulativeCapDays: null,
    validatedBy: 'EMPLOYER',
    employerKinds: SIAE_KINDS,
  },
  RQTH: {
    label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
    maxDays: 365,
    cumulativeCapDays: 3 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: SIAE_KINDS,
  },
  SENIOR: {
    label: 'Personne âgée de 50 ans et plus',
    maxDays: 365,
    cumulativeCapDays: 5 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: SIAE_KINDS,
  },
  DIFFICULTES_PARTICULIERES: {
    label: "Difficultés particulières qui font obstacle à l'insertion durable dans l'emploi",
    maxDays: 365,
    cumulativeCapDays: 3 * 365,
    validatedBy: 'AUTHORIZED_PRESCRIBER',
    employerKinds: ['AI', 'ACI'],
  },
};

export const PROLONGATION_VALIDATOR_LABELS: Record<ProlongationRule['validatedBy'], string> = {
  EMPLOYER: "Déclaré par l'employeur",
  AUTHORIZED_PRESCRIBER: 'Validé par un prescripteur habilité',
};

export function prolongationReasonsFor(kind: string): ProlongationReason[] {
  return PROLONGATION_REASONS.filter((reason) => PROLONGATION_RULES[reason].employerKinds.includes(kind));
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

/** From 12 months before the current end date to 6 months after it (prolongationRequestWindow). */
export function prolongationWindow(currentEnd: string): { opens: string; closes: string } {
  return { opens: addMonths(currentEnd, -12), closes: addMonths(currentEnd, 6) };
}

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
