import { fail, redirect } from '@sveltejs/kit';
import {
  employerTransitionsFrom,
  isRefusalReason,
  latestHiringStartDate,
  USER_REFUSAL_REASONS,
} from '$lib/application-labels';
import { isIsoDate } from '$lib/pass-dates';
import { todayFrom } from '$lib/server/clock-api';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { ApiError, callerOf } from '$lib/server/api';
import { applicationApi, type Application, type SimpleTransition } from '$lib/server/application-api';
import { confirmationNeeded } from '$lib/server/confirmation';
import { personApi, type Person } from '$lib/server/person-api';
import { registryApi } from '$lib/server/registry-api';
import { apiFailure, textField } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ONLY_PRESCRIBERS_AND_EMPLOYERS = 'Seuls les prescripteurs et les employeurs ont des candidatures.';
const ONLY_EMPLOYERS = "Seul l'employeur destinataire de la candidature peut la traiter.";
const REFUSAL_MESSAGE_MAX = 2000;

/** The forms of the page, named as the ?action= of the confirmation after each one. */
export type DecisionForm = 'traiter' | 'attente' | 'refuser' | 'embaucher' | 'reporter' | 'archiver' | 'annuler';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['PRESCRIBER', 'EMPLOYER_STAFF'], ONLY_PRESCRIBERS_AND_EMPLOYERS);
  let application: Application;
  try {
    application = await applicationApi.application(callerOf(event), event.params.id);
  } catch (err) {
    pageErrorFrom(err, event);
  }
  const today = await todayFrom(event.parent);
  const { role, organization } = user.membership;
  const decides = role === 'EMPLOYER_STAFF' && organization.id === application.employer.id;
  const done = event.url.searchParams.get('action');
  return {
    application,
    // The employer decides seeing the person's eligibility and how to reach her (docs/rules.md §4):
    // the person's own audited read, which the case-access rule lets the employer make.
    person: organization.id === application.employer.id ? await personOfCase(event, application.person.id) : null,
    today,
    latestStart: latestHiringStartDate(today),
    transitions: decides ? employerTransitionsFrom(application.state) : [],
    refusalReasons: USER_REFUSAL_REASONS,
    sent: event.url.searchParams.get('envoi') === 'ok',
    done: isDecisionForm(done) ? done : null,
  };
};

/** The person with her diagnoses and contact details, and her commune's name; null when refused. */
async function personOfCase(event: RequestEvent, personId: string) {
  let person: Person;
  try {
    person = await personApi.person(callerOf(event), personId);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return null;
    throw err;
  }
  let communeName: string | null = null;
  if (person.communeCode) {
    const communes = await registryApi.communes(callerOf(event), person.communeCode).catch(() => []);
    const commune = communes.find((c) => c.code === person.communeCode);
    communeName = commune ? `${commune.name} (${commune.departement})` : null;
  }
  return { ...person, communeName };
}

function isDecisionForm(value: string | null): value is DecisionForm {
  return (
    value !== null && ['traiter', 'attente', 'refuser', 'embaucher', 'reporter', 'archiver', 'annuler'].includes(value)
  );
}

const doneUrl = (event: RequestEvent, form: DecisionForm) =>
  `/candidatures/${encodeURIComponent(event.params.id)}?action=${form}`;

/**
 * The transitions without fields: one button each. An irreversible one (`confirmed`) acts only
 * once confirmed (docs/rules.md §11): before that it answers its confirmation step.
 */
function simpleAction(form: DecisionForm, transition: SimpleTransition, confirmed = false) {
  return async (event: RequestEvent) => {
    requireRole(event, ['EMPLOYER_STAFF'], ONLY_EMPLOYERS);
    if (confirmed) {
      const step = confirmationNeeded(await event.request.formData(), form);
      if (step) return step;
    }
    try {
      await applicationApi.transition(callerOf(event), event.params.id, transition);
    } catch (err) {
      return apiFailure(err, event, { form, values: {} as Values, fieldErrors: {} as FieldErrors });
    }
    redirect(303, doneUrl(event, form));
  };
}

type Values = Record<string, string>;
type FieldErrors = Record<string, string>;

export const actions = {
  traiter: simpleAction('traiter', 'process'),
  attente: simpleAction('attente', 'postpone'),
  archiver: simpleAction('archiver', 'archive', true),
  annuler: simpleAction('annuler', 'cancel', true),

  refuser: async (event) => {
    requireRole(event, ['EMPLOYER_STAFF'], ONLY_EMPLOYERS);
    const data = await event.request.formData();
    const values: Values = { reason: textField(data, 'reason'), message: textField(data, 'message') };
    const fieldErrors: FieldErrors = {};
    if (!isRefusalReason(values.reason!) || values.reason === 'automatic') {
      fieldErrors.reason = 'Choisissez le motif du refus dans la liste.';
    }
    if (values.message!.length > REFUSAL_MESSAGE_MAX) {
      fieldErrors.message = `Le message ne doit pas dépasser ${REFUSAL_MESSAGE_MAX} caractères.`;
    }
    if (Object.keys(fieldErrors).length > 0) {
      return fail(400, {
        form: 'refuser' as DecisionForm,
        values,
        fieldErrors,
        message: 'Le refus contient des erreurs.',
      });
    }
    const refusalStep = confirmationNeeded(data, 'refuser' as DecisionForm);
    if (refusalStep) return refusalStep;
    try {
      await applicationApi.refuse(callerOf(event), event.params.id, {
        reason: values.reason as (typeof USER_REFUSAL_REASONS)[number],
        ...(values.message ? { message: values.message } : {}),
      });
    } catch (err) {
      return apiFailure(err, event, { form: 'refuser' as DecisionForm, values, fieldErrors });
    }
    redirect(303, doneUrl(event, 'refuser'));
  },

  embaucher: async (event) => {
    requireRole(event, ['EMPLOYER_STAFF'], ONLY_EMPLOYERS);
    const data = await event.request.formData();
    const values: Values = {
      hiringStartDate: textField(data, 'hiringStartDate'),
      hiringEndDate: textField(data, 'hiringEndDate'),
    };
    const fieldErrors: FieldErrors = {};
    if (!isIsoDate(values.hiringStartDate!)) {
      fieldErrors.hiringStartDate = 'Saisissez la date de début du contrat (jj/mm/aaaa).';
    }
    if (values.hiringEndDate && !isIsoDate(values.hiringEndDate)) {
      fieldErrors.hiringEndDate = 'Saisissez une date de fin valide (jj/mm/aaaa), ou laissez le champ vide.';
    }
    if (Object.keys(fieldErrors).length > 0) {
      return fail(400, {
        form: 'embaucher' as DecisionForm,
        values,
        fieldErrors,
        message: "L'embauche contient des erreurs.",
      });
    }
    const hireStep = confirmationNeeded(data, 'embaucher' as DecisionForm);
    if (hireStep) return hireStep;
    try {
      await applicationApi.accept(callerOf(event), event.params.id, {
        hiringStartDate: values.hiringStartDate!,
        ...(values.hiringEndDate ? { hiringEndDate: values.hiringEndDate } : {}),
      });
    } catch (err) {
      // The date rules' refusals belong beside their field as well.
      if (err instanceof ApiError && err.status === 422) {
        if (err.code.startsWith('hiring_start')) fieldErrors.hiringStartDate = err.message;
        if (err.code.startsWith('hiring_end')) fieldErrors.hiringEndDate = err.message;
      }
      return apiFailure(err, event, { form: 'embaucher' as DecisionForm, values, fieldErrors });
    }
    redirect(303, doneUrl(event, 'embaucher'));
  },

  reporter: async (event) => {
    requireRole(event, ['EMPLOYER_STAFF'], ONLY_EMPLOYERS);
    const data = await event.request.formData();
    const values: Values = { postponedStartDate: textField(data, 'postponedStartDate') };
    const form = 'reporter' as DecisionForm;
    if (!isIsoDate(values.postponedStartDate!)) {
      const fieldErrors: FieldErrors = { postponedStartDate: 'Saisissez la nouvelle date de début (jj/mm/aaaa).' };
      return fail(400, { form, values, fieldErrors, message: 'Le report contient une erreur.' });
    }
    try {
      await applicationApi.postponeHire(callerOf(event), event.params.id, values.postponedStartDate!);
    } catch (err) {
      const fieldErrors: FieldErrors =
        err instanceof ApiError && err.status === 422 ? { postponedStartDate: err.message } : {};
      return apiFailure(err, event, { form, values, fieldErrors });
    }
    redirect(303, doneUrl(event, 'reporter'));
  },
} satisfies Actions;
