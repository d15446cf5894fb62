/**
 * Letters NFKD leaves whole: they are letters of their own, not a base letter with a mark, yet a Swede typing "o"
 * means ø as well. The legacy stand-in folds with the same rule (its documented ordering contract).
 */
const UNDECOMPOSED: Record<string, string> = { ø: 'o', æ: 'ae', ł: 'l', ß: 'ss', đ: 'd' };

/**
 * A name as it is compared, sorted and searched: without diacritics, lower case, single spaces. Both sources order
 * clients by it in byte order, so it must fold the same everywhere.
 */
export const foldName = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæłßđ]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();

/** JavaScript's string order, which is byte order for folded text: how both sources sort, and the facade merges. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The folded words of a search; none for an empty one. */
export const searchWords = (query: string | undefined): string[] =>
  foldName(query ?? '')
    .split(' ')
    .filter((word) => word.length > 0);

/** A LIKE pattern matching `word` anywhere, its own % and _ taken literally. */
export const containing = (word: string): string => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Whether a trigram index can find `word`'s matches: it needs a trigram of the word itself, three letters. */
export const narrowsByTrigrams = (word: string): boolean => word.length >= 3;
