// Départements and régions from @etalab/decoupage-administratif (SPEC §3 reference data).
import { createRequire } from 'node:module';

interface Departement {
  code: string;
  nom: string;
  region: string;
}
interface Region {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);
const departements = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];
const regions = require('@etalab/decoupage-administratif/data/regions.json') as Region[];

const departementsByCode = new Map(departements.map((d) => [d.code, d]));
const regionsByCode = new Map(regions.map((r) => [r.code, r]));

export function findDepartement(code: string): Departement | undefined {
  return departementsByCode.get(code);
}

export function regionOfDepartement(code: string): Region | undefined {
  const departement = departementsByCode.get(code);
  return departement ? regionsByCode.get(departement.region) : undefined;
}

/** Codes of every département in the same région as this one (itself included). */
export function departementsOfSameRegion(code: string): string[] {
  const region = departementsByCode.get(code)?.region;
  return region ? departements.filter((d) => d.region === region).map((d) => d.code) : [];
}
