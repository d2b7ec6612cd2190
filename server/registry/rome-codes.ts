// ROME codes with a job title for the search page's autocomplete (docs/rules.md §3): the shipped
// ROME 4.0 list (data/README.md says where it comes from), searched by code prefix or title words.
import { readFileSync } from 'node:fs';
import { foldedName } from '../territories.ts';

export interface RomeCode {
  code: string;
  label: string;
}

const LINE = /^([A-N]\d{4}),(.+)$/;

let codes: { entry: RomeCode; folded: string }[] | undefined;

function romeCodes() {
  if (!codes) {
    const lines = readFileSync(new URL('./data/rome-codes.csv', import.meta.url), 'utf8').split(/\r?\n/);
    if (lines[0] !== 'code,label') throw new Error('rome-codes.csv: unexpected header');
    codes = lines
      .slice(1)
      .filter((line) => line !== '')
      .map((line, number) => {
        const match = LINE.exec(line);
        if (!match) throw new Error(`rome-codes.csv line ${number + 2}: malformed`);
        const entry = { code: match[1]!, label: match[2]! };
        return { entry, folded: foldedName(entry.label) };
      });
  }
  return codes;
}

/**
 * Codes starting with the text (case aside), or whose title has a word starting with each word
 * of the text (accents and case aside): "agent tri" finds K2304. Titles that begin with the text
 * come first ("manut" → Manutentionnaire before Cariste-manutentionnaire), then code order.
 */
export function searchRomeCodes(text: string, limit = 10): RomeCode[] {
  const query = foldedName(text);
  if (query === '') return [];
  const code = text.trim().toUpperCase();
  const words = query.split(' ');
  return romeCodes()
    .filter(({ entry, folded }) => {
      if (entry.code.startsWith(code)) return true;
      const titleWords = folded.split(' ');
      return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)));
    })
    .map(({ entry, folded }, index) => ({ entry, rank: folded.startsWith(query) ? 0 : 1, index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => entry)
    .slice(0, limit);
}
