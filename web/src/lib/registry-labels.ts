// French wording of the registry (docs/rules.md §3): employer kinds, radius choices, result counts.
import { EMPLOYER_KINDS, type EmployerKind } from '$domain/organizations.ts';
import { RADIUS_KM } from '$domain/registry-search.ts';

export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  ACI: 'Atelier et chantier d’insertion (ACI)',
  AI: 'Association intermédiaire (AI)',
  EI: 'Entreprise d’insertion (EI)',
  EITI: 'Entreprise d’insertion par le travail indépendant (EITI)',
  ETTI: 'Entreprise de travail temporaire d’insertion (ETTI)',
  GEIQ: 'Groupement d’employeurs pour l’insertion et la qualification (GEIQ)',
  EA: 'Entreprise adaptée (EA)',
  EATT: 'Entreprise adaptée de travail temporaire (EATT)',
};

export const EMPLOYER_KIND_OPTIONS = EMPLOYER_KINDS.map((kind) => ({ value: kind, label: EMPLOYER_KIND_LABELS[kind] }));

export const kindLabel = (kind: string) => EMPLOYER_KIND_LABELS[kind as EmployerKind] ?? kind;

export const RADIUS_OPTIONS = [RADIUS_KM.min, 5, 10, RADIUS_KM.default, 50, RADIUS_KM.max];
export const DEFAULT_RADIUS = RADIUS_KM.default;

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;

export const resultCount = (total: number) =>
  total === 0
    ? 'Aucun employeur ne correspond à votre recherche.'
    : `${plural(total, 'employeur trouvé', 'employeurs trouvés')}.`;

export const positionsLabel = (count: number) => plural(count, 'poste ouvert', 'postes ouverts');

/** 3.456 → "3,5 km"; under 1 km → "moins de 1 km". */
export function distanceLabel(km: number | null): string | null {
  if (km === null) return null;
  if (km < 1) return 'à moins de 1 km';
  return `à ${km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}
