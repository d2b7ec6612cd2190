// The server's half of the confirmation before an irreversible action ($lib/confirmation.ts): an
// action that is not yet confirmed answers the confirmation step instead of calling the API.
import { CONFIRMATION_FIELD, CONFIRMED, formValues } from '$lib/confirmation';

export interface ConfirmationStep<Form extends string = string> {
  confirm: { form: Form; values: Record<string, string> };
}

/**
 * Null when the submission carries the confirmation; otherwise the step that asks for it, with
 * the submitted values to send again (the page shows it in place of its forms).
 */
export function confirmationNeeded<Form extends string>(data: FormData, form: Form): ConfirmationStep<Form> | null {
  if (data.get(CONFIRMATION_FIELD) === CONFIRMED) return null;
  return { confirm: { form, values: formValues(data) } };
}
