// Job descriptions (fiches de poste, docs/rules.md §3): what a valid one holds, and when it is
// deactivated for lack of updates. Pure: "today" and the last update day are passed in.
import { addDays, frenchDate, type IsoDate } from './dates.ts';

/** Not updated for 90 days → recruitment closed (docs/rules.md §3). */
export const JOB_DESCRIPTION_INACTIVITY_DAYS = 90;
/** The employer is told this many days before the deactivation. */
export const JOB_DESCRIPTION_NOTICE_DAYS_BEFORE = 7;
export const MAX_HOURS_PER_WEEK = 48;

export const CONTRACT_TYPES = {
  CDDI: "CDDI (contrat à durée déterminée d'insertion)",
  CDI_INCLUSION: 'CDI inclusion',
  MISSION_INTERIM: "Mission d'intérim",
  CDD: 'CDD',
  CDI: 'CDI',
  APPRENTISSAGE: "Contrat d'apprentissage",
  PROFESSIONNALISATION: 'Contrat de professionnalisation',
  AUTRE: 'Autre type de contrat',
} as const;
export type ContractType = keyof typeof CONTRACT_TYPES;
export const CONTRACT_TYPE_CODES = Object.keys(CONTRACT_TYPES) as ContractType[];

export interface JobDescriptionFields {
  romeCode: string;
  title: string;
  contractType: string;
  openPositions: number;
  hoursPerWeek: number;
}

export type JobDescriptionField = keyof JobDescriptionFields;

/** The French message for a field's value, or null when it is valid. */
export const JOB_DESCRIPTION_RULES: { [F in JobDescriptionField]: (value: JobDescriptionFields[F]) => string | null } =
  {
    romeCode: (value) =>
      /^[A-N]\d{4}$/.test(value)
        ? null
        : 'code ROME invalide : une lettre majuscule (A à N) suivie de 4 chiffres, par exemple K2204',
    title: (value) => {
      const length = value.trim().length;
      if (length === 0) return 'saisissez l’intitulé du poste';
      return length > 200 ? 'l’intitulé ne doit pas dépasser 200 caractères' : null;
    },
    contractType: (value) =>
      isContractType(value) ? null : `type de contrat inconnu : choisissez parmi ${CONTRACT_TYPE_CODES.join(', ')}`,
    openPositions: (value) =>
      Number.isInteger(value) && value >= 0 ? null : 'le nombre de postes ouverts doit être un entier positif ou nul',
    hoursPerWeek: (value) =>
      Number.isInteger(value) && value >= 1 && value <= MAX_HOURS_PER_WEEK
        ? null
        : `la durée hebdomadaire doit être un nombre entier d’heures entre 1 et ${MAX_HOURS_PER_WEEK}`,
  };

/** Every invalid field of a (possibly partial) job description, with its French message. */
export function jobDescriptionErrors(
  fields: Partial<JobDescriptionFields>,
): { field: JobDescriptionField; message: string }[] {
  const errors: { field: JobDescriptionField; message: string }[] = [];
  for (const field of Object.keys(JOB_DESCRIPTION_RULES) as JobDescriptionField[]) {
    const value = fields[field];
    if (value === undefined) continue;
    const message = (JOB_DESCRIPTION_RULES[field] as (v: unknown) => string | null)(value);
    if (message) errors.push({ field, message });
  }
  return errors;
}

/** Own keys only: "__proto__" or "constructor" are not contract types. */
export function isContractType(code: string): code is ContractType {
  return Object.hasOwn(CONTRACT_TYPES, code);
}

/** The French label of a contract type; the stored value itself when it is not a known code. */
export function contractTypeLabel(code: string): string {
  return isContractType(code) ? CONTRACT_TYPES[code] : code;
}

/** What the deactivation timers need to know about a job description. */
export interface JobDescriptionTimerState {
  /** Paris day of the last update, or of the reopening: the 90 days count from it. */
  lastUpdatedOn: IsoDate;
  recruitmentOpen: boolean;
  /** The last update day the notice was sent for; null when not sent since. */
  noticeSentFor: IsoDate | null;
}

export interface JobDescriptionDeadline {
  kind: 'notice' | 'deactivation';
  /** The Paris day at whose start it fires. */
  on: IsoDate;
}

export const deactivationDay = (lastUpdatedOn: IsoDate): IsoDate =>
  addDays(lastUpdatedOn, JOB_DESCRIPTION_INACTIVITY_DAYS);
export const noticeDay = (lastUpdatedOn: IsoDate): IsoDate =>
  addDays(lastUpdatedOn, JOB_DESCRIPTION_INACTIVITY_DAYS - JOB_DESCRIPTION_NOTICE_DAYS_BEFORE);

/**
 * The next deadline of an open job description: the notice (day 83 after the last update),
 * then the deactivation (day 90). None while recruitment is closed: a reopening counts again.
 */
export function nextJobDescriptionDeadline(
  lastUpdatedOn: IsoDate,
  state: Omit<JobDescriptionTimerState, 'lastUpdatedOn'>,
): JobDescriptionDeadline | null {
  if (!state.recruitmentOpen) return null;
  if (state.noticeSentFor !== lastUpdatedOn) return { kind: 'notice', on: noticeDay(lastUpdatedOn) };
  return { kind: 'deactivation', on: deactivationDay(lastUpdatedOn) };
}

/**
 * The notification of a job description's deadline to its employer (docs/rules.md §3): the notice
 * a week before, then the deactivation, counted from the last update.
 */
export function jobDescriptionDeadlineNotice(
  deadline: { kind: JobDescriptionDeadline['kind']; countedFrom: IsoDate; on: IsoDate },
  title: string,
): { subject: string; body: string } {
  if (deadline.kind === 'notice') {
    return {
      subject: 'Fiche de poste bientôt désactivée',
      body: `La fiche de poste « ${title} » n’a pas été mise à jour depuis le ${frenchDate(deadline.countedFrom)}. Sans mise à jour, le recrutement sera fermé le ${frenchDate(deactivationDay(deadline.countedFrom))}.`,
    };
  }
  return {
    subject: 'Fiche de poste désactivée',
    body: `La fiche de poste « ${title} » n’a pas été mise à jour depuis 90 jours : le recrutement est fermé depuis le ${frenchDate(deadline.on)}. Vous pouvez la rouvrir à tout moment.`,
  };
}
