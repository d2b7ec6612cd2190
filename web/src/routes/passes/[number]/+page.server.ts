import { error, fail } from '@sveltejs/kit';
import { PARCOURS_REFUSALS } from '$domain/pass/parcours.ts';
import { checkProlongationOpen } from '$domain/pass/prolongations.ts';
import { checkSuspensionOpen, earliestSuspensionStart } from '$domain/pass/suspensions.ts';
import { addDays, isIsoDate, laterOf, shortDate } from '$lib/pass-dates';
import {
  PASS_NUMBER,
  PROLONGATION_RULES,
  SUSPENSION_REASONS,
  isProlongationReason,
  prolongationReasonsFor,
  prolongationWindow,
  suspensionReasonsFor,
} from '$lib/pass-labels';
import { pageErrorFrom, requireRole } from '$lib/server/access';
import { callerOf } from '$lib/server/api';
import { confirmationNeeded } from '$lib/server/confirmation';
import { apiFailure, textField } from '$lib/server/forms';
import { passApi, type PassDetail, type PassView } from '$lib/server/pass-api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const VIEWERS_ONLY =
  'Le PASS IAE ne peut être consulté que par ses employeurs et les prescripteurs qui suivent la personne.';
const HOLDER_ONLY = PARCOURS_REFUSALS.notHoldingEmployer().message;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['EMPLOYER_STAFF', 'PRESCRIBER', 'ADMIN'], VIEWERS_ONLY);
  if (!PASS_NUMBER.test(event.params.number)) error(404, 'Page non trouvée');
  let pass: PassDetail;
  try {
    pass = await passApi.pass(callerOf(event), event.params.number);
  } catch (err) {
    pageErrorFrom(err, event);
  }

  const today = pass.today;
  const organizationId = user.membership.organization.id;
  const lastHire = pass.hires.at(-1) ?? null;
  const employerKind = lastHire?.employerKind ?? '';
  // Only the employer of the last accepted hire acts on the PASS; everyone else reads it.
  const isHolder = user.membership.role === 'EMPLOYER_STAFF' && organizationId === pass.holdingEmployerId;
  const earliestStart = [earliestSuspensionStart(today), pass.start, lastHire?.start ?? '']
    .filter(Boolean)
    .reduce(laterOf);
  const runningSuspensions = pass.suspensions.filter((s) => s.start <= today && today <= s.end);

  const window = prolongationWindow(pass.end);
  // What keeps the forms closed is the domain's own refusals, in its words (docs/rules.md §5).
  const cancelled = pass.status === 'cancelled' ? [PARCOURS_REFUSALS.cancelled().refusal] : [];
  const prolongationBlocked =
    [
      ...cancelled,
      ...checkProlongationOpen({ currentEnd: pass.end, today, pendingRequest: Boolean(pass.pendingRequest) }),
    ][0]?.message ?? null;
  // A running suspension is lifted (form below), not followed by another one.
  const suspensionBlocked =
    [...cancelled, ...checkSuspensionOpen({ today, passStart: pass.start, passEnd: pass.end })][0]?.message ??
    (pass.status === 'suspended' ? 'Le PASS IAE est déjà suspendu.' : null);

  return {
    pass,
    isHolder,
    organizationId,
    employerKind,
    suspension: {
      allowed: isHolder && pass.status === 'valid',
      blocked: suspensionBlocked,
      reasons: suspensionReasonsFor(employerKind),
      earliestStart,
    },
    runningSuspensions: isHolder ? runningSuspensions : [],
    prolongation: {
      allowed: isHolder && prolongationBlocked === null,
      blocked: prolongationBlocked,
      reasons: prolongationReasonsFor(employerKind),
      start: addDays(pass.end, 1),
      window,
    },
  };
};

export type PassFormName = 'suspendre' | 'lever' | 'prolonger';

type Values = Record<string, string>;
type Errors = Record<string, string>;

const invalid = (form: PassFormName, values: Values, errors: Errors) =>
  fail(400, { form, values, errors, message: 'Le formulaire contient des erreurs.', success: null });

const done = (form: PassFormName, success: string) => ({
  form,
  values: {} as Values,
  errors: {} as Errors,
  message: null,
  success,
});

/** The fields of an action form, once the caller is known to be an employer. */
async function formOf(event: RequestEvent): Promise<FormData> {
  requireRole(event, ['EMPLOYER_STAFF'], HOLDER_ONLY);
  return event.request.formData();
}

function dateError(value: string, missing: string): string | null {
  if (!value) return missing;
  if (!isIsoDate(value)) return 'Saisissez une date valide, au format JJ/MM/AAAA.';
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The authorized prescriber a prolongation is asked of (docs/rules.md §5), among those of the
 * employer's département: the one chosen in the suggestions (its id, checked against the name
 * still in the field), else the one whose name matches what was typed — the way without JavaScript.
 */
async function prescriberOf(
  event: RequestEvent,
  name: string,
  id: string,
): Promise<{ id: string; name: string } | { error: string }> {
  if (!name)
    return { error: 'Ce motif doit être validé par un prescripteur habilité : indiquez le nom de son organisation.' };
  const matches = await passApi.prescribers(callerOf(event), name, 6);
  const chosen = UUID.test(id) ? matches.find((m) => m.id === id.toLowerCase()) : undefined;
  const exact = matches.filter((m) => m.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr'));
  const found = chosen ?? (exact.length === 1 ? exact[0] : matches.length === 1 ? matches[0] : undefined);
  if (found) return { id: found.id, name: found.name };
  if (matches.length === 0)
    return { error: `Aucun prescripteur habilité de votre département ne correspond à « ${name} ».` };
  const names = matches.slice(0, 5).map((m) => `« ${m.name} »`);
  return {
    error: `Plusieurs prescripteurs habilités correspondent à « ${name} » : précisez le nom (${names.join(', ')}${matches.length > 5 ? '…' : ''}).`,
  };
}

export const actions = {
  suspendre: async (event) => {
    const form = await formOf(event);
    const values = {
      startDate: textField(form, 'startDate'),
      endDate: textField(form, 'endDate'),
      reason: textField(form, 'reason'),
    };
    const errors: Errors = {};
    const start = dateError(values.startDate, 'Saisissez la date de début de la suspension.');
    if (start) errors.startDate = start;
    const end = dateError(values.endDate, 'Saisissez la date de fin de la suspension.');
    if (end) errors.endDate = end;
    if (!(SUSPENSION_REASONS as readonly string[]).includes(values.reason))
      errors.reason = 'Choisissez le motif de la suspension.';
    if (Object.keys(errors).length > 0) return invalid('suspendre', values, errors);
    const step = confirmationNeeded(form, 'suspendre' as PassFormName);
    if (step) return step;

    let view: PassView;
    try {
      view = await passApi.suspend(callerOf(event), event.params.number, values);
    } catch (err) {
      return apiFailure(err, event, {
        form: 'suspendre' as PassFormName,
        values: values as Values,
        errors,
        success: null,
      });
    }
    return done(
      'suspendre',
      `Le PASS IAE est suspendu du ${shortDate(values.startDate)} au ${shortDate(values.endDate)}. Sa date de fin est reportée au ${shortDate(view.end)}.`,
    );
  },

  lever: async (event) => {
    const form = await formOf(event);
    const suspensionId = textField(form, 'suspensionId');
    const values = { suspensionId, endDate: textField(form, 'endDate') };
    const errors: Errors = {};
    if (!UUID.test(suspensionId)) errors.suspensionId = PARCOURS_REFUSALS.suspensionUnknown().message;
    const end = dateError(values.endDate, 'Saisissez le dernier jour de la suspension.');
    if (end) errors.endDate = end;
    if (Object.keys(errors).length > 0) return invalid('lever', values, errors);
    const step = confirmationNeeded(form, 'lever' as PassFormName);
    if (step) return step;

    let view: PassView;
    try {
      view = await passApi.endSuspension(callerOf(event), event.params.number, suspensionId, values.endDate);
    } catch (err) {
      return apiFailure(err, event, { form: 'lever' as PassFormName, values: values as Values, errors, success: null });
    }
    return done(
      'lever',
      `La suspension est levée : son dernier jour est le ${shortDate(values.endDate)}. La date de fin du PASS IAE est désormais le ${shortDate(view.end)}.`,
    );
  },

  prolonger: async (event) => {
    const form = await formOf(event);
    const values = {
      reason: textField(form, 'reason'),
      endDate: textField(form, 'endDate'),
      prescriberName: textField(form, 'prescriberName'),
      prescriberOrganizationId: textField(form, 'prescriberOrganizationId'),
    };
    const errors: Errors = {};
    const reason = isProlongationReason(values.reason) ? values.reason : null;
    if (!reason) errors.reason = 'Choisissez le motif de la prolongation.';
    const end = dateError(values.endDate, 'Saisissez la date de fin de la prolongation.');
    if (end) errors.endDate = end;
    const needsPrescriber = reason !== null && PROLONGATION_RULES[reason].validatedBy === 'AUTHORIZED_PRESCRIBER';
    if (needsPrescriber) {
      // Chosen in the list (its id in the hidden field), or typed: then found by its name.
      const chosen = await prescriberOf(event, values.prescriberName, values.prescriberOrganizationId);
      if ('error' in chosen) errors.prescriberName = chosen.error;
      else Object.assign(values, { prescriberName: chosen.name, prescriberOrganizationId: chosen.id });
    }
    if (Object.keys(errors).length > 0 || !reason) return invalid('prolonger', values, errors);
    const step = confirmationNeeded(form, 'prolonger' as PassFormName);
    if (step) return { confirm: { ...step.confirm, values: { ...step.confirm.values, ...values } } };

    let view: PassView;
    try {
      view = await passApi.prolong(callerOf(event), event.params.number, {
        reason,
        endDate: values.endDate,
        // A declared reason involves no prescriber: the field is ignored then.
        ...(needsPrescriber ? { prescriberOrganizationId: values.prescriberOrganizationId } : {}),
      });
    } catch (err) {
      return apiFailure(err, event, {
        form: 'prolonger' as PassFormName,
        values: values as Values,
        errors,
        success: null,
      });
    }
    return done(
      'prolonger',
      view.pendingRequest
        ? `Votre demande de prolongation jusqu'au ${shortDate(values.endDate)} a été envoyée au prescripteur habilité. Vous serez informé de sa décision par une notification.`
        : `Le PASS IAE est prolongé jusqu'au ${shortDate(view.end)}.`,
    );
  },
} satisfies Actions;
