// Finding a person by name in a list (docs/rules.md §4): every word typed must begin one of the
// words of their last or first name, accents and case aside — « jean dup » finds Jean Dupont-Martin.
// The names are read from the person's identity key (normalized "last|first|birth date"), so the
// search uses the same normalization as duplicate detection, and never the NIR.
import { normalizeName } from '../../domain/persons.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/** At most this many words of a search are used. */
const MAX_WORDS = 4;

/** The normalized words of a search (letters only: nothing in them is a LIKE wildcard). */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return normalizeName(q).split(' ').filter(Boolean).slice(0, MAX_WORDS);
}

/** True when the person (alias `p`) matches every word; `TRUE` without words. */
export function personNameCondition(words: readonly string[], person: Prisma.Sql = Prisma.sql`p`): Prisma.Sql {
  if (words.length === 0) return Prisma.sql`TRUE`;
  // ' dupont martin jean ' LIKE '% mar%': a word of the last or first name begins with "mar".
  const names = Prisma.sql`(' ' || split_part(${person}."identityKey", '|', 1) || ' ' || split_part(${person}."identityKey", '|', 2))`;
  return Prisma.join(
    words.map((word) => Prisma.sql`${names} LIKE ${`% ${word}%`}`),
    ' AND ',
  );
}
