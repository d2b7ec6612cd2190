// Scope options of the dashboards (docs/rules.md §9): national, régions, départements.
import { createRequire } from 'node:module';
import { departementOptions } from './departements';

interface Region {
  code: string;
  nom: string;
}
interface Departement {
  code: string;
  nom: string;
  region: string;
}

const require = createRequire(import.meta.url);
const regions = require('@etalab/decoupage-administratif/data/regions.json') as Region[];
const departements = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];

export interface ScopeOption {
  value: string;
  label: string;
}
export interface ScopeGroup {
  label: string;
  options: ScopeOption[];
}

/** Every scope, grouped: what an administrator may choose. */
export function allScopeGroups(): ScopeGroup[] {
  return [
    { label: 'France', options: [{ value: 'national', label: 'France entière' }] },
    { label: 'Régions', options: regions.map((r) => ({ value: `region:${r.code}`, label: r.nom })) },
    {
      label: 'Départements',
      options: departementOptions().map((d) => ({ value: `departement:${d.value}`, label: d.label })),
    },
  ];
}

/** A région and its départements: what a DREETS may choose. */
export function regionScopeGroups(code: string): ScopeGroup[] {
  const region = regions.find((r) => r.code === code);
  if (!region) return [];
  return [
    { label: 'Région', options: [{ value: `region:${code}`, label: region.nom }] },
    {
      label: 'Départements',
      options: departements
        .filter((d) => d.region === code)
        .map((d) => ({ value: `departement:${d.code}`, label: `${d.code} – ${d.nom}` })),
    },
  ];
}
