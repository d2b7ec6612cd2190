import { describe, expect, it } from 'vitest';
import { findCommune } from '../territories.ts';
import { parseCommuneCentres, readCommuneCentresFile } from './commune-centre-file.ts';
import { REFERENCE_COMMUNE_CENTRES, referenceCentreRows } from './commune-centres.ts';

describe('the shipped commune centres (docs/rules.md §3)', () => {
  const rows = referenceCentreRows(readCommuneCentresFile().text);
  const byCode = new Map(rows.map((row) => [row.code, row]));

  it('covers every current commune and the Paris, Lyon and Marseille arrondissements', () => {
    for (const code of ['69123', '35238', '2A004', '97411', '75115', '69383', '13201', '97611']) {
      expect(byCode.get(code), code).toMatchObject({ source: 'reference' });
    }
    expect(byCode.get('69123')).toMatchObject({ latitude: 45.75884, longitude: 4.8361 });
    expect(new Set(rows.map((row) => row.code)).size).toBe(rows.length);
  });

  it('keeps the hand-checked town halls over the file', () => {
    expect(byCode.get('93008')).toMatchObject({ latitude: 48.9077, longitude: 2.4397 });
    expect(byCode.get('93008')?.latitude).toBe(REFERENCE_COMMUNE_CENTRES['93008']![0]);
  });

  it('gives the communes the file lacks an approximate centre in their département', () => {
    const approximate = rows.filter((row) => row.source === 'approximate');
    expect(approximate.length).toBeGreaterThan(0);
    expect(approximate.length).toBeLessThan(150);
    for (const row of approximate) {
      const commune = findCommune(row.code)!;
      const neighbour = rows.find(
        (other) => other.source === 'reference' && findCommune(other.code)?.departement === commune.departement,
      )!;
      // Within a département: a few hundred km at most, even overseas.
      expect(Math.abs(row.latitude - neighbour.latitude), row.code).toBeLessThan(5);
    }
  });

  it('refuses a malformed file', () => {
    expect(() => parseCommuneCentres('code,lat,lon\n')).toThrow(/header/);
    expect(() => parseCommuneCentres('code,latitude,longitude\n69123,abc,4.8\n')).toThrow(/line 2/);
  });
});
