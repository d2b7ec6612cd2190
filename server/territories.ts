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
  /** The administrative arrondissement (e.g. 2A1), when the source gives one. */
  arrondissement?: string;
  /** Paris, Lyon and Marseille's municipal arrondissements (75101, 69383, 13201…). */
  municipalArrondissement: boolean;
}

interface RawCommune extends Partial<Omit<Commune, 'municipalArrondissement'>> {
  code: string;
  type: string;
}

/** Lowercase, without accents, any run of other characters as one space: "Saint-Étienne" → "saint etienne". */
export const foldedName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface CommuneIndex {
  byCode: Map<string, Commune>;
  byPostalCode: Map<string, Commune[]>;
  /** Sorted by folded name: a prefix is a contiguous run, found by binary search. */
  byName: { folded: string; commune: Commune }[];
}

let index: CommuneIndex | undefined;

/**
 * Current communes and municipal arrondissements (not delegated/associated communes), indexed on
 * first use: the file is 8 MB.
 */
function communeIndex(): CommuneIndex {
  if (index) return index;
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const communes = raw
    .filter((c) => (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') && c.departement && c.nom)
    .map((c): Commune => ({
      code: c.code,
      nom: c.nom!,
      departement: c.departement!,
      codesPostaux: c.codesPostaux ?? [],
      population: c.population ?? 0,
      arrondissement: c.arrondissement,
      municipalArrondissement: c.type === 'arrondissement-municipal',
    }));
  const byPostalCode = new Map<string, Commune[]>();
  for (const commune of communes) {
    for (const postalCode of commune.codesPostaux) {
      byPostalCode.set(postalCode, [...(byPostalCode.get(postalCode) ?? []), commune]);
    }
  }
  const byName = communes
    .map((commune) => ({ folded: foldedName(commune.nom), commune }))
    .sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  index = { byCode: new Map(communes.map((c) => [c.code, c])), byPostalCode, byName };
  return index;
}

export function findCommune(code: string): Commune | undefined {
  return communeIndex().byCode.get(code);
}

/** Every commune and municipal arrondissement, in no particular order. */
export function listCommunes(): IterableIterator<Commune> {
  return communeIndex().byCode.values();
}

/** Communes whose folded name starts with `prefix` (binary search, then the run). */
function communesNamed(prefix: string): Commune[] {
  const { byName } = communeIndex();
  let low = 0;
  let high = byName.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byName[middle]!.folded < prefix) low = middle + 1;
    else high = middle;
  }
  const found: Commune[] = [];
  for (let i = low; i < byName.length && byName[i]!.folded.startsWith(prefix); i++) found.push(byName[i]!.commune);
  return found;
}

/**
 * Communes whose name starts with the text (accents, case and hyphens aside) or whose postal
 * code or INSEE code is the text; the most populated first (docs/rules.md §3).
 */
export function searchCommunes(text: string, limit = 10): Commune[] {
  const query = foldedName(text);
  if (query === '') return [];
  const trimmed = text.trim().toUpperCase();
  const { byCode, byPostalCode } = communeIndex();
  const matches = new Set<Commune>(communesNamed(query));
  const exact = byCode.get(trimmed);
  if (exact) matches.add(exact);
  for (const commune of byPostalCode.get(trimmed) ?? []) matches.add(commune);
  return [...matches].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)).slice(0, limit);
}
