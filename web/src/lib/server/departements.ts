// Names of the départements (@etalab/decoupage-administratif, as the API's server/territories.ts).
import { createRequire } from 'node:module';

interface Departement {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);
const names = new Map(
  (require('@etalab/decoupage-administratif/data/departements.json') as Departement[]).map((d) => [d.code, d.nom]),
);

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
