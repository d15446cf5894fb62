import { type RawBuilder, sql } from 'kysely';

// PGlite has no ICU and PostgreSQL's C collation lowers ASCII only: letters beyond it are lowered here, so that
// "åsa" finds "Åsa Öberg" on both stores. The query's words are lowered in JavaScript, which knows all of Unicode.
const UPPER = 'ÅÄÖÆØÉÈÊËÜÁÀÓÒÍÑÇĄĆĘŁŃŚŹŻАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const LOWER = 'åäöæøéèêëüáàóòíñçąćęłńśźżабвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** `text` lowered for matching, the same way on PostgreSQL and PGlite. */
export const foldedSql = (text: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`translate(lower(${text}), ${UPPER}, ${LOWER})`;

/** The words of a search, lowered; at most eight, so a pasted paragraph stays a cheap query. */
export const searchWords = (text: string | undefined): string[] =>
  (text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);

/** A LIKE pattern matching `word` anywhere, its own % and _ taken literally. */
export const containing = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;
