import { describe, expect, it } from 'vitest';
import { BusinessRuleError, refusalOf, refused, throwIfRefused, type Checked } from './errors.ts';

describe('refusals (docs/rules.md §13)', () => {
  const refusal = { code: 'some_rule', message: 'Une règle refuse.' };

  it('throwIfRefused throws the first of a list, or a Checked refusal, as a BusinessRuleError carrying it', () => {
    expect(() => throwIfRefused([])).not.toThrow();
    expect(() => throwIfRefused({ ok: true })).not.toThrow();
    for (const check of [[refusal, { code: 'other', message: 'Autre.' }], refused(refusal)] as const) {
      try {
        throwIfRefused(check);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(BusinessRuleError);
        expect((error as BusinessRuleError).refusal).toEqual(refusal);
      }
    }
  });

  it('refusalOf turns a BusinessRuleError into the value an activity returns, and rethrows anything else', () => {
    const checked: Checked = refusalOf(BusinessRuleError.of(refusal));
    expect(checked).toEqual({ ok: false, ...refusal });
    const other = new Error('boom');
    expect(() => refusalOf(other)).toThrow(other);
  });
});
