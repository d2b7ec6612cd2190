// The sandbox banner's wording and its advance choices (docs/rules.md §12).

const LONG_DAY = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2028-03-14" → "mardi 14 mars 2028". */
export function longFrenchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return LONG_DAY.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** Whole days from one calendar day to another (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const ADVANCE_CHOICES = [
  { days: 1, label: '1 jour' },
  { days: 7, label: '1 semaine' },
  { days: 30, label: '1 mois' },
  { days: 91, label: '3 mois' },
] as const;

export const MAX_ADVANCE_DAYS = 800;
