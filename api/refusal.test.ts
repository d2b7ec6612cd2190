// A permission refusal is 403 wherever it is raised; a broken business rule is 422 (docs/rules.md §13).
import { describe, expect, it } from 'vitest';
import { PARCOURS_REFUSALS } from '../domain/pass/parcours.ts';
import { refusal } from './errors.ts';

describe('domain refusals as HTTP statuses', () => {
  it('not_holding_employer is a permission refusal: 403, like an employer with no hire', () => {
    const error = PARCOURS_REFUSALS.notHoldingEmployer();
    expect(refusal(error.code, error.message).status).toBe(403);
  });

  it('any other refusal is a broken business rule: 422', () => {
    const error = PARCOURS_REFUSALS.cancelled();
    expect(refusal(error.code, error.message).status).toBe(422);
  });
});
