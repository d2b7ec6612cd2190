// A refusal by a business rule (HTTP 422, non-retryable in activities). The message is
// shown to users as is, so it is written in French.
export class BusinessRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BusinessRuleError';
  }
}
