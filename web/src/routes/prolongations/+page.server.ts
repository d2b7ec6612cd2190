import { fail } from '@sveltejs/kit';
import { shortDate } from '$lib/pass-dates';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { apiFailure, textField } from '$lib/server/forms';
import { passApi, type PassView, type ProlongationRequestItem } from '$lib/server/pass-api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PRESCRIBERS_ONLY = 'Cette page est réservée aux prescripteurs habilités.';
const REASON_MAX = 2000;

export const load: PageServerLoad = async (event) => {
  // Employers see the requests they sent (read-only); prescribers those they are asked to decide.
  const user = requireRole(event, ['PRESCRIBER', 'EMPLOYER_STAFF', 'ADMIN'], PRESCRIBERS_ONLY);
  let requests: ProlongationRequestItem[];
  try {
    requests = await passApi.prolongationRequests(callerOf(event), 'PENDING');
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return {
    requests,
    isEmployer: user.membership.role === 'EMPLOYER_STAFF',
    authorized: user.membership.role === 'ADMIN' || user.membership.organization.authorizationStatus === 'VALIDATED',
  };
};

type FormName = 'accorder' | 'refuser';

async function formOf(event: RequestEvent): Promise<FormData> {
  requireRole(event, ['PRESCRIBER', 'ADMIN'], PRESCRIBERS_ONLY);
  return event.request.formData();
}

async function decide(event: RequestEvent, form: FormName, requestId: string, passNumber: string, reason: string) {
  let view: PassView;
  try {
    view = await passApi.decideProlongationRequest(
      callerOf(event),
      requestId,
      form === 'accorder' ? { action: 'grant' } : { action: 'deny', reason },
    );
  } catch (err) {
    return apiFailure(err, event, { form, requestId, reason, fieldError: null as string | null, success: null });
  }
  const number = view.passNumber || passNumber;
  return {
    form,
    requestId,
    reason: '',
    fieldError: null,
    message: null,
    success:
      form === 'accorder'
        ? `La prolongation du PASS IAE n° ${number} est accordée : il est valable jusqu'au ${shortDate(view.end)}. L'employeur en est informé.`
        : `La prolongation du PASS IAE n° ${number} est refusée. L'employeur en est informé, avec votre motif.`,
  };
}

export const actions = {
  accorder: async (event) => {
    const form = await formOf(event);
    const requestId = textField(form, 'requestId');
    if (!requestId)
      return fail(400, {
        form: 'accorder' as FormName,
        requestId,
        reason: '',
        fieldError: null,
        success: null,
        message: 'Demande de prolongation introuvable.',
      });
    return decide(event, 'accorder', requestId, textField(form, 'passNumber'), '');
  },
  refuser: async (event) => {
    const form = await formOf(event);
    const requestId = textField(form, 'requestId');
    const reason = textField(form, 'reason');
    const fieldError = !reason
      ? 'Saisissez le motif du refus.'
      : reason.length > REASON_MAX
        ? `Le motif ne doit pas dépasser ${REASON_MAX} caractères.`
        : null;
    if (!requestId || fieldError) {
      return fail(400, {
        form: 'refuser' as FormName,
        requestId,
        reason,
        fieldError,
        success: null,
        message: requestId ? 'Le formulaire contient des erreurs.' : 'Demande de prolongation introuvable.',
      });
    }
    return decide(event, 'refuser', requestId, textField(form, 'passNumber'), reason);
  },
} satisfies Actions;
