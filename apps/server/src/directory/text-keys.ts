/**
 * Text keys computed in JavaScript and stored with each row, because the stores disagree: PGlite has no ICU
 * and no `unaccent`, and PostgreSQL's collation depends on how the database was created. Both compare the
 * stored keys byte by byte (`COLLATE "C"`), so every node sorts and searches alike.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', œ: 'oe', þ: 'th' };

/** Lower case without diacritics: "Jörgen Åkesson" → "jorgen akesson". Queries and rows are folded alike. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøßłđœþ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}@.+-]+/gu, ' ')
    .trim();
}

/** The digits of a phone-like value, with Sweden's +46 written as the trunk 0 callers dial. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return /^\s*(\+|00)46/.test(value) ? `0${digits.replace(/^(00)?46/, '')}` : digits;
}

/**
 * Swedish alphabetical order (Intl.Collator('sv') at base strength) as a string that sorts correctly byte by
 * byte: punctuation in ICU's order, then digits, then a–z with v ≠ w, then å, ä, ö. Accented letters sort with
 * their base letter, ü with y, æ with ä and ø with ö, as in Swedish dictionaries.
 */
const ALPHABET = [...' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$', ...'0123456789', ...'abcdefghijklmnopqrstuvwxyzåäö'];
const SWEDISH_LETTERS: Record<string, string> = { ü: 'y', æ: 'ä', ø: 'ö', ß: 'ss', ł: 'l', đ: 'd', œ: 'oe' };
/** Symbols start after the separator below; the highest marks a character outside the alphabet. */
const FIRST_SYMBOL = 0x22;
const OUTSIDE = String.fromCharCode(FIRST_SYMBOL + ALPHABET.length);
const SYMBOLS = new Map(ALPHABET.map((character, index) => [character, String.fromCharCode(FIRST_SYMBOL + index)]));
/** Lower than every symbol, so "Berg" + separator sorts before "Berg-Holm" and "Bergström". */
export const SORT_KEY_SEPARATOR = '!';

function baseLetters(character: string): string {
  if (SYMBOLS.has(character)) return character;
  const swedish = SWEDISH_LETTERS[character];
  if (swedish) return swedish;
  // å, ä and ö are letters of their own in Swedish; other accents (é, à, ç) fall back to the base letter.
  const stripped = character.normalize('NFD').replace(/\p{M}/gu, '');
  return stripped || character;
}

function primaryKey(text: string): string {
  let key = '';
  for (const character of text.toLocaleLowerCase('sv')) {
    for (const letter of baseLetters(character).normalize('NFC')) {
      key += SYMBOLS.get(letter) ?? `${OUTSIDE}${letter}`;
    }
  }
  return key;
}

/** The sort key of one or more fields compared in turn (family name, then given name). */
export function swedishSortKey(...fields: string[]): string {
  return fields.map(primaryKey).join(SORT_KEY_SEPARATOR);
}
