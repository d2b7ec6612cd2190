// Confirmation before an irreversible action (docs/rules.md §11): the form's own submit asks
// first, and only a second submission carrying `confirmer=oui` acts. With JavaScript the question
// is a DSFR modal (ConfirmAction.svelte); without it, the action answers the confirmation step
// (ConfirmationStep.svelte) instead of acting, and its « Confirmer » posts the same values again.

/** The field that marks a confirmed submission, and its value. */
export const CONFIRMATION_FIELD = 'confirmer';
export const CONFIRMED = 'oui';

/** What a page says before an irreversible action: the same words in the modal and the step. */
export interface Confirmation {
  /** The question, e.g. « Embaucher Awa Diallo ? ». */
  title: string;
  /** The consequences, one sentence a paragraph, from the values about to be sent. */
  consequences: (values: Record<string, string>) => string[];
  /** The confirming button, e.g. « Confirmer l'embauche ». */
  confirmLabel: string;
}

/** The text fields of a form, as the confirmation's values (files and the marker left out). */
export function formValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of data) {
    if (typeof value === 'string' && name !== CONFIRMATION_FIELD) values[name] = value;
  }
  return values;
}
