// Names of the départements (@etalab/decoupage-administratif, as the API's server/territories.ts).
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
const names = new Map(departements.map((d) => [d.code, d.nom]));
const regionOf = new Map(departements.map((d) => [d.code, d.region]));
const regionNames = new Map(
  (require('@etalab/decoupage-administratif/data/regions.json') as Region[]).map((r) => [r.code, r.nom]),
);

/** The name of the région a département belongs to ("93" → "Île-de-France"), or null when unknown. */
export function regionName(departementCode: string | null): string | null {
  const region = departementCode ? regionOf.get(departementCode) : undefined;
  return (region && regionNames.get(region)) ?? null;
}

/** "93" → "Seine-Saint-Denis (93)"; the code alone when unknown. */
export function departementLabel(code: string | null): string {
  if (!code) return 'Non renseigné';
  const name = names.get(code);
  return name ? `${name} (${code})` : code;
}

/** Every département, as select options, in code order ("01 – Ain"). */
export function departementOptions(): { value: string; label: string }[] {
  return [...names].map(([code, name]) => ({ value: code, label: `${code} – ${name}` }));
}
