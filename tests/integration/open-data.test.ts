// Open data export of the registry (docs/rules.md §3): CSV and JSON files, public, every employer with
// public fields only; the CSV parses back to the same rows, whatever the names hold.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { OPEN_DATA_COLUMNS, type OpenDataEmployer } from '../../server/registry/open-data.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { seedEmployer } from '../support/registry.ts';

let platform: TestPlatform;
const NOW = new Date('2027-03-15T10:00:00Z');

beforeAll(async () => {
  platform = await startTestPlatform({ clock: fixedClock(NOW.toISOString()) });
  const db = platform.db;
  await seedEmployer(
    db,
    {
      name: 'Atelier « Le Chantier », "Bis"; Île-de-France',
      at: { latitude: 48.9, longitude: 2.44 },
      jobs: [{ open: 3 }, { open: 2, recruitmentOpen: false }],
      recent: 4,
    },
    NOW,
  );
  await seedEmployer(
    db,
    { name: 'Ligne\nsur deux lignes', kind: 'EA', departement: '13', commune: '13055', at: null, jobs: [] },
    NOW,
  );
  await seedEmployer(
    db,
    {
      name: 'Ressourcerie Ösel',
      kind: 'EI',
      departement: '67',
      commune: '67482',
      at: { latitude: 48.57, longitude: 7.75 },
      jobs: [{ open: 1 }],
    },
    NOW,
  );
  await db.organization.create({
    data: { type: 'PRESCRIBER', name: 'CCAS', departement: '93', prescriberKind: 'CCAS', createdAt: new Date() },
  });
});
afterAll(() => platform?.stop());

const fetchFile = (name: string) => fetch(`${platform.baseUrl}/api/v1/open-data/${name}`);

describe('open data', () => {
  it('JSON: every employer, public fields only, as an attachment', async () => {
    const response = await fetchFile('employers.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?employeurs-inclusifs-2027-03-15\.json"?$/,
    );
    const body = (await response.json()) as { generatedOn: string; items: OpenDataEmployer[] };
    expect(body.generatedOn).toBe('2027-03-15');
    expect(body.items).toHaveLength(3);
    for (const item of body.items)
      expect(Object.keys(item).sort()).toEqual(OPEN_DATA_COLUMNS.map(([key]) => key).sort());
    expect(JSON.stringify(body)).not.toContain('contact@');
    expect(body.items.find((item) => item.communeCode === '93008')).toMatchObject({
      communeName: 'Bobigny',
      openPositions: 3,
      jobDescriptions: 2,
      certified: false,
      applicationsOpen: true,
    });
  });

  it('CSV: UTF-8 with a French header row, quoted fields; parses back to the JSON rows', async () => {
    const response = await fetchFile('employers.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?employeurs-inclusifs-2027-03-15\.csv"?$/,
    );
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(OPEN_DATA_COLUMNS.map(([, header]) => header).join(','));
    expect(text).toContain('Ösel');

    const records = parse(text, { columns: true }) as Record<string, string>[];
    const { items } = (await (await fetchFile('employers.json')).json()) as { items: OpenDataEmployer[] };
    const asText = (value: unknown) => (value === null ? '' : String(value));
    expect(records).toEqual(
      items.map((item) => Object.fromEntries(OPEN_DATA_COLUMNS.map(([key, header]) => [header, asText(item[key])]))),
    );
    expect(records.map((record) => record.nom)).toContain('Atelier « Le Chantier », "Bis"; Île-de-France');
    expect(records.map((record) => record.nom)).toContain('Ligne\nsur deux lignes');
  });
});
