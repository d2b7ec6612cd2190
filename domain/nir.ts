// NIR, the French social security number (docs/rules.md §4): a 13-character number then a 2-digit
// key, key = 97 − (number mod 97). Layout of the number: sex (1), year of birth (2),
// month of birth (2), département (2, "2A"/"2B" for Corsica), commune (3), order (3).
//
// What is checked, and why no more:
// - sex digit 1 or 2 (registered persons) or 7 or 8 (temporary numbers, NIA, given to
//   people born abroad while INSEE registers them — many candidates start with one).
//   3 and 4 are refused: no longer issued, and a typo there is likelier than a real one.
// - month 01–12, or the pseudo-months INSEE writes when the month is unknown or the
//   civil status incomplete (20, 30–42, 50–99). We accept the whole 20–42 range rather
//   than only 20 and 30–42: leniency costs nothing here, the key still catches typos.
// - the key, which catches any single wrong digit and most swaps.
// Year, département, commune and order are not checked against INSEE tables: a person's
// NIR is given by INSEE and the platform has no authority to second-guess it.
//
// The NIR is personal data (docs/rules.md §11): nothing here logs it or puts it in a message.

export const NIR_LENGTH = 15;

/** The 13-character number then the 2-digit key; Corsica's département written 2A or 2B. */
const NIR_SHAPE = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;

const SEX_DIGITS: readonly string[] = ['1', '2', '7', '8'];

/** For the key only, Corsica's letters stand for the numbers of the former département 20. */
const CORSICA_SUBSTITUTES: Readonly<Record<string, string>> = { '2A': '19', '2B': '18' };

export type NirProblemCode = 'nir_length' | 'nir_characters' | 'nir_sex' | 'nir_month' | 'nir_key';

export const NIR_MESSAGES: Record<NirProblemCode, string> = {
  nir_length: 'Le numéro de sécurité sociale doit comporter 15 caractères : 13 pour le numéro et 2 pour la clé.',
  nir_characters:
    'Le numéro de sécurité sociale ne contient que des chiffres, sauf 2A ou 2B pour un département de Corse.',
  nir_sex: 'Le numéro de sécurité sociale commence par 1 ou 2 (ou 7 ou 8 pour un numéro provisoire).',
  nir_month: "Le mois de naissance du numéro de sécurité sociale (4e et 5e chiffres) n'est pas valable.",
  nir_key: 'La clé du numéro de sécurité sociale ne correspond pas au numéro : vérifiez la saisie.',
};

export interface NirProblem {
  code: NirProblemCode | NirBirthProblemCode;
  message: string;
}

/** People write the NIR in groups ("1 84 12 76 451 089 46") and Corsica in either case. */
function compact(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function isValidMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

/**
 * The key of a 13-character number, as 2 digits. Horner's rule keeps every intermediate
 * value below 970, so the result is exact whatever the number's size.
 */
export function nirKey(number: string): string {
  const department = number.slice(5, 7);
  const digits = number.slice(0, 5) + (CORSICA_SUBSTITUTES[department] ?? department) + number.slice(7);
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(97 - remainder).padStart(2, '0');
}

/** Why the NIR is not acceptable, in French for the form, or null when it is. */
export function nirProblem(input: string): NirProblem | null {
  const nir = compact(input);
  const problem = (code: NirProblemCode): NirProblem => ({ code, message: NIR_MESSAGES[code] });
  if (nir.length !== NIR_LENGTH) return problem('nir_length');
  if (!NIR_SHAPE.test(nir)) return problem('nir_characters');
  if (!SEX_DIGITS.includes(nir.slice(0, 1))) return problem('nir_sex');
  if (!isValidMonth(Number(nir.slice(3, 5)))) return problem('nir_month');
  if (nirKey(nir.slice(0, 13)) !== nir.slice(13)) return problem('nir_key');
  return null;
}

export function isValidNir(input: string): boolean {
  return nirProblem(input) === null;
}

export type NirBirthProblemCode = 'nir_birth_year' | 'nir_birth_month';

export const NIR_BIRTH_MESSAGES: Record<NirBirthProblemCode, string> = {
  nir_birth_year:
    "Le numéro de sécurité sociale ne correspond pas à la date de naissance : ses 2e et 3e chiffres sont les deux derniers chiffres de l'année de naissance.",
  nir_birth_month:
    'Le numéro de sécurité sociale ne correspond pas à la date de naissance : ses 4e et 5e chiffres sont le mois de naissance.',
};

/**
 * Whether a well-formed NIR contradicts the birth date (docs/rules.md §4): digits 2–3 are the
 * last two digits of the birth year, digits 4–5 its month — unless they hold one of INSEE's
 * pseudo-months (20 and above: month unknown or civil status incomplete), which say nothing
 * about the month. Temporary numbers (7, 8) are laid out the same way. The sex digit is not
 * compared: the platform records no sex (docs/rules.md §11, as little data as possible).
 * A NIR that is not well formed, or a date that is not AAAA-MM-JJ, is left to their own checks.
 */
export function nirBirthProblem(input: string, birthDate: string): NirProblem | null {
  if (nirProblem(input) !== null) return null;
  const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(birthDate);
  if (!date) return null;
  const nir = compact(input);
  const problem = (code: NirBirthProblemCode): NirProblem => ({ code, message: NIR_BIRTH_MESSAGES[code] });
  if (nir.slice(1, 3) !== date[1]!.slice(2)) return problem('nir_birth_year');
  const month = Number(nir.slice(3, 5));
  if (month <= 12 && month !== Number(date[2])) return problem('nir_birth_month');
  return null;
}

/**
 * The NIR as stored and compared for duplicates: 15 characters, uppercase, no spaces.
 * Null when it is not a valid NIR, so that an invalid one is never stored nor matched.
 */
export function normalizeNir(input: string): string | null {
  return isValidNir(input) ? compact(input) : null;
}
