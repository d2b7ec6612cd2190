// Pure computations behind the dashboards (docs/rules.md §9).
import { addMonths, type IsoDate } from '../dates.ts';

/** The median of a list of numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The `count` months ending with today's, oldest first, as `YYYY-MM`. */
export function lastMonths(today: IsoDate, count = 12): string[] {
  const firstOfMonth = `${today.slice(0, 7)}-01` as IsoDate;
  return Array.from({ length: count }, (_, index) => addMonths(firstOfMonth, index - count + 1).slice(0, 7));
}

/** The first day of the oldest of those months: the start of the window, inclusive. */
export function windowStart(today: IsoDate, count = 12): IsoDate {
  return `${lastMonths(today, count)[0]}-01` as IsoDate;
}

/** Counts per month, every month of the window present (0 when nothing happened). */
export function fillMonths(
  months: readonly string[],
  counts: readonly { month: string; count: number }[],
): { month: string; count: number }[] {
  const byMonth = new Map(counts.map((row) => [row.month, row.count]));
  return months.map((month) => ({ month, count: byMonth.get(month) ?? 0 }));
}

/** A share in percent with one decimal; null when there is nothing to share. */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** `2026-03` → `mars 2026`. */
export function frenchMonth(month: string): string {
  return `${MONTHS_FR[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
