import { describe, expect, it } from 'vitest';
import {
  applicationsPerPosition,
  boundingBox,
  fairOrder,
  haversineKm,
  isValidRadius,
  RADIUS_KM,
  RECENT_APPLICATIONS_DAYS,
  type RankedEmployer,
} from './registry-search.ts';

const STRASBOURG = { latitude: 48.5734, longitude: 7.7521 };
const MARSEILLE = { latitude: 43.2965, longitude: 5.3698 };
const BOBIGNY = { latitude: 48.9077, longitude: 2.4397 };

const employer = (overrides: Partial<RankedEmployer>): RankedEmployer => ({
  id: '00000000-0000-0000-0000-000000000001',
  name: 'Employeur',
  openPositions: 1,
  recentApplications: 0,
  distanceKm: null,
  ...overrides,
});

describe('radius', () => {
  it('is between 2 and 100 km, 25 km by default', () => {
    expect(RADIUS_KM).toEqual({ min: 2, max: 100, default: 25 });
    expect([2, 25, 100].map(isValidRadius)).toEqual([true, true, true]);
    expect([1.99, 100.01, Number.NaN, -5].map(isValidRadius)).toEqual([false, false, false, false]);
  });

  it('recent applications are those of the last 30 days', () => {
    expect(RECENT_APPLICATIONS_DAYS).toBe(30);
  });
});

describe('haversine distance', () => {
  it('is zero from a point to itself and symmetric', () => {
    expect(haversineKm(STRASBOURG, STRASBOURG)).toBe(0);
    expect(haversineKm(STRASBOURG, MARSEILLE)).toBeCloseTo(haversineKm(MARSEILLE, STRASBOURG), 9);
  });

  it('matches known distances between French cities (within 1 %)', () => {
    // Strasbourg–Marseille ≈ 617 km, Bobigny–Strasbourg ≈ 392 km as the crow flies.
    expect(haversineKm(STRASBOURG, MARSEILLE)).toBeGreaterThan(611);
    expect(haversineKm(STRASBOURG, MARSEILLE)).toBeLessThan(623);
    expect(haversineKm(BOBIGNY, STRASBOURG)).toBeGreaterThan(388);
    expect(haversineKm(BOBIGNY, STRASBOURG)).toBeLessThan(396);
  });

  it('one degree of latitude is about 111.2 km', () => {
    expect(haversineKm({ latitude: 45, longitude: 3 }, { latitude: 46, longitude: 3 })).toBeCloseTo(111.19, 1);
  });
});

describe('bounding box', () => {
  it('holds every point of the circle, in every direction', () => {
    for (const centre of [STRASBOURG, MARSEILLE, { latitude: 64.1, longitude: -21.9 }]) {
      for (const radius of [2, 25, 100]) {
        const box = boundingBox(centre, radius);
        for (let bearing = 0; bearing < 360; bearing += 5) {
          // A point just inside the circle, found by walking along the bearing.
          const step = (radius * 0.999) / 111.195;
          const point = {
            latitude: centre.latitude + step * Math.cos((bearing * Math.PI) / 180),
            longitude:
              centre.longitude +
              (step * Math.sin((bearing * Math.PI) / 180)) / Math.cos((centre.latitude * Math.PI) / 180),
          };
          if (haversineKm(centre, point) > radius) continue;
          expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
          expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
          expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
          expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
        }
      }
    }
  });

  it('is not much larger than the circle (a useful prefilter)', () => {
    const box = boundingBox(STRASBOURG, 25);
    const height = haversineKm(
      { latitude: box.minLatitude, longitude: STRASBOURG.longitude },
      { latitude: box.maxLatitude, longitude: STRASBOURG.longitude },
    );
    const width = haversineKm(
      { latitude: STRASBOURG.latitude, longitude: box.minLongitude },
      { latitude: STRASBOURG.latitude, longitude: box.maxLongitude },
    );
    expect(height).toBeCloseTo(50, 0);
    expect(width).toBeGreaterThanOrEqual(50);
    expect(width).toBeLessThan(52);
  });
});

describe('fair order', () => {
  it('fewer recent applications per open position comes first, whatever the absolute numbers', () => {
    const crowded = employer({ id: 'a', openPositions: 2, recentApplications: 10 }); // 5 per position
    const quiet = employer({ id: 'b', openPositions: 10, recentApplications: 20 }); // 2 per position
    expect([crowded, quiet].sort(fairOrder).map((e) => e.id)).toEqual(['b', 'a']);
    expect(applicationsPerPosition(crowded)).toBe(5);
  });

  it('an employer without any open position comes after all those with some, even with no application', () => {
    const closed = employer({ id: 'closed', openPositions: 0, recentApplications: 0, distanceKm: 0 });
    const busy = employer({ id: 'busy', openPositions: 1, recentApplications: 500, distanceKm: 90 });
    expect([closed, busy].sort(fairOrder).map((e) => e.id)).toEqual(['busy', 'closed']);
    expect(applicationsPerPosition(closed)).toBeNull();
  });

  it('equal ratios: the nearer first, then by name, then by id', () => {
    const far = employer({ id: '1', name: 'A', openPositions: 2, recentApplications: 2, distanceKm: 12 });
    const nearB = employer({ id: '2', name: 'B', openPositions: 1, recentApplications: 1, distanceKm: 3 });
    const nearA2 = employer({ id: '4', name: 'A', openPositions: 3, recentApplications: 3, distanceKm: 3 });
    const nearA1 = employer({ id: '3', name: 'A', openPositions: 5, recentApplications: 5, distanceKm: 3 });
    expect([far, nearB, nearA2, nearA1].sort(fairOrder).map((e) => e.id)).toEqual(['3', '4', '2', '1']);
  });

  it('without a search centre, name then id decide ties', () => {
    const b = employer({ id: 'x', name: 'Bêta' });
    const a = employer({ id: 'y', name: 'Alpha' });
    expect([b, a].sort(fairOrder).map((e) => e.id)).toEqual(['y', 'x']);
  });

  it('is a total order: never 0 for two different employers, antisymmetric', () => {
    const employers = [0, 1, 2].flatMap((open) =>
      [0, 1, 3].flatMap((recent) =>
        [null, 1, 5].map((distanceKm, index) =>
          employer({
            id: `${open}-${recent}-${index}`,
            name: `E${index % 2}`,
            openPositions: open,
            recentApplications: recent,
            distanceKm,
          }),
        ),
      ),
    );
    for (const a of employers)
      for (const b of employers) {
        if (a === b) expect(fairOrder(a, b)).toBe(0);
        else {
          expect(fairOrder(a, b)).not.toBe(0);
          expect(Math.sign(fairOrder(a, b))).toBe(-Math.sign(fairOrder(b, a)));
        }
      }
  });
});
