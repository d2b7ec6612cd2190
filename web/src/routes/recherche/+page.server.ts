import { ApiError, callerOf } from '$lib/server/api';
import { departementOptions } from '$lib/server/departements';
import { registryApi, type CommuneChoice, type SearchResult } from '$lib/server/registry-api';
import { DEFAULT_RADIUS } from '$lib/registry-labels';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const INSEE_CODE = /^\d[0-9AB]\d{3}$/;

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The form as typed (strings), echoed back into the fields. */
export interface SearchForm {
  commune: string;
  code: string;
  rayon: string;
  departement: string;
  type: string;
  rome: string;
  ouverts: boolean;
}

type CommuneResolution =
  | { status: 'none' }
  | { status: 'found'; commune: CommuneChoice }
  | { status: 'choose'; choices: CommuneChoice[] }
  | { status: 'error'; message: string };

async function resolveCommune(event: Parameters<PageServerLoad>[0], form: SearchForm): Promise<CommuneResolution> {
  const text = form.commune.trim();
  if (!text) return { status: 'none' };
  const caller = callerOf(event);
  // A commune chosen among several (or found before) comes back as its code, kept while the
  // typed text still names it.
  if (form.code) {
    const chosen = (await registryApi.communes(caller, form.code)).find((commune) => commune.code === form.code);
    if (chosen && (folded(chosen.name).startsWith(folded(text)) || text === chosen.code)) {
      return { status: 'found', commune: chosen };
    }
  }
  const matches = await registryApi.communes(caller, text);
  const exact = INSEE_CODE.test(text) ? matches.find((commune) => commune.code === text) : undefined;
  if (exact) return { status: 'found', commune: exact };
  if (matches.length === 0) return { status: 'error', message: `Aucune commune ne correspond à « ${text} ».` };
  if (matches.length === 1) return { status: 'found', commune: matches[0]! };
  return { status: 'choose', choices: matches };
}

type RomeResolution = { status: 'code'; code: string | undefined } | { status: 'error'; message: string };

/**
 * The ROME field takes a code (checked by the API, as typed) or a job title, resolved here
 * among the shipped ROME list: one match, or one title that is exactly the text, is its code;
 * none or several is a French error.
 */
async function resolveRome(event: Parameters<PageServerLoad>[0], text: string): Promise<RomeResolution> {
  const typed = text.trim();
  if (!typed || /\d/.test(typed)) return { status: 'code', code: typed || undefined };
  const matches = await registryApi.romeCodes(callerOf(event), typed);
  if (matches.length === 1) return { status: 'code', code: matches[0]!.code };
  const exact = matches.filter((rome) => folded(rome.label) === folded(typed));
  if (exact.length === 1) return { status: 'code', code: exact[0]!.code };
  if (matches.length === 0) {
    return {
      status: 'error',
      message: `Aucun métier de la liste ne correspond à « ${typed} » : saisissez un code ROME, par exemple N1105.`,
    };
  }
  const listed = matches
    .slice(0, 5)
    .map((rome) => `${rome.code} (${rome.label})`)
    .join(', ');
  return {
    status: 'error',
    message: `Plusieurs métiers correspondent à « ${typed} » : ${listed}${matches.length > 5 ? '…' : ''}. Saisissez le code ROME choisi.`,
  };
}

/** Field errors of a 400 answer (details with path `query.<field>`), first one per field. */
function queryFieldErrors(err: ApiError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const detail of err.details) {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string' || !path.startsWith('query.')) continue;
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    result[path.slice('query.'.length)] ??= /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return result;
}

/** GET /recherche?commune=…&rayon=…: the public search (a plain GET form, works without JavaScript). */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const form: SearchForm = {
    commune: params.get('commune') ?? '',
    code: params.get('code') ?? '',
    rayon: params.get('rayon') ?? String(DEFAULT_RADIUS),
    departement: params.get('departement') ?? '',
    type: params.get('type') ?? '',
    rome: params.get('rome') ?? '',
    ouverts: params.has('ouverts'),
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const base = {
    form,
    departements: departementOptions(),
    submitted: params.size > 0,
    commune: null as CommuneChoice | null,
    choices: [] as CommuneChoice[],
    errors: {} as Record<string, string>,
    error: null as string | null,
    result: null as SearchResult | null,
  };
  if (!base.submitted) return base;

  const resolution = await resolveCommune(event, form);
  if (resolution.status === 'error') return { ...base, errors: { commune: resolution.message } };
  if (resolution.status === 'choose') return { ...base, choices: resolution.choices };
  const commune = resolution.status === 'found' ? resolution.commune : null;
  const rome = await resolveRome(event, form.rome);
  if (rome.status === 'error') return { ...base, commune, errors: { rome: rome.message } };

  try {
    const result = await registryApi.search(callerOf(event), {
      commune: commune?.code,
      radiusKm: commune ? Number(form.rayon) || DEFAULT_RADIUS : undefined,
      departement: form.departement || undefined,
      kind: form.type || undefined,
      rome: rome.code,
      openOnly: form.ouverts || undefined,
      page,
      pageSize: PAGE_SIZE,
    });
    return { ...base, commune, result };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    const fields = queryFieldErrors(err);
    const errors = {
      commune: fields.commune ?? (err.status === 422 ? err.message : undefined),
      rayon: fields.radiusKm,
      departement: fields.departement,
      type: fields.kind,
      rome: fields.rome,
    };
    const known = Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as Record<string, string>;
    return { ...base, commune, errors: known, error: Object.keys(known).length > 0 ? null : err.message };
  }
};
