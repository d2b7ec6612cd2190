import { describe, expect, it } from 'vitest';
import { isValidSiret, luhnValid } from './siret.ts';

/** Independent Luhn: doubles every second digit from the right. */
function luhnSum(digits: string): number {
  return [...digits]
    .reverse()
    .map(Number)
    .reduce((sum, digit, i) => {
      if (i % 2 === 0) return sum + digit;
      const doubled = digit * 2;
      return sum + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
}

/** Appends the one key digit that makes the 13 given digits Luhn-valid. */
function withLuhnKey(thirteen: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${thirteen}${key}`;
    if (luhnSum(candidate) % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** A 14-digit number with the last digit changed so that the Luhn key is wrong. */
function withWrongKey(siret: string): string {
  const last = Number(siret.at(-1));
  return `${siret.slice(0, 13)}${(last + 1) % 10}`;
}

const digitSum = (value: string) => [...value].reduce((sum, digit) => sum + Number(digit), 0);

/** A La Poste establishment (SIREN 356000000) whose digit sum is a multiple of 5. */
function laPosteEstablishment(nic: string, multipleOf5: boolean): string {
  for (let last = 0; last <= 9; last++) {
    const candidate = `356000000${nic}${last}`;
    if ((digitSum(candidate) % 5 === 0) === multipleOf5) return candidate;
  }
  throw new Error('unreachable');
}

const COMPUTED = [
  '1234567890123',
  '0000000000000',
  '9999999999999',
  '8030000000001',
  '4430618410004',
  '1300252650001',
].map(withLuhnKey);
const KNOWN_VALID = ['73282932000074', '55210055400013', '54205118000066', '44306184100047'];

describe('isValidSiret', () => {
  it.each(COMPUTED)('a 14-digit SIRET whose Luhn key is right is accepted: %s', (siret) => {
    expect(luhnSum(siret) % 10).toBe(0);
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each(KNOWN_VALID)('a real, known-valid SIRET is accepted: %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([...COMPUTED, ...KNOWN_VALID].map(withWrongKey))(
    'a SIRET whose Luhn key is wrong is refused: %s',
    (siret) => {
      expect(isValidSiret(siret)).toBe(false);
    },
  );

  it('every key digit but one is refused for the same 13 first digits', () => {
    const accepted = Array.from({ length: 10 }, (_, key) => `7328293200007${key}`).filter(isValidSiret);
    expect(accepted).toEqual(['73282932000074']);
  });

  it('swapping two adjacent different digits is detected', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('37282932000074')).toBe(false);
  });

  it.each([
    ['13 digits', '7328293200007'],
    ['15 digits', '732829320000740'],
    ['empty', ''],
    ['a SIREN (9 digits)', '732829320'],
    ['spaces between groups', '732 829 320 00074'],
    ['a leading space', ' 73282932000074'],
    ['a trailing space', '73282932000074 '],
    ['a trailing newline', '73282932000074\n'],
    ['a letter', '7328293200007A'],
    ['a dash', '732829320-0074'],
    ['a decimal point', '7328293200007.'],
    ['a sign', '+3282932000074'],
    ['full-width digits', '７３２８２９３２０００７４'],
    ['Arabic-Indic digits', '٧٣٢٨٢٩٣٢٠٠٠٠٧٤'],
  ])('a value that is not exactly 14 ASCII digits is refused (%s)', (_, value) => {
    expect(isValidSiret(value)).toBe(false);
  });

  it('fourteen zeros pass the Luhn check (a degenerate but well-formed number)', () => {
    expect(isValidSiret('00000000000000')).toBe(true);
  });
});

describe('isValidSiret — the La Poste exception (SIREN 356000000)', () => {
  it('35600000049837 is valid: its digits sum to 45, a multiple of 5, though its Luhn key is wrong', () => {
    expect(digitSum('35600000049837')).toBe(45);
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
  });

  it.each(['0001', '0490', '1234', '9876', '5555', '0000'].map((nic) => laPosteEstablishment(nic, true)))(
    'a La Poste establishment whose digit sum is a multiple of 5 is accepted: %s',
    (siret) => {
      expect(digitSum(siret) % 5).toBe(0);
      expect(isValidSiret(siret)).toBe(true);
    },
  );

  it.each(['0001', '0490', '1234', '9876', '5555', '0000'].map((nic) => laPosteEstablishment(nic, false)))(
    'a La Poste establishment whose digit sum is not a multiple of 5 is refused, even if Luhn-valid: %s',
    (siret) => {
      expect(digitSum(siret) % 5).not.toBe(0);
      expect(isValidSiret(siret)).toBe(false);
    },
  );

  it('a Luhn-valid La Poste number whose digit sum is not a multiple of 5 is refused', () => {
    const siret = withLuhnKey('3560000001234');
    expect(luhnValid(siret)).toBe(true);
    expect(digitSum(siret) % 5).not.toBe(0);
    expect(isValidSiret(siret)).toBe(false);
  });

  it("La Poste's head office 35600000000048 is valid by its Luhn key (its digit sum, 26, is not a multiple of 5)", () => {
    expect(digitSum('35600000000048')).toBe(26);
    expect(luhnValid('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it("a number differing from La Poste's head office only by its key is judged by the digit-sum rule", () => {
    expect(isValidSiret('35600000000049')).toBe(false); // sum 27
    expect(isValidSiret('35600000000046')).toBe(false); // sum 24
    expect(isValidSiret('35600000000047')).toBe(true); // sum 25
  });

  it('the exception needs the whole SIREN 356000000: a near-miss prefix follows the Luhn rule', () => {
    const notLaPoste = '35600000149837'; // SIREN 356000001, digit sum 46
    expect(isValidSiret(notLaPoste)).toBe(luhnValid(notLaPoste));
    const sum5 = laPosteEstablishment('0490', true).replace(/^356000000/, '356000010');
    expect(isValidSiret(sum5)).toBe(luhnValid(sum5));
    expect(isValidSiret(withLuhnKey('3560000100490'))).toBe(true);
  });

  it('a La Poste number still has to be 14 digits', () => {
    expect(isValidSiret('3560000004983')).toBe(false);
    expect(isValidSiret('356000000498370')).toBe(false);
    expect(isValidSiret('3560000004983A')).toBe(false);
  });
});

describe('luhnValid', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
    ['18', true],
    ['59', true],
    ['91', true],
    ['10', false],
  ])('%s is Luhn-valid: %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });

  it('agrees with an independent Luhn implementation on many 14-digit numbers', () => {
    for (let n = 0; n < 2000; n++) {
      const digits = String(73282932000000 + n * 7919).padStart(14, '0');
      expect(luhnValid(digits), digits).toBe(luhnSum(digits) % 10 === 0);
    }
  });
});
