// Commune centres: the points a registry search measures distances from (docs/rules.md §3).
// Every commune of France from the shipped file (data/commune-centres.csv), the hand-checked
// town halls below over it, and the centres employer creations bring for communes still missing.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { systemClock } from '../clock.ts';
import {
  approximateMissingCentres,
  parseCommuneCentres,
  readCommuneCentresFile,
  type CentreRow,
} from './commune-centre-file.ts';

/**
 * INSEE code → [latitude, longitude], town halls to about 100 m, checked by hand for the demo
 * départements; they win over the file. Chefs-lieux: Strasbourg (67), Bobigny (93), Marseille (13).
 */
export const REFERENCE_COMMUNE_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  // Bas-Rhin
  '67482': [48.5734, 7.7521], // Strasbourg
  '67180': [48.8157, 7.7904], // Haguenau
  '67462': [48.2594, 7.4542], // Sélestat
  '67437': [48.7414, 7.3622], // Saverne
  '67300': [48.5416, 7.4921], // Molsheim
  '67218': [48.5297, 7.715], // Illkirch-Graffenstaden
  '67447': [48.6076, 7.7497], // Schiltigheim
  '67348': [48.4622, 7.4817], // Obernai
  '67046': [48.7667, 7.8564], // Bischwiller
  '67544': [49.0375, 7.9456], // Wissembourg
  // Seine-Saint-Denis (and Paris next door)
  '93008': [48.9077, 2.4397], // Bobigny
  '93066': [48.9362, 2.3574], // Saint-Denis
  '93048': [48.8638, 2.4485], // Montreuil
  '93001': [48.9146, 2.3821], // Aubervilliers
  '93005': [48.9386, 2.4975], // Aulnay-sous-Bois
  '93055': [48.8944, 2.4094], // Pantin
  '93070': [48.9119, 2.3342], // Saint-Ouen-sur-Seine
  '93051': [48.8486, 2.5526], // Noisy-le-Grand
  '93029': [48.923, 2.4455], // Drancy
  '93010': [48.9022, 2.4828], // Bondy
  '75056': [48.8566, 2.3522], // Paris
  // Bouches-du-Rhône
  '13055': [43.2965, 5.3698], // Marseille
  '13001': [43.5297, 5.4474], // Aix-en-Provence
  '13004': [43.6766, 4.6278], // Arles
  '13005': [43.2927, 5.5708], // Aubagne
  '13056': [43.4045, 5.0476], // Martigues
  '13103': [43.6403, 5.0973], // Salon-de-Provence
  '13047': [43.5151, 4.9895], // Istres
  '13028': [43.1748, 5.6046], // La Ciotat
  '13117': [43.46, 5.2486], // Vitrolles
};

/** Bump when the rows derived from the file change for the same file (fallback rule…). */
const LOADER_VERSION = 1;
const DATASET = 'commune-centres';

/** The rows to write: the file, the approximate centres of communes it lacks, the hand list. */
export function referenceCentreRows(text: string): CentreRow[] {
  const known = parseCommuneCentres(text);
  for (const [code, [latitude, longitude]] of Object.entries(REFERENCE_COMMUNE_CENTRES)) {
    known.set(code, [latitude, longitude]);
  }
  const rows: CentreRow[] = [...known].map(([code, [latitude, longitude]]) => ({
    code,
    latitude,
    longitude,
    source: 'reference',
  }));
  return [...rows, ...approximateMissingCentres(known)];
}

/**
 * Writes the reference centres in one bulk upsert (a reference point replaces an imported one),
 * skipped when the same file was already loaded (checksum in ReferenceDataset). Returns the
 * number of rows written, 0 when skipped.
 */
export async function ensureReferenceCommuneCentres(db: Db): Promise<number> {
  const file = readCommuneCentresFile();
  const checksum = createHash('sha256')
    .update(`${file.checksum}:${LOADER_VERSION}:${JSON.stringify(REFERENCE_COMMUNE_CENTRES)}`)
    .digest('hex');
  const loaded = await db.referenceDataset.findUnique({ where: { name: DATASET } });
  if (loaded?.checksum === checksum) return 0;
  const rows = referenceCentreRows(file.text);
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "CommuneCentre" (code, latitude, longitude, source, "updatedAt")
      SELECT code, latitude, longitude, source, now()
      FROM unnest(
        ${rows.map((row) => row.code)}::text[],
        ${rows.map((row) => row.latitude)}::float8[],
        ${rows.map((row) => row.longitude)}::float8[],
        ${rows.map((row) => row.source)}::text[]
      ) AS r(code, latitude, longitude, source)
      ON CONFLICT (code) DO UPDATE
        SET latitude = excluded.latitude, longitude = excluded.longitude, source = excluded.source,
            "updatedAt" = now()
        WHERE ("CommuneCentre".latitude, "CommuneCentre".longitude, "CommuneCentre".source)
          IS DISTINCT FROM (excluded.latitude, excluded.longitude, excluded.source)
          -- An employer's real point beats a mean.
          AND NOT ("CommuneCentre".source = 'import' AND excluded.source = 'approximate')`,
    db.referenceDataset.upsert({
      where: { name: DATASET },
      create: { name: DATASET, checksum, rows: rows.length },
      update: { checksum, rows: rows.length, loadedAt: systemClock.now() }, // when the file was loaded: the machine's time, not business time
    }),
  ]);
  return rows.length;
}

/**
 * Records an employer's coordinates as its commune's centre when none is known yet (or only an
 * approximate one), so the commune can be searched from. Otherwise the first point stays.
 */
export async function registerImportedCommuneCentre(
  db: Pick<Db, 'communeCentre'>,
  point: { communeCode: string; latitude: number; longitude: number },
): Promise<void> {
  // ON CONFLICT DO NOTHING: two creations in the same commune at once do not fail.
  await db.communeCentre.createMany({
    data: [{ code: point.communeCode, latitude: point.latitude, longitude: point.longitude, source: 'import' }],
    skipDuplicates: true,
  });
  await db.communeCentre.updateMany({
    where: { code: point.communeCode, source: 'approximate' },
    data: { latitude: point.latitude, longitude: point.longitude, source: 'import' },
  });
}
