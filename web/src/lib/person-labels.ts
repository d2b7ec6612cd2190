// French wording of persons and eligibility diagnoses (docs/rules.md §4), as shown to users.

export type DiagnosisAuthor = 'PRESCRIBER' | 'EMPLOYER';

export const DIAGNOSIS_AUTHOR_LABELS: Record<DiagnosisAuthor, string> = {
  PRESCRIBER: 'Prescripteur habilité',
  EMPLOYER: 'Employeur (auto-prescription)',
};
