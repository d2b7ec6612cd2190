// Which action settles which side's notifications about a case (docs/rules.md §9): whoever had
// to act has acted, so the unread notices their organization received about it become read.
// The projections apply these tables with `markHandled` (docs/decisions/019-email-outbox.md §12).
import type { AccreditationEvent } from './accreditation.ts';

/**
 * An accreditation request's events that handle notices, and whose: the prefecture's when it
 * decides or asks for information, the organization's when it answers.
 */
export const ACCREDITATION_HANDLED_BY: Readonly<
  Partial<Record<AccreditationEvent['action'], 'prefecture' | 'organization'>>
> = {
  approve: 'prefecture',
  reject: 'prefecture',
  requestInformation: 'prefecture',
  withdraw: 'prefecture',
  respond: 'organization',
};

/**
 * A control's actions (by their audit name) that handle notices, and whose: the SIAE's when it
 * submits its proofs, the DDETS's when it reviews or decides.
 */
export const CONTROL_HANDLED_BY: Readonly<Partial<Record<string, 'siae' | 'ddets'>>> = {
  'siaeControl.submit': 'siae',
  'siaeControl.accept': 'ddets',
  'siaeControl.refuse': 'ddets',
  'siaeControl.adversarial': 'ddets',
  'siaeControl.decide': 'ddets',
};
