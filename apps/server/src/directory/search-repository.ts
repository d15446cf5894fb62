import type { DirectoryEntryKind } from '@kontor/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { DirectoryDb } from './tables.js';

export interface SearchHit {
  kind: DirectoryEntryKind;
  id: string;
}

export type Trx = Parameters<Parameters<ReturnType<DirectoryDb['transaction']>['execute']>[0]>[0];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const atStartOf = (word: string) => `${escapeLike(word)}%`;
const atWordStartOf = (word: string) => `% ${escapeLike(word)}%`;
const inside = (word: string) => `%${escapeLike(word)}%`;

/**
 * How similar a known word must be to count as what a misspelt word meant (pg_trgm's word similarity; its
 * default, 0.6, misses a one-letter change in the middle of a name, "lindkvist" for "lindqvist").
 */
const TYPO_THRESHOLD = 0.5;
/** Shorter words have too few trigrams to tell a typo from a different word. */
const FUZZY_MIN_LENGTH = 3;
/** At most this many known words stand in for one misspelt word, the most similar first. */
const SIMILAR_WORDS = 8;

type Branch = 'unit' | 'person' | 'function';
const BRANCHES: Branch[] = ['unit', 'person', 'function'];
/**
 * Where a word occurs, as `directory.search_words.kinds` records it (migration 0003): 1 unit names, 2 people,
 * 4 function names. A function's text is its name and its unit's, so unit words can find functions too.
 */
const KINDS_SEEN_BY: Record<Branch, number> = { unit: 1, person: 2, function: 4 | 1 };
/** The same, for words that start an entry's text (a function's own name starts its text). */
const FIRST_SEEN_BY: Record<Branch, number> = { unit: 1 << 3, person: 2 << 3, function: 4 << 3 };
/** A word that is some person's second, their family name: people sort by it. */
const FAMILY_NAME = 2 << 6;

/** Each kind's table; a function's unit (`tu`) is part of its text. */
const FROM: Record<Branch, RawBuilder<unknown>> = {
  unit: sql`directory.units t`,
  person: sql`directory.people t`,
  function: sql`directory.functions t join directory.units tu on tu.id = t.unit_id`,
};
/** The unit each entry belongs to, whose name breaks ties in the order (Akutmottagningen of which hospital). */
const UNIT_OF: Record<Branch, RawBuilder<string>> = {
  unit: sql`t.parent_id`,
  person: sql`t.unit_id`,
  function: sql`t.unit_id`,
};

/**
 * The entry's text matches one of the LIKE patterns. A function is also found by its unit's name, which follows
 * its own ("jourhavande läkare akutmottagningen"); `ownOnly` asks for the function's own name (its text's start).
 * The unit side is a hashed sub-select, so each side keeps to its own column's indexes.
 */
function textLike(branch: Branch, patterns: string[], ownOnly = false): RawBuilder<boolean> {
  const any = (column: RawBuilder<string>) =>
    sql.join(
      patterns.map((pattern) => sql`${column} like ${pattern}`),
      sql` or `,
    );
  const own = any(sql`t.search_text`);
  if (branch !== 'function' || ownOnly) return sql<boolean>`(${own})`;
  return sql<boolean>`(${own} or t.unit_id in (select su.id from directory.units su where ${any(sql`su.search_text`)}))`;
}

const all = (parts: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(parts, sql` and `)})`;
const some = (parts: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(parts, sql` or `)})`;

/** What the directory's words say about one query word: where a known word starts with it or holds it further in. */
interface WordFacts {
  word: string;
  /** Kinds (bit mask) in whose texts some word starts with this word. */
  starts: number;
  /** Kinds in whose texts some word holds this word after its first letter. */
  within: number;
}

/** Known words like a misspelt query word, with their similarity (0.5–1) and where they occur. */
type Similar = Map<string, Array<{ word: string; similarity: number; kinds: number }>>;

/**
 * One step of the search: which entries it finds, in which kinds of entry it can find any, and, when its entries
 * are not all equally good, a score to rank them. The steps run best first and the search stops as soon as the
 * page is full, so a query that matches thousands (one letter, a common name) reads only the first page of one
 * step, in Swedish order along the sort-key indexes.
 */
interface Step {
  branches: Branch[];
  /** What the step finds in one kind of entry, as one or more parts each read in sort-key order. */
  parts(branch: Branch): Part[];
}

/**
 * A part: its condition and its score. A constant score (or none: 0) keeps the part in the order of the sort-key
 * index, so it stops after the page; a score computed per row ranks every row the part finds.
 */
interface Part {
  where: RawBuilder<boolean>;
  score?: { value: RawBuilder<number>; constant: boolean };
  /**
   * Its entries lie together in Swedish order: people found by a family name ("lind": every Lind… sorts under L).
   * Reading the sort-key index would pass half the table before the first of them, so the part reads them through
   * the trigram index and sorts them instead.
   */
  clustered?: boolean;
}

/** Whether people found by these words (of three letters or more) lie together in the people's Swedish order. */
const clusteredIn = (branch: Branch, words: Array<{ word: string; kinds: number }>) =>
  branch === 'person' && words.some(({ word, kinds }) => word.length >= 3 && (kinds & FAMILY_NAME) !== 0);

const seenBy = (kinds: number, branch: Branch) => (kinds & KINDS_SEEN_BY[branch]) !== 0;
const firstIn = (kinds: number, branch: Branch) => (kinds & FIRST_SEEN_BY[branch]) !== 0;

/** Every word starts a word, or is inside the text, as written. */
function exactSteps(facts: WordFacts[]): Step[] {
  const words = facts.map((fact) => fact.word);
  const atWordStart = (branch: Branch) => all(words.map((w) => textLike(branch, [atStartOf(w), atWordStartOf(w)])));
  const atStart = (branch: Branch) => some(words.map((w) => textLike(branch, [atStartOf(w)], true)));
  const within = (branch: Branch) => all(words.map((w) => textLike(branch, [inside(w)])));
  const startBranches = BRANCHES.filter((b) => facts.every((fact) => seenBy(fact.starts, b)));
  const firstBranches = startBranches.filter((b) => facts.some((fact) => firstIn(fact.starts, b)));
  const withinBranches = BRANCHES.filter(
    (b) => facts.every((fact) => seenBy(fact.starts | fact.within, b)) && facts.some((fact) => seenBy(fact.within, b)),
  );
  // Implied by starting a word, but this form lets the trigram index intersect the words' trigrams at once
  // ("goran ake": 18 rows instead of the 1,800 with a word starting "ake"). Words under three letters have none.
  const indexed = (branch: Branch) =>
    branch === 'function'
      ? sql`true`
      : all(words.map((w) => (w.length >= 3 ? textLike(branch, [inside(w)]) : sql`true`)));
  const clustered = (b: Branch) =>
    clusteredIn(
      b,
      facts.map((fact) => ({ word: fact.word, kinds: fact.starts | fact.within })),
    );
  const only = (where: (b: Branch) => RawBuilder<unknown>) => (b: Branch) => [
    { where: sql<boolean>`${where(b)}`, clustered: clustered(b) },
  ];
  return [
    // Every word starts a word, one starts the text: "anna" finds Anna Berg before Per Annasson.
    { branches: firstBranches, parts: only((b) => sql`${indexed(b)} and ${atWordStart(b)} and ${atStart(b)}`) },
    { branches: startBranches, parts: only((b) => sql`${indexed(b)} and ${atWordStart(b)} and not ${atStart(b)}`) },
    // Every word somewhere inside the text: "skoterska" finds every Sjuksköterska.
    { branches: withinBranches, parts: only((b) => sql`${within(b)} and not ${atWordStart(b)}`) },
  ];
}

/** Typos: a word may stand for a similar word that the directory holds ("lindkvist" for Lindqvist). */
function typoStep(facts: WordFacts[], similar: Similar): Step | null {
  if (similar.size === 0) return null;
  const words = facts.map((fact) => fact.word);
  const present = (fact: WordFacts) => fact.starts | fact.within;
  const forms = (fact: WordFacts, branch: Branch) => [
    ...(seenBy(present(fact), branch) ? [fact.word] : []),
    ...(similar.get(fact.word) ?? []).filter((near) => seenBy(near.kinds, branch)).map((near) => near.word),
  ];
  const allPresent = facts.every((fact) => present(fact) !== 0);
  const within = (branch: Branch) => all(words.map((w) => textLike(branch, [inside(w)])));
  const notWithin = (branch: Branch) => (allPresent ? sql`not ${within(branch)}` : sql`true`);
  // A branch where some word has neither itself nor a similar word cannot match.
  const branches = BRANCHES.filter((b) => facts.every((fact) => forms(fact, b).length > 0));
  const [single] = facts;
  if (facts.length === 1 && single) {
    // One word: each similar word is a part of its own with its score, the most similar first, each in Swedish
    // order, so "lindk" (every Lind…) reads a page per similar word, not the thousands they match.
    return {
      branches,
      parts: (b) =>
        (similar.get(single.word) ?? [])
          .filter((near) => seenBy(near.kinds, b))
          .map((near) => ({
            where: sql<boolean>`${textLike(b, [inside(near.word)])} and ${notWithin(b)}`,
            score: { value: sql<number>`${near.similarity * 0.8}::float8`, constant: true },
            clustered: clusteredIn(b, [near]),
          })),
    };
  }
  return {
    branches,
    parts: (b) => [
      {
        where: sql<boolean>`${all(facts.map((fact) => textLike(b, forms(fact, b).map(inside))))} and ${notWithin(b)}`,
        score: { value: meanQuality(b, words, similar), constant: false },
      },
    ],
  };
}

/**
 * How well the words match a typo-step entry, 0–1: a word starting the text 1, starting a word 0.9, inside a word
 * 0.6, a similar word 0.8 × its similarity; the mean over the words.
 */
function meanQuality(branch: Branch, words: string[], similar: Similar): RawBuilder<number> {
  const text =
    branch === 'function' ? sql<string>`(t.search_text || ' ' || tu.search_text)` : sql<string>`t.search_text`;
  const quality = (word: string) => {
    const near = (similar.get(word) ?? []).map(
      (candidate) =>
        sql`case when ${text} like ${inside(candidate.word)} then ${candidate.similarity * 0.8}::float8 else 0 end`,
    );
    const fuzzy = near.length > 0 ? sql`greatest(${sql.join(near)})` : sql`0`;
    return sql`case when ${text} like ${atStartOf(word)} then 1.0 when ${text} like ${atWordStartOf(word)} then 0.9
      when ${text} like ${inside(word)} then greatest(0.6, ${fuzzy}) else ${fuzzy} end`;
  };
  return sql<number>`((${sql.join(words.map(quality), sql` + `)}) / ${words.length}::float8)`;
}

/**
 * One step's best `limit` entries: units, then people, then functions, each in Swedish order (or by score), and
 * among equal names by their unit's (Jourhavande läkare of Akutmottagningen before that of Akutmottagningen
 * Karlskoga). Each kind's candidates are taken in the order of its sort-key index, so that a name shared by
 * thousands (Ansvarig sjuksköterska) costs no more than the page: which of those equals make the page is fixed by
 * their ids, the same on every node.
 */
function stepQuery(step: Step, limit: number) {
  const selects = step.branches.flatMap((kind) =>
    step.parts(kind).map(({ where, score, clustered }) => {
      const order = score && !score.constant ? sql`${score.value} desc, ` : sql``;
      // An expression the sort-key index does not answer, so the planner reads through the trigram index.
      const sortKey = clustered ? sql`(t.sort_key || '')` : sql`t.sort_key`;
      return sql`(select ${BRANCHES.indexOf(kind)}::int as rank, ${kind}::text as kind, t.id,
          ${score?.value ?? sql`0::float8`} as score, t.sort_key, ${UNIT_OF[kind]} as unit_id
        from ${FROM[kind]} where ${where}
        order by ${order}${sortKey} collate "C", t.id limit ${limit})`;
    }),
  );
  if (selects.length === 0) return null;
  // An entry found by several parts comes once per part; the search keeps its first, best, appearance.
  // The unit's sort key is looked up for the few entries found only, not joined with every unit.
  return sql<SearchHit>`select hits.kind, hits.id from (${sql.join(selects, sql` union all `)}) hits
    order by hits.score desc, hits.rank, hits.sort_key collate "C",
      (select hu.sort_key from directory.units hu where hu.id = hits.unit_id) collate "C", hits.id
    limit ${limit * selects.length}`;
}

/** Numbers by their digits: those that start with the query's digits first, in numeric order, then those holding them. */
function numberQuery(digits: string, starting: boolean, limit: number) {
  const where = starting
    ? sql`c.digits collate "C" like ${atStartOf(digits)}`
    : sql`c.digits like ${inside(digits)} and c.digits collate "C" not like ${atStartOf(digits)}`;
  return sql<SearchHit>`select
      case when c.unit_id is not null then 'unit' when c.person_id is not null then 'person' else 'function' end as kind,
      coalesce(c.unit_id, c.person_id, c.function_id) as id
    from directory.contact_points c where ${where} order by c.digits collate "C", c.id limit ${limit}`;
}

/**
 * Where each query word occurs in the directory's words, in one statement. The patterns are parameters of their
 * own, so the planner sees each (a prefix reads the word index as a range).
 */
async function factsOf(trx: Trx, words: string[]): Promise<WordFacts[]> {
  const selects = words.map(
    (word) => sql`select ${word}::text as word,
      coalesce((select bit_or(s.kinds) from directory.search_words s where s.word like ${atStartOf(word)}), 0)::int
        as starts,
      coalesce((select bit_or(s.kinds) from directory.search_words s
        where s.word like ${inside(word)} and s.word not like ${atStartOf(word)}), 0)::int as within`,
  );
  return (await sql<WordFacts>`${sql.join(selects, sql` union all `)}`.execute(trx)).rows;
}

/**
 * Known words similar to each query word of three letters or more that are not simply inside them. A similar word
 * that holds another similar word adds nothing to find ("lind" covers "lindberg"), so it is left out.
 */
async function similarWords(trx: Trx, words: string[]): Promise<Similar> {
  const similar: Similar = new Map();
  for (const word of new Set(words.filter((w) => w.length >= FUZZY_MIN_LENGTH))) {
    const result = await sql<{ word: string; similarity: number; kinds: number }>`
      select word, word_similarity(${word}, word)::float8 as similarity, kinds::int as kinds
      from directory.search_words where ${word} <% word and word not like ${inside(word)}
      order by similarity desc, word limit ${SIMILAR_WORDS}`.execute(trx);
    const kept = result.rows.filter(
      (candidate) => !result.rows.some((other) => other !== candidate && candidate.word.includes(other.word)),
    );
    if (kept.length > 0) similar.set(word, kept);
  }
  return similar;
}

/** Runs one statement of a search; the benchmark's EXPLAIN tool (bench/directory-explain.ts) passes its own. */
export type StatementRunner = (query: RawBuilder<SearchHit>, trx: Trx) => Promise<{ rows: SearchHit[] }>;

/** Settings local to the search's transaction (pooled connections keep no session state). */
export function searchSettings() {
  // `<%` reads the threshold. JIT compilation costs more than these queries themselves.
  return sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_THRESHOLD)}, true),
    set_config('jit', 'off', true)`;
}

export const searchRepository = {
  /**
   * People, units and functions matching every word of the folded query, best first; numbers by their digits
   * before anything else. A function is found by its own name and its unit's ("jour ortoped").
   */
  async search(
    db: DirectoryDb,
    words: string[],
    digits: string | null,
    limit: number,
    run: StatementRunner = (query, trx) => query.execute(trx),
    kinds: readonly DirectoryEntryKind[] = BRANCHES,
  ): Promise<SearchHit[]> {
    return db.transaction().execute(async (trx) => {
      await searchSettings().execute(trx);
      const found = new Map<string, SearchHit>();
      const take = (hits: SearchHit[]) => {
        for (const hit of hits) if (found.size < limit && !found.has(hit.id)) found.set(hit.id, hit);
      };
      // A step may find again what a number found; asking for that many more still fills the page.
      const wanted = () => limit + found.size;
      if (digits) {
        // An owner may have several numbers that match.
        for (const starting of [true, false]) {
          if (found.size < limit) take((await run(numberQuery(digits, starting, 3 * wanted()), trx)).rows);
        }
      }
      if (words.length === 0 || found.size >= limit) return [...found.values()];
      const facts = await factsOf(trx, words);
      const steps: Array<() => Promise<Step | null>> = [
        ...exactSteps(facts).map((step) => async () => step),
        async () => typoStep(facts, await similarWords(trx, words)),
      ];
      for (const next of steps) {
        if (found.size >= limit) break;
        const candidate = await next();
        // Only the kinds asked for (another module's person picker asks for people alone).
        const step = candidate && {
          ...candidate,
          branches: candidate.branches.filter((branch) => kinds.includes(branch)),
        };
        const query = step ? stepQuery(step, wanted()) : null;
        if (query) take((await run(query, trx)).rows);
      }
      return [...found.values()];
    });
  },
};
