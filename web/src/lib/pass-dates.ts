// Calendar days of the PASS IAE pages (docs/rules.md §6): ISO dates (YYYY-MM-DD) as the API gives
// them, shown as dd/mm/yyyy. The arithmetic is domain/dates.ts's.
import { frenchDate, isIsoDate } from '$domain/dates.ts';

export { addDays, addMonths, isIsoDate } from '$domain/dates.ts';

/** "2026-03-05" → "05/03/2026" (the input unchanged when it is not a date). */
export function shortDate(value: string): string {
  return isIsoDate(value) ? frenchDate(value) : value;
}

/** ISO dates compare as strings. */
export const laterOf = (a: string, b: string) => (a > b ? a : b);
