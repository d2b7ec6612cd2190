// Refusals by business rules (docs/rules.md §13; docs/decisions/012-one-home-per-rule.md). One
// type, three carriers:
// - a check that lists everything wrong with a form returns `Refusal[]` (empty: allowed);
// - a check that decides one thing returns `Checked<T>`: `{ ok: true, ...T }` or the first
//   refusal as `{ ok: false, code, message }` (the shape activities return to workflows, so
//   recorded histories replay unchanged);
// - a transition or a boundary throws `BusinessRuleError`, which carries its Refusal
//   (HTTP 422, or 403 for PERMISSION_REFUSAL_CODES; non-retryable in activities).
// Messages are shown to users as is, so they are written in French.

/** A refusal by one rule: a stable code and the French message shown as is. */
export interface Refusal {
  code: string;
  message: string;
}

/** The outcome of a check that decides one thing: the value it found, or its refusal. */
export type Checked<T extends object = Record<never, never>> = ({ ok: true } & T) | ({ ok: false } & Refusal);

/** A Checked's refusal (a copy with `ok: false`, so a Refusal can be returned as is). */
export const refused = (refusal: Refusal): { ok: false } & Refusal => ({
  ok: false,
  code: refusal.code,
  message: refusal.message,
});

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

  static of(refusal: Refusal): BusinessRuleError {
    return new BusinessRuleError(refusal.code, refusal.message);
  }

  get refusal(): Refusal {
    return { code: this.code, message: this.message };
  }
}

/** For callers that act rather than show a form: the first refusal is thrown as a BusinessRuleError. */
export function throwIfRefused(check: readonly Refusal[] | Checked<object>): void {
  const first = 'ok' in check ? (check.ok ? undefined : check) : check[0];
  if (first) throw BusinessRuleError.of(first);
}

/** A transition's refusal as a value (for an activity to return); anything else is rethrown. */
export function refusalOf(error: unknown): { ok: false } & Refusal {
  if (error instanceof BusinessRuleError) return refused(error);
  throw error;
}
