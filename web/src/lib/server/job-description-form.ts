// The job description form of /structure/fiches-de-poste (create and edit): read the fields,
// preview the domain's rules so errors come back in French next to their field, and turn the
// API's refusals into the same shape. The API stays the judge.
import type { RequestEvent } from '@sveltejs/kit';
import { jobDescriptionErrors } from '$domain/job-descriptions.ts';
import { apiFailure, FORM_ERRORS_MESSAGE, textField } from './forms';
import type { JobDescriptionChanges } from './job-description-api';

/** The form's fields, in the order of the page (and of the error summary). */
export const JOB_DESCRIPTION_FORM_FIELDS = [
  'title',
  'romeCode',
  'contractType',
  'openPositions',
  'hoursPerWeek',
  'location',
] as const;
export type JobDescriptionFormField = (typeof JOB_DESCRIPTION_FORM_FIELDS)[number];
export type JobDescriptionFormValues = Record<JobDescriptionFormField, string>;
export type JobDescriptionFormErrors = Partial<Record<JobDescriptionFormField, string>>;
export type JobDescriptionBody = Required<Omit<JobDescriptionChanges, 'recruitmentOpen'>>;

export const EMPLOYERS_ONLY = 'Les fiches de poste sont réservées aux employeurs.';
export const FORM_INVALID = FORM_ERRORS_MESSAGE;

const REQUIRED: Partial<Record<JobDescriptionFormField, string>> = {
  title: 'Saisissez l’intitulé du poste.',
  romeCode: 'Saisissez le code ROME du métier.',
  contractType: 'Choisissez le type de contrat.',
  openPositions: 'Saisissez le nombre de postes ouverts.',
  hoursPerWeek: 'Saisissez la durée hebdomadaire de travail.',
};

/** "la durée …" → "La durée ….": the domain's messages are fragments. */
const sentence = (fragment: string) => {
  const text = fragment.charAt(0).toUpperCase() + fragment.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/** A whole number as typed, NaN otherwise (the domain rule then says what is expected). */
const wholeNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : Number.NaN);

export function readJobDescriptionForm(form: FormData): JobDescriptionFormValues {
  return Object.fromEntries(
    JOB_DESCRIPTION_FORM_FIELDS.map((field) => [field, textField(form, field)]),
  ) as JobDescriptionFormValues;
}

/** The body to send, or the French error of each field that cannot be sent as it is. */
export function checkJobDescriptionForm(
  values: JobDescriptionFormValues,
): { body: JobDescriptionBody } | { fieldErrors: JobDescriptionFormErrors } {
  const body: JobDescriptionBody = {
    title: values.title,
    romeCode: values.romeCode.toUpperCase(),
    contractType: values.contractType,
    openPositions: wholeNumber(values.openPositions),
    hoursPerWeek: wholeNumber(values.hoursPerWeek),
    location: values.location || null,
  };
  const fieldErrors: JobDescriptionFormErrors = {};
  for (const { field, message } of jobDescriptionErrors(body)) fieldErrors[field] = sentence(message);
  for (const [field, message] of Object.entries(REQUIRED)) {
    if (!values[field as JobDescriptionFormField]) fieldErrors[field as JobDescriptionFormField] = message;
  }
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { body };
}

/** The API's refusal of a submitted form: on its fields when the API names them, the French message otherwise. */
export function jobDescriptionFormFailure(
  err: unknown,
  event: Pick<RequestEvent, 'url'>,
  values: JobDescriptionFormValues,
) {
  return apiFailure(err, event, { values, fieldErrors: {} as JobDescriptionFormErrors }, JOB_DESCRIPTION_FORM_FIELDS);
}
