// The legacy CRM's ordering and search contract (README.md, "Ordering"). Kontor keeps its own copy of this rule:
// the two systems share no code, only the documented rule, so both order the same names the same way.

/** Letters NFKD leaves whole (they are letters of their own, not a base letter with a mark). */
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ł: 'l', ß: 'ss', đ: 'd' };

/** A name as it is compared, ordered and searched: no marks, lower case, single spaces (`Åsa  Öberg` → `asa oberg`). */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæłßđ]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a search; a record matches when each is a substring of its folded text. */
export const searchWords = (q: string | undefined): string[] => (q ? foldName(q).split(' ').filter(Boolean) : []);
