// The public registry search on PostgreSQL (docs/rules.md §3, §13): the SQL's order is the domain's fair
// order, each filter, the radius boundary, stable pages, clear French refusals, no account needed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { fairOrder, haversineKm, type RankedEmployer } from '../../domain/registry-search.ts';
import { ensureReferenceCommuneCentres } from '../../server/registry/commune-centres.ts';
import { createOrganization, newSiret } from '../support/factories.ts';
import { apiClient, type ApiClient, type ApiResponse } from '../support/http.ts';
import { startTestPlatform, TEST_ADMIN, type TestPlatform } from '../support/platform.ts';
import { seedEmployer, type EmployerSeed } from '../support/registry.ts';

const NOW = '2027-03-15T10:00:00Z';
const BOBIGNY = { latitude: 48.9077, longitude: 2.4397 };
const STRASBOURG = { latitude: 48.5734, longitude: 7.7521 };

let platform: TestPlatform;
let api: ApiClient;

/** A point `km` due north of `from`. */
const north = (from: typeof BOBIGNY, km: number) => ({
  latitude: from.latitude + km / 111.19493,
  longitude: from.longitude,
});

// Around Bobigny (93): ratios, distances and names chosen to exercise every step of the order.
const AROUND_BOBIGNY: EmployerSeed[] = [
  { name: 'Alpha', at: north(BOBIGNY, 1), jobs: [{ open: 4 }], recent: 2, old: 9 }, // 0.5
  { name: 'Bravo', at: north(BOBIGNY, 2), jobs: [{ open: 1 }], recent: 3 }, // 3
  { name: 'Charlie', at: north(BOBIGNY, 3), jobs: [{ open: 2 }, { open: 2 }], recent: 2 }, // 0.5, farther than Alpha
  { name: 'Delta', at: north(BOBIGNY, 3), jobs: [{ open: 1 }], recent: 0 }, // 0
  { name: 'Echo', at: north(BOBIGNY, 3), jobs: [{ open: 5 }], recent: 0 }, // 0, same place as Delta: by name
  { name: 'Echo', at: north(BOBIGNY, 3), jobs: [{ open: 2 }], recent: 0 }, // same name and place: by id
  { name: 'Foxtrot', at: north(BOBIGNY, 0.5), jobs: [{ open: 3, recruitmentOpen: false }], recent: 0 }, // no open position
  { name: 'Golf', at: north(BOBIGNY, 6), jobs: [], recent: 4 }, // no open position
  { name: 'Hotel', at: north(BOBIGNY, 4), jobs: [{ open: 2, deactivated: true }, { open: 1 }], recent: 1 }, // 1
  { name: 'India', at: north(BOBIGNY, 7), jobs: [{ open: 0 }, { open: 3 }], recent: 3 }, // 1
  { name: 'Juliett', at: north(BOBIGNY, 8), jobs: [{ open: 6 }], recent: 1, applicationsOpen: false }, // 0.17
];

let ids: Map<EmployerSeed, string>;

beforeAll(async () => {
  platform = await startTestPlatform({ clock: fixedClock(NOW) });
  api = apiClient(platform.baseUrl);
  await ensureReferenceCommuneCentres(platform.db);
  ids = new Map();
  for (const seed of AROUND_BOBIGNY) ids.set(seed, await seedEmployer(platform.db, seed, new Date(NOW)));
});
afterAll(() => platform?.stop());

/** What the fair order must give, computed in JavaScript from the seeds themselves. */
function expectedOrder(seeds: EmployerSeed[], centre: typeof BOBIGNY | null): string[] {
  const ranked: RankedEmployer[] = seeds.map((seed) => ({
    id: ids.get(seed)!,
    name: seed.name,
    openPositions: (seed.jobs ?? [])
      .filter((job) => job.recruitmentOpen !== false && !job.deactivated)
      .reduce((sum, job) => sum + job.open, 0),
    recentApplications: seed.recent ?? 0,
    distanceKm: centre && seed.at ? haversineKm(centre, seed.at) : null,
  }));
  return ranked.sort(fairOrder).map((employer) => employer.id);
}

const search = (query: string) => api.get(`/employers?${query}`);
const idsOf = (response: ApiResponse) => response.body.items.map((item: { id: string }) => item.id);

function expectRefusal(response: ApiResponse, status: 400 | 422, field?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.message).toMatch(/^[A-ZÀ-Ý].*\.$/);
  if (field) expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
}

describe('fair order', () => {
  it('the SQL order around a commune is the domain comparator’s order on the same data', async () => {
    const response = await search('commune=93008&radiusKm=20&pageSize=100');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(idsOf(response)).toEqual(expectedOrder(AROUND_BOBIGNY, BOBIGNY));
    // Spot checks of what the order rests on.
    const alpha = response.body.items.find((item: { name: string }) => item.name === 'Alpha');
    expect(alpha).toMatchObject({
      openPositions: 4,
      recentApplications: 2,
      communeCode: '93008',
      communeName: 'Bobigny',
    });
    expect(alpha.distanceKm).toBeCloseTo(1, 1);
    const hotel = response.body.items.find((item: { name: string }) => item.name === 'Hotel');
    expect(hotel.openPositions).toBe(1);
    expect(response.body.items.at(-1).openPositions).toBe(0);
  });

  it('without a centre the order is the same rule with distance left out', async () => {
    const response = await search('departement=93&pageSize=100');
    expect(idsOf(response)).toEqual(expectedOrder(AROUND_BOBIGNY, null));
    expect(response.body.items.every((item: { distanceKm: null }) => item.distanceKm === null)).toBe(true);
  });

  it('pages follow each other without overlap or gap, and say the total', async () => {
    const full = idsOf(await search('commune=93008&pageSize=100'));
    const pages: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const response = await search(`commune=93008&pageSize=3&page=${page}`);
      expect(response.body).toMatchObject({ page, pageSize: 3, total: AROUND_BOBIGNY.length });
      pages.push(...idsOf(response));
    }
    expect(pages).toEqual(full);
    const past = await search('commune=93008&pageSize=3&page=9');
    expect(past.body).toMatchObject({ items: [], page: 9, total: AROUND_BOBIGNY.length });
  });
});

describe('filters', () => {
  let strasbourg: { aci: string; ei: string; closed: string; blocked: string };

  beforeAll(async () => {
    const now = new Date(NOW);
    strasbourg = {
      aci: await seedEmployer(
        platform.db,
        {
          name: 'ACI Strasbourg',
          kind: 'ACI',
          departement: '67',
          commune: '67482',
          at: STRASBOURG,
          jobs: [
            { open: 2, rome: 'N1105' },
            { open: 1, rome: 'A1203' },
          ],
        },
        now,
      ),
      ei: await seedEmployer(
        platform.db,
        {
          name: 'EI Schiltigheim',
          kind: 'EI',
          departement: '67',
          commune: '67447',
          at: north(STRASBOURG, 4),
          jobs: [{ open: 1, rome: 'K2204' }],
        },
        now,
      ),
      closed: await seedEmployer(
        platform.db,
        {
          name: 'GEIQ fermé',
          kind: 'GEIQ',
          departement: '67',
          commune: '67482',
          at: STRASBOURG,
          jobs: [{ open: 3, rome: 'N1105', recruitmentOpen: false }],
        },
        now,
      ),
      blocked: await seedEmployer(
        platform.db,
        {
          name: 'EA bloquée',
          kind: 'EA',
          departement: '67',
          commune: '67482',
          at: STRASBOURG,
          jobs: [{ open: 3, rome: 'N1105' }],
          applicationsOpen: false,
        },
        now,
      ),
    };
  });

  it('département: only employers of that département', async () => {
    const response = await search('departement=67');
    expect(new Set(idsOf(response))).toEqual(new Set(Object.values(strasbourg)));
  });

  it('kind: one or several kinds', async () => {
    expect(idsOf(await search('departement=67&kind=EI'))).toEqual([strasbourg.ei]);
    expect(new Set(idsOf(await search('departement=67&kind=EI&kind=GEIQ')))).toEqual(
      new Set([strasbourg.ei, strasbourg.closed]),
    );
  });

  it('ROME code: employers with such a job description, which alone is listed', async () => {
    const response = await search('commune=67482&rome=n1105');
    expect(new Set(idsOf(response))).toEqual(new Set([strasbourg.aci, strasbourg.closed, strasbourg.blocked]));
    const aci = response.body.items.find((item: { id: string }) => item.id === strasbourg.aci);
    expect(aci.jobDescriptions.map((job: { romeCode: string }) => job.romeCode)).toEqual(['N1105']);
    expect(aci.openPositions).toBe(3);
  });

  it('openOnly: applications open and an open job description with positions (of that ROME code when given)', async () => {
    expect(new Set(idsOf(await search('departement=67&openOnly=true')))).toEqual(
      new Set([strasbourg.aci, strasbourg.ei]),
    );
    expect(idsOf(await search('departement=67&openOnly=true&rome=N1105'))).toEqual([strasbourg.aci]);
    expect(idsOf(await search('departement=67&openOnly=true&rome=K2204'))).toEqual([strasbourg.ei]);
    const aroundBobigny = idsOf(await search('commune=93008&openOnly=true&pageSize=100'));
    const closedNames = ['Foxtrot', 'Golf', 'Juliett'];
    expect(aroundBobigny).toEqual(
      expectedOrder(
        AROUND_BOBIGNY.filter((seed) => !closedNames.includes(seed.name)),
        BOBIGNY,
      ),
    );
  });

  it('radius: an employer exactly at the edge is in, a little beyond is out; default 25 km', async () => {
    const edge = await seedEmployer(
      platform.db,
      { name: 'Au bord', departement: '93', at: north(BOBIGNY, 12.3), jobs: [{ open: 1 }] },
      new Date(NOW),
    );
    const distance = haversineKm(BOBIGNY, north(BOBIGNY, 12.3));
    expect(distance).toBeCloseTo(12.3, 3);
    expect(idsOf(await search(`commune=93008&radiusKm=${(distance + 0.001).toFixed(3)}&pageSize=100`))).toContain(edge);
    expect(idsOf(await search(`commune=93008&radiusKm=${(distance - 0.001).toFixed(3)}&pageSize=100`))).not.toContain(
      edge,
    );
    // Strasbourg is ~390 km away: never within the maximum radius; Bobigny's employers are within the default.
    const defaultRadius = await search('commune=93008&pageSize=100');
    expect(idsOf(defaultRadius)).toContain(edge);
    expect(idsOf(await search('commune=93008&radiusKm=100&pageSize=100'))).not.toContain(strasbourg.aci);
    await platform.db.organization.delete({ where: { id: edge } });
  });

  it('an employer without coordinates is found by département, not around a commune', async () => {
    const nowhere = await seedEmployer(
      platform.db,
      { name: 'Sans coordonnées', departement: '93', at: null, jobs: [{ open: 1 }] },
      new Date(NOW),
    );
    expect(idsOf(await search('departement=93&pageSize=100'))).toContain(nowhere);
    expect(idsOf(await search('commune=93008&radiusKm=100&pageSize=100'))).not.toContain(nowhere);
    await platform.db.organization.delete({ where: { id: nowhere } });
  });
});

describe('refusals: 400 for malformed input, 422 for a commune one cannot search from, never 500', () => {
  it.each([
    ['commune=93008&radiusKm=1', 'query.radiusKm'],
    ['commune=93008&radiusKm=101', 'query.radiusKm'],
    ['commune=93008&radiusKm=loin', 'query.radiusKm'],
    ['radiusKm=10', 'query.radiusKm'],
    ['commune=Bobigny', 'query.commune'],
    ['departement=00', 'query.departement'],
    ['kind=SCOP', 'query.kind'],
    ['rome=12345', 'query.rome'],
    ['openOnly=oui', 'query.openOnly'],
    ['page=0', 'query.page'],
    ['pageSize=101', 'query.pageSize'],
    ['tri=nom', undefined],
  ])('%s → 400', async (query, field) => {
    expectRefusal(await search(query), 400, field);
  });

  it('an INSEE code that is no commune → 422', async () => {
    const response = await search('commune=99999');
    expectRefusal(response, 422);
    expect(response.body.error.code).toBe('unknown_commune');
  });

  it('a real commune whose centre is unknown → 422 saying so', async () => {
    // Every commune has a shipped centre now (decision 016): take one away.
    await platform.db.communeCentre.delete({ where: { code: '01001' } });
    const response = await search('commune=01001');
    expectRefusal(response, 422);
    expect(response.body.error.message).toContain('Coordonnées de cette commune inconnues');
    expect(response.body.error.message).toContain("L'Abergement-Clémenciat");
  });
});

describe('one employer, communes', () => {
  it('GET /employers/{id} shows public fields and job descriptions, without an account', async () => {
    const alpha = ids.get(AROUND_BOBIGNY[0]!)!;
    const response = await api.get(`/employers/${alpha}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: alpha,
      name: 'Alpha',
      kind: 'ACI',
      openPositions: 4,
      recentApplications: 2,
    });
    expect(response.body.jobDescriptions).toHaveLength(1);
    expect(response.body).not.toHaveProperty('contactEmail');
  });

  it('an unknown id, or an organization that is no employer, → 404 in French', async () => {
    const missing = await api.get(`/employers/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Employeur introuvable.');
    const prefecture = await platform.db.organization.create({
      data: { type: 'PREFECTURE', name: 'Préfecture', departement: '93', createdAt: new Date() },
    });
    expect((await api.get(`/employers/${prefecture.id}`)).status).toBe(404);
  });

  it('GET /communes finds by name or postal code and says whether a search can start there', async () => {
    const byName = await api.get('/communes?q=bobig');
    expect(byName.body.items[0]).toEqual({
      code: '93008',
      name: 'Bobigny',
      departement: '93',
      postalCodes: ['93000'],
      centreKnown: true,
      centreApproximate: false,
    });
    const byPostalCode = await api.get('/communes?q=69003');
    expect(byPostalCode.body.items.length).toBeGreaterThan(0);
    expect(byPostalCode.body.items.every((c: { centreKnown: boolean }) => c.centreKnown)).toBe(true);
    expectRefusal(await api.get('/communes?q=%20'), 400, 'query.q');
  });
});

describe('commune centres brought by employers', () => {
  it('creating an employer with coordinates in a commune without centre makes it searchable; a known centre never moves', async () => {
    const admin = await api.token(TEST_ADMIN.email, TEST_ADMIN.password);
    // Bourg-en-Bresse without a centre (every commune has a shipped one now: take it away).
    await platform.db.communeCentre.delete({ where: { code: '01053' } });
    expectRefusal(await search('commune=01053'), 422);
    const point = { latitude: 46.2052, longitude: 5.2255 };
    const employer = await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'EI de Bourg',
      departement: '01',
      employerKind: 'EI',
      siret: newSiret(),
      communeCode: '01053',
      ...point,
    });
    expect(await platform.db.communeCentre.findUnique({ where: { code: '01053' } })).toMatchObject({
      ...point,
      source: 'import',
    });
    expect(idsOf(await search('commune=01053&radiusKm=2'))).toEqual([employer.id]);

    await createOrganization(api, admin, {
      type: 'EMPLOYER',
      name: 'ACI de Bobigny',
      departement: '93',
      employerKind: 'ACI',
      siret: newSiret(),
      communeCode: '93008',
      latitude: 48.95,
      longitude: 2.5,
    });
    expect(await platform.db.communeCentre.findUnique({ where: { code: '93008' } })).toMatchObject({
      ...BOBIGNY,
      source: 'reference',
    });
  });
});
