// Reading a list page's address (docs/rules.md §11): a page number and a search that the API
// will accept, whatever was typed in the address bar.
import { LIST_PAGE_MAX } from '$contracts/worklists.ts';

/** The `page` parameter as a page number (1 when missing or invalid). */
export function pageParam(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= LIST_PAGE_MAX ? page : 1;
}

/** The `q` parameter, trimmed and bounded like the API's. */
export function searchParam(url: URL): string {
  return (url.searchParams.get('q') ?? '').trim().slice(0, 100);
}

/** The value of `name` when it is one of `allowed`, else `fallback`. */
export function choiceParam<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T): T {
  const value = url.searchParams.get(name);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** « 1 candidature », « 12 candidatures », « Aucune candidature ». */
export function countLabel(n: number, one: string, many: string, none: string): string {
  return n === 0 ? none : `${n.toLocaleString('fr-FR')} ${n === 1 ? one : many}`;
}
