// Dashboard scopes and who may see which (docs/rules.md §2, §9): a département-scoped role sees
// its département, a DREETS its région, an administrator any scope. Pure: the territory lookup
// is passed in.
import type { Role } from '../organizations.ts';

export type StatsScope =
  { kind: 'national' } | { kind: 'region'; code: string } | { kind: 'departement'; code: string };

/** The roles that read dashboards (administrators always may). */
export const STATS_ROLES = [
  'PREFECTURE_AGENT',
  'LABOUR_INSPECTOR',
  'REGIONAL_OFFICER',
] as const satisfies readonly Role[];

export interface StatsViewer {
  role: Role;
  departement: string;
  region: string | null;
}

/** `national`, `region:11` or `departement:93`; null when the text is none of these shapes. */
export function parseStatsScope(text: string): StatsScope | null {
  if (text === 'national') return { kind: 'national' };
  const match = /^(region|departement):([0-9AB]{2,3})$/.exec(text);
  if (!match) return null;
  return { kind: match[1] as 'region' | 'departement', code: match[2]! };
}

export function formatStatsScope(scope: StatsScope): string {
  return scope.kind === 'national' ? 'national' : `${scope.kind}:${scope.code}`;
}

/** The scope a viewer lands on: their own. Null when the role sees no dashboard. */
export function defaultStatsScope(viewer: StatsViewer): StatsScope | null {
  switch (viewer.role) {
    case 'ADMIN':
      return { kind: 'national' };
    case 'REGIONAL_OFFICER':
      return viewer.region ? { kind: 'region', code: viewer.region } : null;
    case 'PREFECTURE_AGENT':
    case 'LABOUR_INSPECTOR':
      return { kind: 'departement', code: viewer.departement };
    default:
      return null;
  }
}

/**
 * Whether the viewer may read this scope. A DREETS may also read one département of its région
 * (`regionOf` gives a département's région code).
 */
export function mayViewStatsScope(
  viewer: StatsViewer,
  scope: StatsScope,
  regionOf: (departement: string) => string | undefined,
): boolean {
  if (viewer.role === 'ADMIN') return true;
  const own = defaultStatsScope(viewer);
  if (!own) return false;
  if (own.kind === 'region' && scope.kind === 'departement') return regionOf(scope.code) === own.code;
  return formatStatsScope(own) === formatStatsScope(scope);
}
