// Départements and régions from @etalab/decoupage-administratif (docs/rules.md §3 reference data).
import { createRequire } from 'node:module';

interface Departement {
  code: string;
  nom: string;
  region: string;
}
interface Region {
  code: string;
  nom: string;
  chefLieu: string;
}

const require = createRequire(import.meta.url);
const departements = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];
const regions = require('@etalab/decoupage-administratif/data/regions.json') as Region[];

const departementsByCode = new Map(departements.map((d) => [d.code, d]));
const regionsByCode = new Map(regions.map((r) => [r.code, r]));

export function findDepartement(code: string): Departement | undefined {
  return departementsByCode.get(code);
}

/** Every département, in the reference order (01 … 976). */
export function listDepartements(): readonly Departement[] {
  return departements;
}

export function regionOfDepartement(code: string): Region | undefined {
  const departement = departementsByCode.get(code);
  return departement ? regionsByCode.get(departement.region) : undefined;
}

export function findRegion(code: string): Region | undefined {
  return regionsByCode.get(code);
}

/** Every région, in the reference order. */
export function listRegions(): readonly Region[] {
  return regions;
}

/** Codes of the départements of a région, in the reference order (empty for an unknown code). */
export function departementsOfRegion(code: string): string[] {
  return departements.filter((d) => d.region === code).map((d) => d.code);
}

/** The département of the région's seat (chef-lieu): where a DREETS is located. */
export function seatDepartementOfRegion(code: string): string | undefined {
  const region = regionsByCode.get(code);
  if (!region) return undefined;
  const seat = region.chefLieu.startsWith('97') ? region.chefLieu.slice(0, 3) : region.chefLieu.slice(0, 2);
  return departementsByCode.has(seat) ? seat : departementsOfRegion(code)[0];
}

/** Codes of every département in the same région as this one (itself included). */
export function departementsOfSameRegion(code: string): string[] {
  const region = departementsByCode.get(code)?.region;
  return region ? departements.filter((d) => d.region === region).map((d) => d.code) : [];
}

export interface Commune {
  code: string;
  nom: string;
  departement: string;
  codesPostaux: string[];
  population: number;
}

interface RawCommune extends Partial<Commune> {
  code: string;
  type: string;
}

let communesByCode: Map<string, Commune> | undefined;

/** Current communes (not delegated/associated ones), loaded on first use: the file is 8 MB. */
function communes(): Map<string, Commune> {
  if (!communesByCode) {
    const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    communesByCode = new Map(
      raw
        .filter((c) => c.type === 'commune-actuelle' && c.departement && c.nom)
        .map((c) => [
          c.code,
          {
            code: c.code,
            nom: c.nom!,
            departement: c.departement!,
            codesPostaux: c.codesPostaux ?? [],
            population: c.population ?? 0,
          },
        ]),
    );
  }
  return communesByCode;
}

export function findCommune(code: string): Commune | undefined {
  return communes().get(code);
}

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Communes whose name starts with the text (accents, case and hyphens aside) or whose postal
 * code or INSEE code is the text; the most populated first.
 */
export function searchCommunes(text: string, limit = 10): Commune[] {
  const query = folded(text);
  if (query === '') return [];
  const matches: Commune[] = [];
  for (const commune of communes().values()) {
    if (
      commune.code === text.trim() ||
      commune.codesPostaux.includes(text.trim()) ||
      folded(commune.nom).startsWith(query)
    )
      matches.push(commune);
  }
  return matches.sort((a, b) => b.population - a.population).slice(0, limit);
}
