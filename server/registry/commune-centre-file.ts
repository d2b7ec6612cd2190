// The shipped commune centres file (docs/rules.md §3): every current commune and the
// arrondissements of Paris, Lyon and Marseille — source and licence in data/README.md.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { listCommunes } from '../territories.ts';

export const COMMUNE_CENTRES_FILE = new URL('./data/commune-centres.csv', import.meta.url);

export interface CentreRow {
  code: string;
  latitude: number;
  longitude: number;
  /** "reference": from the file (or the hand-checked list); "approximate": a mean, see below. */
  source: 'reference' | 'approximate';
}

const LINE = /^(\d[0-9AB]\d{3}),(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/;

/** The file's rows; a malformed line is a packaging error, so it throws. */
export function parseCommuneCentres(text: string): Map<string, [number, number]> {
  const centres = new Map<string, [number, number]>();
  const lines = text.split(/\r?\n/);
  if (lines[0] !== 'code,latitude,longitude') throw new Error('commune-centres.csv: unexpected header');
  for (const [number, line] of lines.slice(1).entries()) {
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`commune-centres.csv line ${number + 2}: malformed`);
    centres.set(match[1]!, [Number(match[2]), Number(match[3])]);
  }
  return centres;
}

const mean = (points: [number, number][]): [number, number] => [
  points.reduce((sum, [latitude]) => sum + latitude, 0) / points.length,
  points.reduce((sum, [, longitude]) => sum + longitude, 0) / points.length,
];

/**
 * Centres for the communes the file lacks (created or merged after its date): the mean of the
 * known centres of their administrative arrondissement, else of their département. Marked
 * "approximate" so the commune look-up can say so.
 */
export function approximateMissingCentres(known: Map<string, [number, number]>): CentreRow[] {
  const groups = new Map<string, [number, number][]>();
  const missing = [];
  for (const commune of listCommunes()) {
    const centre = known.get(commune.code);
    const keys = [`a:${commune.arrondissement ?? ''}`, `d:${commune.departement}`];
    if (!centre) missing.push({ commune, keys });
    else
      for (const key of keys)
        groups
          .set(key, groups.get(key) ?? [])
          .get(key)!
          .push(centre);
  }
  const rows: CentreRow[] = [];
  for (const { commune, keys } of missing) {
    const key = keys.find((candidate) => !candidate.endsWith(':') && groups.has(candidate));
    if (!key) continue;
    const [latitude, longitude] = mean(groups.get(key)!);
    rows.push({ code: commune.code, latitude, longitude, source: 'approximate' });
  }
  return rows;
}

/** The file's text and its SHA-256, read once per call (about 700 kB). */
export function readCommuneCentresFile(): { text: string; checksum: string } {
  const text = readFileSync(COMMUNE_CENTRES_FILE, 'utf8');
  return { text, checksum: createHash('sha256').update(text).digest('hex') };
}
