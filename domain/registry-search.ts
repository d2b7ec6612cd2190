// Registry search rules (docs/rules.md §3): the radius around a commune's centre, distances on the
// globe, and the fair order of results. Pure: the API's SQL implements the same order, and an
// integration test checks that both agree.

export const RADIUS_KM = { min: 2, max: 100, default: 25 } as const;

/** Applications received in this many days count as "recent" for the fair order. */
export const RECENT_APPLICATIONS_DAYS = 30;

export const PAGE_SIZE = { default: 20, max: 100 } as const;

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE_OF_LATITUDE = (Math.PI * EARTH_RADIUS_KM) / 180;

export interface Point {
  latitude: number;
  longitude: number;
}

export function isValidRadius(radiusKm: number): boolean {
  return Number.isFinite(radiusKm) && radiusKm >= RADIUS_KM.min && radiusKm <= RADIUS_KM.max;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km (haversine formula, spherical Earth of radius 6371 km). */
export function haversineKm(from: Point, to: Point): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/**
 * A latitude/longitude box holding every point within `radiusKm` of the centre: a cheap,
 * index-friendly prefilter before the exact distance. Longitude degrees shrink towards the
 * poles, so the box is widened by the cosine of the latitude nearest the pole.
 */
export function boundingBox(centre: Point, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE_OF_LATITUDE;
  const poleward = Math.min(89.9, Math.abs(centre.latitude) + dLat);
  const dLon = radiusKm / (KM_PER_DEGREE_OF_LATITUDE * Math.cos(radians(poleward)));
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLon,
    maxLongitude: centre.longitude + dLon,
  };
}

export interface RankedEmployer {
  id: string;
  name: string;
  /** Sum of open positions over the job descriptions open to recruitment. */
  openPositions: number;
  /** Applications received in the last RECENT_APPLICATIONS_DAYS days. */
  recentApplications: number;
  /** Distance to the search centre, null when no centre was given. */
  distanceKm: number | null;
}

/** Recent applications per open position; null for an employer without any open position. */
export function applicationsPerPosition(employer: Pick<RankedEmployer, 'openPositions' | 'recentApplications'>) {
  return employer.openPositions > 0 ? employer.recentApplications / employer.openPositions : null;
}

const byNumber = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The fair order: employers that receive fewer recent applications per open position first,
 * so applications spread instead of piling on the best known; employers with no open
 * position after all those with some. Ties: nearer first, then name, then id (byte order, as
 * PostgreSQL's "C" collation), so that pages never overlap or skip.
 */
export function fairOrder(a: RankedEmployer, b: RankedEmployer): number {
  const ratioA = applicationsPerPosition(a);
  const ratioB = applicationsPerPosition(b);
  if (ratioA === null || ratioB === null) {
    if (ratioA !== ratioB) return ratioA === null ? 1 : -1;
  } else if (ratioA !== ratioB) {
    return byNumber(ratioA, ratioB);
  }
  if (a.distanceKm !== b.distanceKm) {
    if (a.distanceKm === null) return 1;
    if (b.distanceKm === null) return -1;
    const distance = byNumber(a.distanceKm, b.distanceKm);
    if (distance !== 0) return distance;
  }
  return byText(a.name, b.name) || byText(a.id, b.id);
}
