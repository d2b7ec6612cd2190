// Suggestion sources of the search page's autocompletes, read from the public JSON API in the
// browser (docs/rules.md §3, §13).
import type { ComboboxOption } from '$lib/components/Combobox.svelte';

interface CommuneItem {
  code: string;
  name: string;
  departement: string;
  postalCodes: string[];
  centreKnown: boolean;
}

async function items<T>(path: string, params: Record<string, string>, signal: AbortSignal): Promise<T[]> {
  const response = await fetch(`/api/v1${path}?${new URLSearchParams(params)}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`suggestions: HTTP ${response.status}`);
  return ((await response.json()) as { items: T[] }).items;
}

export const COMMUNE_SUGGESTIONS = 8;

/** Communes by name, postal code or INSEE code: "Lyon (69)", chosen by INSEE code. */
export async function suggestCommunes(text: string, signal: AbortSignal): Promise<ComboboxOption[]> {
  const communes = await items<CommuneItem>('/communes', { q: text, limit: String(COMMUNE_SUGGESTIONS) }, signal);
  return communes.map((commune) => ({
    value: commune.name,
    key: commune.code,
    label:
      `${commune.name} (${commune.departement})` +
      (commune.postalCodes.length > 0 ? ` – ${commune.postalCodes.slice(0, 3).join(', ')}` : '') +
      (commune.postalCodes.length > 3 ? '…' : '') +
      (commune.centreKnown ? '' : ' – recherche par distance indisponible'),
  }));
}

/** ROME codes by code or job title: "N1105 – Manutentionnaire", the code written in the field. */
export async function suggestRomeCodes(text: string, signal: AbortSignal): Promise<ComboboxOption[]> {
  const codes = await items<{ code: string; label: string }>('/rome-codes', { q: text, limit: '8' }, signal);
  return codes.map((rome) => ({ value: rome.code, label: `${rome.code} – ${rome.label}` }));
}
