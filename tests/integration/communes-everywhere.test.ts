// Search from any commune of France (docs/rules.md §3): the shipped centres are loaded once
// (same checksum: skipped), a distance search works from Lyon, Rennes, Ajaccio and Saint-Denis
// de La Réunion, and the commune and ROME look-ups fold accents and case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { haversineKm } from '../../domain/registry-search.ts';
import { ensureReferenceCommuneCentres } from '../../server/registry/commune-centres.ts';
import { apiClient, type ApiClient } from '../support/http.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { seedEmployer } from '../support/registry.ts';

const NOW = '2027-03-15T10:00:00Z';

let platform: TestPlatform;
let api: ApiClient;
let firstLoad: { rows: number; ms: number };

beforeAll(async () => {
  platform = await startTestPlatform({ clock: fixedClock(NOW) });
  api = apiClient(platform.baseUrl);
  const started = Date.now();
  firstLoad = { rows: await ensureReferenceCommuneCentres(platform.db), ms: Date.now() - started };
}, 120_000);
afterAll(() => platform?.stop());

describe('loading the commune centres', () => {
  it('writes every commune once, then skips the same file', async () => {
    expect(firstLoad.rows).toBeGreaterThan(34_900);
    expect(firstLoad.ms).toBeLessThan(15_000);
    expect(await platform.db.communeCentre.count()).toBeGreaterThanOrEqual(firstLoad.rows);
    expect(await ensureReferenceCommuneCentres(platform.db)).toBe(0);
    const centres = await platform.db.communeCentre.findMany({
      where: { code: { in: ['69123', '69383', '75115', '13201', '97411', '2A004', '35238'] } },
    });
    expect(centres.map((centre) => centre.code).sort()).toEqual(
      ['13201', '2A004', '35238', '69123', '69383', '75115', '97411'].sort(),
    );
  });
});

const CITIES = [
  { code: '69123', departement: '69', name: 'Lyon' },
  { code: '35238', departement: '35', name: 'Rennes' },
  { code: '2A004', departement: '2A', name: 'Ajaccio' },
  { code: '97411', departement: '974', name: 'Saint-Denis' },
];

describe.each(CITIES)('a distance search from $name ($code)', (city) => {
  it('finds the employers around it, nearest first (same ratio), and none farther than the radius', async () => {
    const centre = await platform.db.communeCentre.findUniqueOrThrow({ where: { code: city.code } });
    const east = (km: number) => ({
      latitude: centre.latitude,
      longitude: centre.longitude + km / (111.19493 * Math.cos((centre.latitude * Math.PI) / 180)),
    });
    const names = [3, 1, 8, 40].map((km) => `${city.name} à ${km} km`);
    for (const [index, km] of [3, 1, 8, 40].entries()) {
      await seedEmployer(
        platform.db,
        { name: names[index]!, departement: city.departement, commune: city.code, at: east(km), jobs: [{ open: 2 }] },
        new Date(NOW),
      );
    }
    const response = await api.get(`/employers?commune=${city.code}&radiusKm=25`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const items = response.body.items as { name: string; distanceKm: number; communeName: string }[];
    expect(items.map((item) => item.name)).toEqual([
      `${city.name} à 1 km`,
      `${city.name} à 3 km`,
      `${city.name} à 8 km`,
    ]);
    expect(items[0]!.communeName).toBe(city.name);
    expect(items.map((item) => item.distanceKm)).toEqual([1, 3, 8]);
    expect(haversineKm(centre, east(8))).toBeCloseTo(8, 1);
  });
});

describe('GET /communes', () => {
  const codes = async (query: string) => {
    const response = await api.get(`/communes?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.items as { code: string }[]).map((item) => item.code);
  };

  it('folds accents, case and hyphens, the most populated first', async () => {
    expect((await codes('q=saint%20denis&limit=2')).sort()).toEqual(['93066', '97411']);
    expect(await codes(`q=${encodeURIComponent('SAINT-DÉNIS')}&limit=2`)).toEqual(
      await codes('q=saint%20denis&limit=2'),
    );
    expect((await codes('q=lyo&limit=1'))[0]).toBe('69123');
    expect((await codes(`q=${encodeURIComponent('ajaccio')}`))[0]).toBe('2A004');
    expect((await codes(`q=${encodeURIComponent('rénnes')}`))[0]).toBe('35238');
  });

  it('finds arrondissements, says whether a search can start there, and keeps to the limit', async () => {
    const response = await api.get(`/communes?q=${encodeURIComponent('Lyon 3')}`);
    expect(response.body.items[0]).toMatchObject({
      code: '69383',
      name: 'Lyon 3e Arrondissement',
      departement: '69',
      centreKnown: true,
      centreApproximate: false,
    });
    expect(await codes('q=saint&limit=5')).toHaveLength(5);
    expect((await api.get('/communes?q=saint&limit=51')).status).toBe(400);
    expect((await api.get('/communes?q=%20')).status).toBe(400);
  });
});

describe('GET /rome-codes', () => {
  it('finds a code by its beginning or by the words of its title, accents and case aside', async () => {
    const found = async (q: string) =>
      ((await api.get(`/rome-codes?q=${encodeURIComponent(q)}`)).body.items as { code: string }[]).map(
        (item) => item.code,
      );
    expect(await found('n110')).toEqual([
      'N1101',
      'N1102',
      'N1103',
      'N1104',
      'N1105',
      'N1106',
      'N1107',
      'N1108',
      'N1109',
    ]);
    // A title beginning with the text first, then the code order.
    expect(await found('MANUT')).toEqual(['N1105', 'I1112', 'I1620', 'N1106', 'N1114', 'N3203', 'N3204']);
    expect(await found('agent tri')).toEqual(['K2304']);
    expect(await found('maraicher')).toEqual(['A1433', 'A1301']);
    // The whole ROME 4.0 list is shipped: a code outside the demo data is found too.
    expect(await found('m1805')).toEqual(['M1805']);
  });
});
