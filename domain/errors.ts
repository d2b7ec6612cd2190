// A refusal by a business rule (HTTP 422, non-retryable in activities). The message is
// shown to users as is, so it is written in French.
/**
 * Refusals that say "you may not", not "this breaks a rule": answered 403 like every other
 * permission refusal, not 422 (docs/rules.md §13).
 */
export const PERMISSION_REFUSAL_CODES: ReadonlySet<string> = new Set(['not_holding_employer']);

export class BusinessRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BusinessRuleError';
  }
}
