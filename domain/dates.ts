// Business dates are calendar days in Europe/Paris (docs/rules.md §6), written `YYYY-MM-DD`.
// Pure functions only: "now" is always passed in, never read here.

export type IsoDate = string;

export const PARIS_TIME_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function partsOf(epochMs: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of parisParts.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMidnight(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The Paris calendar day that contains the instant. */
export function parisDateOf(instant: Date | number): IsoDate {
  const p = partsOf(typeof instant === 'number' ? instant : instant.getTime());
  const pad = (n: number | undefined, w = 2) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of Paris local time from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(epochMs: number): number {
  const p = partsOf(epochMs);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a Paris calendar day starts (00:00 Europe/Paris), as epoch ms. */
export function startOfParisDay(date: IsoDate): number {
  const utcMidnight = toUtcMidnight(date);
  const guess = utcMidnight - parisOffsetMs(utcMidnight);
  // The offset at the guess can differ from the one at UTC midnight only across a DST change.
  return utcMidnight - parisOffsetMs(guess);
}

/**
 * The instant `days` Paris calendar days after `instant`, at the same Paris wall-clock time:
 * across a daylight-saving change that is 23 or 25 hours a day, not 24 (docs/rules.md §6).
 */
export function addParisDays(instant: number, days: number): number {
  const day = parisDateOf(instant);
  // The Paris wall-clock time of day, then the same wall time on the target day, back to UTC
  // the way startOfParisDay does it (the offset can differ only across a change).
  const wallMs = instant + parisOffsetMs(instant) - toUtcMidnight(day);
  const local = toUtcMidnight(addDays(day, days)) + wallMs;
  const guess = local - parisOffsetMs(local);
  return local - parisOffsetMs(guess);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtcMidnight(target.getTime());
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2027-03-01` → `01/03/2027`, the way dates are written to French users. */
export function frenchDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
