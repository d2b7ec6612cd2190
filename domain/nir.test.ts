import { describe, expect, it } from 'vitest';
import {
  NIR_BIRTH_MESSAGES,
  NIR_MESSAGES,
  isValidNir,
  nirBirthProblem,
  nirKey,
  nirProblem,
  normalizeNir,
} from './nir.ts';

/** Independent key: BigInt arithmetic on the whole number, Corsica as 20 minus 1 (2A) or 2 (2B) million. */
function keyOf(number: string): string {
  const department = number.slice(5, 7);
  const asTwenty = BigInt(
    number.slice(0, 5) + (department === '2A' || department === '2B' ? '20' : department) + number.slice(7),
  );
  const value = department === '2A' ? asTwenty - 1_000_000n : department === '2B' ? asTwenty - 2_000_000n : asTwenty;
  return String(97n - (value % 97n)).padStart(2, '0');
}

const withKey = (number: string) => `${number}${keyOf(number)}`;

/** Same number, any other key: the next one modulo 100. */
function withWrongKey(nir: string): string {
  return `${nir.slice(0, 13)}${String((Number(nir.slice(13)) + 1) % 100).padStart(2, '0')}`;
}

// A man born in December 1984 in Seine-Maritime, a woman born in March 1955 in Paris, a
// person born abroad (99), one born overseas (97), temporary numbers (7, 8), unknown months.
const COMPUTED = [
  '1841276451089',
  '2550375112003',
  '1900199352001',
  '2781197411123',
  '7990199123456',
  '8050599999001',
  '1012020123456',
  '2663533001002',
  '1704244456789',
  '2885013055123',
  '1709906088999',
  '1000101001001',
].map(withKey);

const CORSICA_2A = ['185022A004123', '292072A247001', '160012A120099'].map(withKey);
const CORSICA_2B = ['275012B033002', '198112B096015', '245062B055010'].map(withKey);

describe('isValidNir', () => {
  it('the commonly published example 2 55 08 14 168 025 38, is accepted', () => {
    expect(isValidNir('255081416802538')).toBe(true);
    expect(isValidNir('2 55 08 14 168 025 38')).toBe(true);
  });

  it.each(COMPUTED)('a NIR whose key is 97 − (number mod 97) is accepted: %s', (nir) => {
    expect(nir).toHaveLength(15);
    expect(isValidNir(nir)).toBe(true);
  });

  it.each(CORSICA_2A)('a Corsica 2A NIR is accepted with its key computed as if 2A were 19: %s', (nir) => {
    expect(nir.slice(5, 7)).toBe('2A');
    expect(isValidNir(nir)).toBe(true);
  });

  it.each(CORSICA_2B)('a Corsica 2B NIR is accepted with its key computed as if 2B were 18: %s', (nir) => {
    expect(nir.slice(5, 7)).toBe('2B');
    expect(isValidNir(nir)).toBe(true);
  });

  it('the same Corsica number with 2A and with 2B has different keys, each accepted only with its own', () => {
    const as2A = withKey('185022A004123');
    const as2B = withKey('185022B004123');
    expect(as2A.slice(13)).not.toBe(as2B.slice(13));
    expect(isValidNir(`185022A004123${as2B.slice(13)}`)).toBe(false);
    expect(isValidNir(`185022B004123${as2A.slice(13)}`)).toBe(false);
  });

  it('a Corsica NIR whose key was computed with 2A read as 20 is refused', () => {
    const naiveKey = String(97n - (1850220004123n % 97n)).padStart(2, '0');
    expect(isValidNir(`185022A004123${naiveKey}`)).toBe(false);
  });

  it.each([...COMPUTED, ...CORSICA_2A, ...CORSICA_2B, '255081416802538'].map(withWrongKey))(
    'a NIR whose key is wrong is refused: %s',
    (nir) => {
      expect(isValidNir(nir)).toBe(false);
    },
  );

  it('exactly one key among 00–99 is accepted for a given number', () => {
    const keys = Array.from({ length: 100 }, (_, key) => String(key).padStart(2, '0'));
    expect(keys.filter((key) => isValidNir(`2550814168025${key}`))).toEqual(['38']);
    expect(keys.filter((key) => isValidNir(`185022A004123${key}`))).toEqual([keyOf('185022A004123')]);
  });

  it('any single mistyped digit is caught', () => {
    const nir = '255081416802538';
    for (let position = 0; position < nir.length; position++) {
      for (const digit of '0123456789') {
        if (digit === nir[position]) continue;
        const typo = `${nir.slice(0, position)}${digit}${nir.slice(position + 1)}`;
        expect(isValidNir(typo), typo).toBe(false);
      }
    }
  });

  it('two swapped adjacent digits are caught', () => {
    expect(isValidNir('255081416802538')).toBe(true);
    expect(isValidNir('255081461802538')).toBe(false);
    expect(isValidNir('255018416802538')).toBe(false);
  });

  it('a key below 10 is written with its leading zero', () => {
    const number = Array.from({ length: 2000 }, (_, i) => `18412764${String(i).padStart(5, '0')}`).find(
      (candidate) => Number(keyOf(candidate)) < 10,
    );
    expect(number).toBeDefined();
    const key = keyOf(number!);
    expect(key).toMatch(/^0\d$/);
    expect(isValidNir(`${number}${key}`)).toBe(true);
    expect(isValidNir(`${number}${Number(key)}`)).toBe(false);
  });

  it.each(['1', '2', '7', '8'])('a NIR starting with %s (1, 2; 7, 8 for temporary numbers) is accepted', (sex) => {
    expect(isValidNir(withKey(`${sex}841276451089`))).toBe(true);
  });

  it.each(['0', '3', '4', '5', '6', '9'])('a NIR starting with %s is refused even with the right key', (sex) => {
    expect(isValidNir(withKey(`${sex}841276451089`))).toBe(false);
  });

  it.each(['01', '06', '12', '20', '21', '30', '35', '42', '50', '75', '99'])(
    'birth month %s (01–12, or INSEE pseudo-months 20–42 and 50–99) is accepted',
    (month) => {
      expect(isValidNir(withKey(`184${month}76451089`))).toBe(true);
    },
  );

  it.each(['00', '13', '15', '19', '43', '45', '49'])('birth month %s is refused even with the right key', (month) => {
    expect(isValidNir(withKey(`184${month}76451089`))).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['13 characters (no key)', '2550814168025'],
    ['14 characters', '25508141680253'],
    ['16 characters', '2550814168025380'],
    ['a SIRET', '73282932000074'],
    ['only spaces', '               '],
  ])('a value that is not 15 characters once spaces are removed is refused (%s)', (_, value) => {
    expect(isValidNir(value)).toBe(false);
  });

  it.each([
    ['2C for a département', '185022C00412300'],
    ['A2 for a département', '18502A200412300'],
    ['2A outside the département', '2A5081416802538'],
    ['a letter in the key', '25508141680253A'],
    ['a letter in the commune', '2550814I6802538'],
    ['dashes', '2-55-08-14-1680'],
    ['dots', '2.55.08.14.1680'],
    ['a sign', '+55081416802538'],
    ['full-width digits', '２５５０８１４１６８０２５３８'],
  ])('a value with characters other than digits (and 2A/2B) is refused (%s)', (_, value) => {
    expect(isValidNir(value)).toBe(false);
  });
});

describe('normalizeNir', () => {
  it('a valid NIR is returned as 15 characters without spaces', () => {
    expect(normalizeNir('2 55 08 14 168 025 38')).toBe('255081416802538');
    expect(normalizeNir('255081416802538')).toBe('255081416802538');
  });

  it('tabs, non-breaking spaces, and leading or trailing spaces are removed', () => {
    expect(normalizeNir(' 2\t55 08\u00a014\u202f168 025 38\n')).toBe('255081416802538');
  });

  it('Corsica typed in lower case comes back as 2A / 2B', () => {
    const nir2A = withKey('185022A004123');
    const nir2B = withKey('275012B033002');
    expect(normalizeNir(nir2A.toLowerCase())).toBe(nir2A);
    expect(normalizeNir(nir2B.replace('2B', '2b'))).toBe(nir2B);
  });

  it('an invalid NIR gives null, so that it is never stored nor matched as a duplicate', () => {
    expect(normalizeNir('255081416802539')).toBeNull();
    expect(normalizeNir('2550814168025')).toBeNull();
    expect(normalizeNir('')).toBeNull();
  });

  it('two spellings of the same NIR normalize to the same value', () => {
    expect(normalizeNir('2 55 08 14 168 025 38')).toBe(normalizeNir('2550814 16802538'));
  });
});

describe('nirProblem', () => {
  it('a valid NIR has no problem', () => {
    expect(nirProblem('2 55 08 14 168 025 38')).toBeNull();
  });

  it.each([
    ['nir_length', '2550814168025'],
    ['nir_characters', '2550814I6802538'],
    ['nir_sex', withKey('3841276451089')],
    ['nir_month', withKey('1841376451089')],
    ['nir_key', '255081416802539'],
  ] as const)('the problem %s is reported with its French message', (code, value) => {
    expect(nirProblem(value)).toEqual({ code, message: NIR_MESSAGES[code] });
  });

  it('the length is reported before anything else', () => {
    expect(nirProblem('9X')?.code).toBe('nir_length');
  });

  it('no message repeats the NIR typed (personal data stays out of messages and logs)', () => {
    for (const message of Object.values(NIR_MESSAGES)) {
      expect(message).not.toMatch(/\d{5}/);
      expect(message).toMatch(/numéro de sécurité sociale/);
    }
  });
});

describe('nirKey', () => {
  it('gives the 2-digit key of the 13-character number', () => {
    expect(nirKey('2550814168025')).toBe('38');
  });

  it.each([...COMPUTED, ...CORSICA_2A, ...CORSICA_2B])('agrees with an independent BigInt computation: %s', (nir) => {
    expect(nirKey(nir.slice(0, 13))).toBe(keyOf(nir.slice(0, 13)));
  });

  it('the largest 13-digit number keeps an exact key', () => {
    expect(nirKey('9999999999999')).toBe(keyOf('9999999999999'));
  });
});

describe('nirBirthProblem (docs/rules.md §4)', () => {
  // A man born in December 1984, a woman born in March 1955, a temporary number of May 2005.
  const MAN_1984_12 = withKey('1841276451089');
  const WOMAN_1955_03 = withKey('2550375112003');
  const TEMPORARY_2005_05 = withKey('8050599999001');

  it('a NIR whose year and month are those of the birth date agrees with it', () => {
    expect(nirBirthProblem(MAN_1984_12, '1984-12-03')).toBeNull();
    expect(nirBirthProblem(WOMAN_1955_03, '1955-03-31')).toBeNull();
    expect(nirBirthProblem(TEMPORARY_2005_05, '2005-05-20')).toBeNull();
  });

  it('the year compares on its last two digits: 1905 and 2005 both read 05', () => {
    expect(nirBirthProblem(TEMPORARY_2005_05, '1905-05-01')).toBeNull();
    expect(nirBirthProblem(WOMAN_1955_03, '2055-03-01')).toBeNull();
  });

  it('another birth year is refused with the year message', () => {
    expect(nirBirthProblem(MAN_1984_12, '1985-12-03')).toEqual({
      code: 'nir_birth_year',
      message: NIR_BIRTH_MESSAGES.nir_birth_year,
    });
    expect(nirBirthProblem(MAN_1984_12, '1948-12-03')?.code).toBe('nir_birth_year');
  });

  it('another birth month is refused with the month message', () => {
    expect(nirBirthProblem(MAN_1984_12, '1984-11-03')).toEqual({
      code: 'nir_birth_month',
      message: NIR_BIRTH_MESSAGES.nir_birth_month,
    });
    expect(nirBirthProblem(WOMAN_1955_03, '1955-01-03')?.code).toBe('nir_birth_month');
  });

  it("INSEE's pseudo-months (20, 30–42, 50–99) say nothing about the month: any month agrees", () => {
    for (const month of ['20', '30', '42', '50', '99']) {
      const nir = withKey(`1${'84'}${month}75112003`);
      expect(nirBirthProblem(nir, '1984-07-14'), month).toBeNull();
      expect(nirBirthProblem(nir, '1983-07-14')?.code, month).toBe('nir_birth_year');
    }
  });

  it('Corsica, spaces and lower case are read as by nirProblem', () => {
    expect(nirBirthProblem(CORSICA_2A[0]!, '1985-02-10')).toBeNull();
    expect(nirBirthProblem(CORSICA_2A[0]!.toLowerCase().replace(/(.{3})/g, '$1 '), '1985-02-10')).toBeNull();
    expect(nirBirthProblem(CORSICA_2A[0]!, '1985-03-10')?.code).toBe('nir_birth_month');
  });

  it('a malformed NIR or date is left to their own checks', () => {
    expect(nirBirthProblem(withWrongKey(MAN_1984_12), '1990-01-01')).toBeNull();
    expect(nirBirthProblem('123', '1990-01-01')).toBeNull();
    expect(nirBirthProblem(MAN_1984_12, '03/12/1990')).toBeNull();
  });

  it('no message repeats the NIR or the date', () => {
    for (const message of Object.values(NIR_BIRTH_MESSAGES)) expect(message).not.toMatch(/\d{2}/);
  });
});
