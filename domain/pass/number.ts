// PASS IAE numbers (docs/rules.md §5): 12 characters, the "99999" prefix then a 7-digit sequence.
// The sequence comes from the database and is never reused, so a number identifies one
// PASS for ever; this module only writes and reads the format.

export const PASS_NUMBER_PREFIX = '99999';
export const PASS_SEQUENCE_DIGITS = 7;
export const PASS_SEQUENCE_MAX = 9_999_999;

const PASS_NUMBER = /^99999(\d{7})$/;

/**
 * The number of the PASS with this sequence value. A sequence outside 1 … 9 999 999 is a
 * programming or capacity fault (not something a user can fix), hence a RangeError.
 */
export function formatPassNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > PASS_SEQUENCE_MAX) {
    throw new RangeError(`PASS IAE sequence out of range (1 … ${PASS_SEQUENCE_MAX}): ${sequence}`);
  }
  return PASS_NUMBER_PREFIX + String(sequence).padStart(PASS_SEQUENCE_DIGITS, '0');
}

/** The sequence value of a PASS number, or null when the text is not one. */
export function passNumberSequence(value: string): number | null {
  const match = PASS_NUMBER.exec(value);
  if (!match) return null;
  const sequence = Number(match[1]);
  // "999990000000" has the right shape but no PASS is ever numbered 0.
  return sequence >= 1 ? sequence : null;
}

export function isPassNumber(value: string): boolean {
  return passNumberSequence(value) !== null;
}
