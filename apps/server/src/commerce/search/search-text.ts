/**
 * Text rules the search documents and the queries share. PGlite has neither ICU nor `unaccent`, so folding is done
 * with `translate()` tables defined here and handed to SQL as parameters: the document builder (SQL) and the query
 * side (this file) fold with the very same table, on PostgreSQL and PGlite alike.
 */

/** Accented Latin letters, each followed by the letter it folds to (one for one, as `translate()` needs). */
const PAIRS =
  'àa áa âa ãa äa åa āa ăa ąa çc ćc ĉc čc ďd đd èe ée êe ëe ēe ĕe ėe ęe ěe ĝg ğg ġg ģg ĥh ìi íi îi ïi ĩi īi ĭi įi ıi ' +
  'ĵj ķk ĺl ļl ľl łl ñn ńn ņn ňn òo óo ôo õo öo øo ōo ŏo őo ŕr ŗr řr śs ŝs şs šs ţt ťt ùu úu ûu üu ũu ūu ŭu ůu űu ' +
  'ųu ŵw ýy ÿy ŷy źz żz žz';
const ACCENTED = PAIRS.split(' ')
  .map((pair) => pair[0])
  .join('');
const PLAIN = PAIRS.split(' ')
  .map((pair) => pair[1])
  .join('');
/** Letters that fold to two. */
const DOUBLE: Array<[string, string]> = [
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
  ['þ', 'th'],
];

/** The `translate()` table of `foldText`, for SQL (`translate(lower(x), from, to)` then the doubles). */
export const FOLD_FROM = ACCENTED;
export const FOLD_TO = PLAIN;

/** Lower case, without diacritics, words of [a-z0-9] separated by single spaces: "Båtmotor F9.9" → "batmotor f9 9". */
export function foldText(text: string): string {
  let folded = '';
  for (const character of text.toLowerCase()) {
    const index = ACCENTED.indexOf(character);
    folded += index >= 0 ? PLAIN[index] : character;
  }
  for (const [from, to] of DOUBLE) folded = folded.replaceAll(from, to);
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A folded text as a URL value: "Yamaha F9.9" → "yamaha-f9-9". Fitment models are named by it. */
export const slugOf = (text: string) => foldText(text).replaceAll(' ', '-');

/**
 * The `translate()` table of a locale's name sort keys, compared byte by byte (COLLATE "C"). Swedish sorts å, ä, ö
 * after z (as `{`, `|`, `}`, which follow z in ASCII), with æ as ä, ø as ö and ü as y; other languages fold them.
 */
export function sortTable(locale: string): { from: string; to: string } {
  const swedish: Record<string, string> = { å: '{', ä: '|', ö: '}', æ: '|', ø: '}', ü: 'y' };
  const own = locale === 'sv' ? swedish : { æ: 'a', œ: 'o', ß: 's', þ: 't' };
  let from = '';
  let to = '';
  for (const [letter, key] of Object.entries(own)) {
    from += letter;
    to += key;
  }
  for (let i = 0; i < ACCENTED.length; i++) {
    const letter = ACCENTED[i] as string;
    if (from.includes(letter)) continue;
    from += letter;
    to += PLAIN[i];
  }
  return { from, to };
}

/** The snowball configurations PostgreSQL and PGlite ship, by language; other languages use `simple`. */
const TEXT_CONFIGS: Record<string, string> = {
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ru: 'russian',
  sv: 'swedish',
};
export const textConfigOf = (locale: string) => TEXT_CONFIGS[locale] ?? 'simple';

/** The words of a query as a text search configuration reads them: letters and digits, lower case, at most 8. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * The `to_tsquery` input of a query: every word must occur, the last one as a prefix (the customer may still be
 * typing). Words hold only letters and digits, so nothing in them is tsquery syntax. Null when there are none.
 */
export function tsqueryText(q: string): string | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  return words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ');
}

/** As `tsqueryText`, but every word matches only the product's name (weight A): what autocomplete offers. */
export function namePrefixText(q: string): string | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  return words.map((word, i) => (i === words.length - 1 ? `${word}:*A` : `${word}:A`)).join(' & ');
}

const EMAIL = /[^\s@]+@[^\s@]+/g;
/** Swedish personal and coordination numbers: (YY)YYMMDD, an optional - or +, four digits. */
const PERSONAL_NUMBER = /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}\b/g;
/** Phone numbers: international (+46…, 0046…) or Swedish with a trunk 0 and at least seven more digits. */
const PHONE = /(?:\+|\b00)\d[\d\s-]{6,}\d|\b0\d{1,3}[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2,3}\b/g;

/**
 * A query as the zero-result log keeps it: folded, at most 100 characters, with what could name a person blanked
 * out. EANs (8, 12, 13 or 14 digits without separators that are not a personal number) stay: admins want to know
 * which article numbers customers look for. Null when nothing worth keeping is left.
 */
export function loggableQuery(q: string): string | null {
  const scrubbed = q.replace(EMAIL, ' ').replace(PERSONAL_NUMBER, ' ').replace(PHONE, ' ');
  const folded = foldText(scrubbed).slice(0, 100).trim();
  return folded.length >= 2 ? folded : null;
}
