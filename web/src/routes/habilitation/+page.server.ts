import { fail, redirect } from '@sveltejs/kit';
import { OPEN_ACCREDITATION_STATES } from '$lib/labels';
import { pageErrorFrom, requirePrescriberOrganization } from '$lib/server/access';
import { api, callerOf, type AccreditationListItem } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requirePrescriberOrganization(event);
  let requests: AccreditationListItem[];
  try {
    requests = await api.accreditationRequests(callerOf(event));
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return {
    organization: user.membership.organization,
    // The newest first: the organization looks for its latest request.
    requests: requests.toReversed(),
    openRequest: requests.find((r) => OPEN_ACCREDITATION_STATES.includes(r.state)) ?? null,
  };
};

const JUSTIFICATION_MAX = 5000;
const REFERENCE_MAX = 300;

export const actions = {
  deposer: async (event) => {
    const user = requirePrescriberOrganization(event);
    const form = await event.request.formData();
    const justification = textField(form, 'justification');
    const reference = textField(form, 'reference');
    const fieldErrors = {
      justification: !justification
        ? 'Saisissez la justification de votre demande.'
        : justification.length > JUSTIFICATION_MAX
          ? `La justification ne doit pas dépasser ${JUSTIFICATION_MAX} caractères.`
          : null,
      reference: !reference
        ? "Saisissez la référence de l'arrêté préfectoral ou du document justificatif."
        : reference.length > REFERENCE_MAX
          ? `La référence ne doit pas dépasser ${REFERENCE_MAX} caractères.`
          : null,
    };
    if (fieldErrors.justification || fieldErrors.reference) {
      return fail(400, { justification, reference, fieldErrors, message: 'Le formulaire contient des erreurs.' });
    }

    let requestId: string;
    try {
      const view = await api.submitAccreditationRequest(callerOf(event), {
        organizationId: user.membership.organization.id,
        justification,
        reference,
      });
      requestId = view.requestId;
    } catch (err) {
      return apiFailure(
        err,
        event,
        {
          justification,
          reference,
          fieldErrors: { justification: null, reference: null },
        },
        ['justification', 'reference'],
      );
    }
    redirect(303, `/habilitation/${encodeURIComponent(requestId)}?depot=ok`);
  },
} satisfies Actions;
