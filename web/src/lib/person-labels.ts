// French wording of persons and eligibility diagnoses (docs/rules.md §4), as shown to users.

export type DiagnosisAuthor = 'PRESCRIBER' | 'EMPLOYER';

export const DIAGNOSIS_AUTHOR_LABELS: Record<DiagnosisAuthor, string> = {
  PRESCRIBER: 'Prescripteur habilité',
  EMPLOYER: 'Employeur (auto-prescription)',
};

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Paris as YYYY-MM-DD: business dates are Paris calendar days (docs/rules.md §6). */
export function parisToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(PARIS_DAY.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
