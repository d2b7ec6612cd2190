import { describe, expect, it } from 'vitest';
import { PASS_SEQUENCE_MAX, formatPassNumber, isPassNumber, passNumberSequence } from './number.ts';

describe('formatPassNumber', () => {
  it.each([
    [1, '999990000001'],
    [42, '999990000042'],
    [1_234_567, '999991234567'],
    [PASS_SEQUENCE_MAX, '999999999999'],
  ])('sequence %i gives "99999" then the 7-digit zero-padded sequence: %s', (sequence, expected) => {
    const number = formatPassNumber(sequence);
    expect(number).toBe(expected);
    expect(number).toHaveLength(12);
    expect(number.startsWith('99999')).toBe(true);
  });

  it.each([0, -1, 10_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'a sequence outside 1 … 9 999 999 or not an integer (%s) is refused',
    (sequence) => {
      expect(() => formatPassNumber(sequence)).toThrow(RangeError);
    },
  );

  it('the largest sequence is 9 999 999, the one after it is refused', () => {
    expect(PASS_SEQUENCE_MAX).toBe(9_999_999);
    expect(() => formatPassNumber(9_999_999)).not.toThrow();
    expect(() => formatPassNumber(10_000_000)).toThrow(RangeError);
  });
});

describe('isPassNumber and passNumberSequence', () => {
  it.each(['999990000001', '999991234567', '999999999999'])('%s is a PASS number', (value) => {
    expect(isPassNumber(value)).toBe(true);
  });

  it.each([
    ['999990000000', 'sequence 0 is never issued'],
    ['99999000001', '11 characters'],
    ['9999900000001', '13 characters'],
    ['999980000001', 'wrong prefix'],
    ['99999000000a', 'a letter'],
    [' 999990000001', 'leading space'],
    ['999990000001\n', 'trailing newline'],
    ['', 'empty'],
  ])('%s is not a PASS number (%s)', (value) => {
    expect(isPassNumber(value)).toBe(false);
    expect(passNumberSequence(value)).toBeNull();
  });

  it('reading a formatted number gives its sequence back', () => {
    for (const sequence of [1, 9, 10, 99, 100, 1_000_000, 9_999_999]) {
      expect(passNumberSequence(formatPassNumber(sequence))).toBe(sequence);
    }
  });
});
