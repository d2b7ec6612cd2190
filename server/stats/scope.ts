// Which départements a dashboard scope covers, and its French name (docs/rules.md §9).
import { Prisma } from '../../generated/prisma/client.ts';
import type { StatsScope } from '../../domain/stats/scope.ts';
import { departementsOfRegion, findDepartement, findRegion } from '../territories.ts';

/** The départements of the scope; null for the whole country. */
export function departementsOf(scope: StatsScope): string[] | null {
  if (scope.kind === 'national') return null;
  return scope.kind === 'region' ? departementsOfRegion(scope.code) : [scope.code];
}

/** A known région or département (or national). */
export function isKnownScope(scope: StatsScope): boolean {
  if (scope.kind === 'national') return true;
  return scope.kind === 'region' ? findRegion(scope.code) !== undefined : findDepartement(scope.code) !== undefined;
}

export function scopeLabel(scope: StatsScope): string {
  if (scope.kind === 'national') return 'France entière';
  if (scope.kind === 'region') return `Région ${findRegion(scope.code)?.nom ?? scope.code}`;
  return `${findDepartement(scope.code)?.nom ?? scope.code} (${scope.code})`;
}

/** `AND <column> = ANY(…)` for a scope, nothing for the whole country. */
export function inScope(column: Prisma.Sql, departements: string[] | null): Prisma.Sql {
  return departements ? Prisma.sql`AND ${column} = ANY(${departements}::varchar[])` : Prisma.empty;
}

/** The employer (an organization id column) is located in the scope; nothing (no join) for the whole country. */
export function employerInScope(column: Prisma.Sql, departements: string[] | null): Prisma.Sql {
  return departements
    ? Prisma.sql`AND ${column} IN (SELECT id FROM "Organization" WHERE departement = ANY(${departements}::varchar[]))`
    : Prisma.empty;
}
