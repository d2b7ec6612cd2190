import { fail } from '@sveltejs/kit';
import { PREFECTURE_ACTIONS_BY_STATE } from '$lib/labels';
import { PREFECTURE_ONLY, pageErrorFrom, requireRole } from '$lib/server/access';
import {
  ApiError,
  api,
  callerOf,
  type AccreditationDecision,
  type AccreditationView,
  type Organization,
} from '$lib/server/api';
import { departementLabel } from '$lib/server/departements';
import { confirmationNeeded } from '$lib/server/confirmation';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  const caller = callerOf(event);
  let request: AccreditationView;
  let organization: Organization | null = null;
  try {
    request = await api.accreditationRequest(caller, event.params.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  try {
    organization = await api.organization(caller, request.organizationId);
  } catch (err) {
    // The request stays readable without its organization's details.
    if (!(err instanceof ApiError)) throw err;
    console.error(JSON.stringify({ msg: 'GET /organizations/{id} failed', status: err.status, code: err.code }));
  }
  return {
    request,
    organization,
    departement: departementLabel(request.departement),
    allowedActions: PREFECTURE_ACTIONS_BY_STATE[request.state],
  };
};

const TEXT_MAX = 3000;

/** Checks a required free text (message or motif) and returns its French error, if any. */
function textError(value: string, missing: string): string | null {
  if (!value) return missing;
  if (value.length > TEXT_MAX) return `Ce texte ne doit pas dépasser ${TEXT_MAX} caractères.`;
  return null;
}

type FormName = 'habiliter' | 'refuser' | 'demanderInformations' | 'retirer';

const SUCCESS: Record<FormName, string> = {
  habiliter: "L'organisation est habilitée. Elle en est informée par une notification.",
  refuser: "La demande est refusée. L'organisation en est informée par une notification.",
  demanderInformations: "Votre demande d'informations a été transmise à l'organisation.",
  retirer: "L'habilitation est retirée. L'organisation en est informée par une notification.",
};

/** The fields of a decision form, once the caller is known to be a prefecture agent. */
async function formOf(event: RequestEvent): Promise<FormData> {
  requireRole(event, ['PREFECTURE_AGENT'], PREFECTURE_ONLY);
  return event.request.formData();
}

/** Sends the decision to the API; a refusal comes back as a form failure with the API's French message. */
async function decide(event: RequestEvent, form: FormName, value: string, decision: AccreditationDecision) {
  try {
    await api.decideAccreditationRequest(callerOf(event), event.params.id, decision);
  } catch (err) {
    return apiFailure(err, event, { form, value, fieldError: null as string | null });
  }
  return { form, success: SUCCESS[form] };
}

const invalid = (form: FormName, value: string, fieldError: string) =>
  fail(400, { form, value, fieldError, message: 'Le formulaire contient des erreurs.' });

export const actions = {
  habiliter: async (event) => {
    const endDate = textField(await formOf(event), 'endDate');
    if (endDate && !/^\d{4}-\d{2}-\d{2}$/.test(endDate)) {
      return invalid('habiliter', endDate, 'Saisissez une date valide, au format JJ/MM/AAAA.');
    }
    return decide(event, 'habiliter', endDate, { action: 'approve', ...(endDate ? { endDate } : {}) });
  },
  refuser: async (event) => {
    const data = await formOf(event);
    const reason = textField(data, 'reason');
    const error = textError(reason, 'Saisissez le motif du refus.');
    if (error) return invalid('refuser', reason, error);
    // A refusal closes the request for good: confirmed first (docs/rules.md §7).
    const step = confirmationNeeded(data, 'refuser' as FormName);
    if (step) return step;
    return decide(event, 'refuser', reason, { action: 'reject', reason });
  },
  demanderInformations: async (event) => {
    const message = textField(await formOf(event), 'message');
    const error = textError(message, "Saisissez les informations que l'organisation doit fournir.");
    if (error) return invalid('demanderInformations', message, error);
    return decide(event, 'demanderInformations', message, { action: 'request-information', message });
  },
  retirer: async (event) => {
    const data = await formOf(event);
    const reason = textField(data, 'reason');
    const error = textError(reason, "Saisissez le motif du retrait de l'habilitation.");
    if (error) return invalid('retirer', reason, error);
    // The members lose the authorization at once, for good: confirmed first (docs/rules.md §7).
    const step = confirmationNeeded(data, 'retirer' as FormName);
    if (step) return step;
    return decide(event, 'retirer', reason, { action: 'withdraw', reason });
  },
} satisfies Actions;
