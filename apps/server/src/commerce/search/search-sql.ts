import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/platform.js';
import type { PriceRange, ProductSort } from './product-search-engine.js';
import { foldSql } from './search-build-sql.js';

/**
 * The read side of the search documents (migration 0002): the SQL of a search, its facet counts and suggestions.
 * Every filter is a condition on one document row; facet filters go through the GIN index on `terms`.
 */

/** How the text of a search matches: by the text search index, or as a list of products found fuzzily. */
export type TextCondition =
  | { kind: 'none' }
  | { kind: 'full_text'; config: string; tsquery: string }
  | { kind: 'ids'; ids: string[] };

/** A facet's filter: the search_terms ids of its selected values (any of them). */
export interface TermFilter {
  /** brand, category, fitment, or attr:<key>. */
  facet: string;
  ids: number[];
}

export interface SearchPlan {
  locale: string;
  defaultLocale: string;
  currency: string;
  text: TextCondition;
  terms: TermFilter[];
  prices: PriceRange[];
  inStock: boolean;
  onSale: boolean;
}

type Condition = RawBuilder<boolean>;
const and = (parts: Condition[]) => sql<boolean>`(${sql.join(parts, sql` and `)})`;
const or = (parts: Condition[]) => sql<boolean>`(${sql.join(parts, sql` or `)})`;
/**
 * A document's price in a currency. The code is written into the statement (it is one the shop sells in, validated
 * as three capitals) so that an expression index on one currency's price (migration 0002: SEK) serves ranges and sorts.
 */
const priceOf = (currency: string) => {
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`not a currency code: ${currency}`);
  return sql<number>`(d.prices ->> ${sql.lit(currency)})::bigint`;
};

function priceCondition(currency: string, range: PriceRange): Condition {
  const price = priceOf(currency);
  if (range.min !== null && range.max !== null) return sql`${price} between ${range.min} and ${range.max}`;
  if (range.min !== null) return sql`${price} >= ${range.min}`;
  return sql`${price} <= ${range.max}`;
}

export const textQuery = (text: { config: string; tsquery: string }) =>
  sql`to_tsquery(${text.config}::regconfig, ${text.tsquery})`;

/**
 * The conditions of a search on a document `d`, leaving out one facet's filter (`except`): what that facet's counts
 * are taken over. `joinedText` says the page query joined the locale's text as `t`, so full text is tested on it.
 */
export function conditions(plan: SearchPlan, except?: string, joinedText = false): Condition {
  const parts: Condition[] = [sql`d.prices ? ${plan.currency}`];
  if (plan.inStock) parts.push(sql`d.in_stock`);
  if (plan.onSale) parts.push(sql`d.regular_prices ? ${plan.currency}`);
  if (plan.text.kind === 'full_text') {
    parts.push(
      joinedText
        ? sql`t.document @@ ${textQuery(plan.text)}`
        : sql`d.product_id in (select t.product_id from commerce.search_texts t
            where t.locale = ${plan.locale} and t.document @@ ${textQuery(plan.text)})`,
    );
  }
  if (plan.text.kind === 'ids') parts.push(sql`d.product_id = any(${plan.text.ids}::uuid[])`);
  for (const filter of plan.terms) {
    if (filter.facet !== except) parts.push(sql`d.terms && ${filter.ids}::int[]`);
  }
  if (plan.prices.length > 0 && except !== 'price')
    parts.push(or(plan.prices.map((range) => priceCondition(plan.currency, range))));
  return and(parts);
}

export interface HitRow {
  id: string;
  slug: string;
  name: string;
  brand_slug: string | null;
  brand_name: string | null;
  price: number;
  regular: number | null;
  lowest: number | null;
  image_id: string | null;
  in_stock: boolean;
}

function order(plan: SearchPlan, sort: ProductSort): RawBuilder<unknown> {
  const price = priceOf(plan.currency);
  switch (sort) {
    case 'price_asc':
      return sql`${price} asc, d.product_id`;
    case 'price_desc':
      return sql`${price} desc, d.product_id`;
    case 'newest':
      return sql`d.published_at desc nulls last, d.product_id`;
    case 'name':
      return sql`(d.sort_keys ->> ${plan.locale}) collate "C", d.product_id`;
    default:
      if (plan.text.kind === 'full_text')
        return sql`ts_rank_cd(t.document, ${textQuery(plan.text)}) desc, d.in_stock desc, d.product_id`;
      if (plan.text.kind === 'ids') return sql`array_position(${plan.text.ids}::uuid[], d.product_id), d.product_id`;
      return sql`d.in_stock desc, d.published_at desc nulls last, d.product_id`;
  }
}

/** One page of hits in the plan's order. */
export async function pageOf(db: Db, plan: SearchPlan, sort: ProductSort, limit: number, offset: number) {
  const joined = plan.text.kind === 'full_text';
  const join = joined
    ? sql`join commerce.search_texts t on t.product_id = d.product_id and t.locale = ${plan.locale}`
    : sql``;
  const result = await sql<HitRow>`
    select d.product_id as id, d.slug,
      coalesce(d.names ->> ${plan.locale}, d.names ->> ${plan.defaultLocale}, d.slug) as name,
      d.brand_slug, d.brand_name, ${priceOf(plan.currency)} as price,
      (d.regular_prices ->> ${plan.currency})::bigint as regular,
      (d.lowest_prices_30d ->> ${plan.currency})::bigint as lowest,
      d.image_id, d.in_stock
    from commerce.search_docs d ${join}
    where ${conditions(plan, undefined, joined)}
    order by ${order(plan, sort)}
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export async function totalOf(db: Db, plan: SearchPlan): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from commerce.search_docs d where ${conditions(plan)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export interface BucketRow {
  bucket: number;
  n: number;
  low: number;
  high: number;
}

/** Matching products per price bucket (thresholds ascending, from 0), the price filter left out. */
export async function priceBuckets(db: Db, plan: SearchPlan, thresholds: number[]): Promise<BucketRow[]> {
  const price = priceOf(plan.currency);
  const result = await sql<BucketRow>`
    select width_bucket(${price}, ${thresholds}::bigint[]) as bucket, count(*)::int as n,
      min(${price}) as low, max(${price}) as high
    from commerce.search_docs d where ${conditions(plan, 'price')}
    group by 1 order by 1`.execute(db);
  return result.rows;
}

export interface TermRow {
  id: number;
  facet: string;
  value: string;
  label: Record<string, string>;
  parent: string | null;
  position: number;
}

/** A facet value and how many matching products have it. */
export interface CountRow extends TermRow {
  n: number;
}

/** Which document columns hold a facet's values. */
const COLUMNS: Record<string, RawBuilder<number[]>> = {
  brand: sql`array[d.brand]`,
  category: sql`d.categories`,
  fitment: sql`d.models`,
  attributes: sql`d.attrs`,
};

/**
 * The documents meeting `where`, found before their arrays are unnested. The fence (offset 0) keeps the planner from
 * unnesting every document of a broad facet value first and testing the text once per value: on 100k products that
 * plan took 224 ms where this one takes 28.
 */
const matching = (where: Condition) =>
  sql`(select d.brand, d.categories, d.models, d.attrs, d.terms from commerce.search_docs d where ${where} offset 0) d`;

/** Counts (`id`, `n`) with their terms, in one round trip. */
async function withTerms(db: Db, counting: RawBuilder<unknown>): Promise<CountRow[]> {
  const result = await sql<CountRow>`
    select t.id, t.facet, t.value, t.label, t.parent, t.position, c.n
    from (${counting}) c join commerce.search_terms t on t.id = c.id`.execute(db);
  return result.rows;
}

/** Counts of the values of the facets named (brand, category, fitment, attributes) over all the plan's conditions. */
export async function countsOver(db: Db, plan: SearchPlan, facets: string[]): Promise<CountRow[]> {
  const columns = facets.map((facet) => COLUMNS[facet]).filter((column) => column !== undefined);
  if (columns.length === 0) return [];
  return withTerms(
    db,
    sql`select x.id, count(*)::int as n
      from ${matching(conditions(plan))} cross join lateral unnest(${sql.join(columns, sql` || `)}) x(id)
      where x.id is not null
      group by x.id`,
  );
}

/** Counts of one filtered facet's values over the plan's conditions without that facet's own filter. */
export async function countsWithout(db: Db, plan: SearchPlan, facet: string): Promise<CountRow[]> {
  const where = conditions(plan, facet);
  if (facet === 'brand') {
    return withTerms(
      db,
      sql`select d.brand as id, count(*)::int as n from commerce.search_docs d
        where ${where} and d.brand is not null group by d.brand`,
    );
  }
  const column = facet.startsWith('attr:') ? COLUMNS.attributes : COLUMNS[facet];
  if (!column) return [];
  const own = facet.startsWith('attr:')
    ? sql`where x.id in (select id from commerce.search_terms where facet = ${facet})`
    : sql``;
  return withTerms(
    db,
    sql`select x.id, count(*)::int as n
      from ${matching(where)} cross join lateral unnest(${column}) x(id)
      ${own}
      group by x.id`,
  );
}

/**
 * Counts of the model years `yearIds` of the selected models `modelIds` without the fitment filter: over the products
 * that fit one of those models (found through the GIN index by the model, a far better estimate than two dozen years).
 */
export async function yearCounts(db: Db, plan: SearchPlan, modelIds: number[], yearIds: number[]): Promise<CountRow[]> {
  if (yearIds.length === 0 || modelIds.length === 0) return [];
  return withTerms(
    db,
    sql`select x.id, count(*)::int as n
      from ${matching(and([conditions(plan, 'fitment'), sql`d.terms && ${modelIds}::int[]`]))}
        cross join lateral unnest(d.terms) x(id)
      where x.id = any(${yearIds}::int[])
      group by x.id`,
  );
}

/**
 * The terms named by (facet, value) pairs (`named`), and the fitment models among them (a model named itself, or
 * through one of its years) with all their years: what a fitment_year facet lists.
 */
export async function namedTerms(
  db: Db,
  pairs: Array<{ facet: string; value: string }>,
): Promise<Array<TermRow & { named: boolean }>> {
  if (pairs.length === 0) return [];
  const result = await sql<TermRow & { named: boolean }>`
    with named as (
      select t.id, t.facet, t.value, t.label, t.parent, t.position from commerce.search_terms t
      join unnest(${pairs.map((pair) => pair.facet)}::text[], ${pairs.map((pair) => pair.value)}::text[]) w(facet, value)
        on w.facet = t.facet and w.value = t.value
    )
    select *, true as named from named
    union all
    select y.id, y.facet, y.value, y.label, y.parent, y.position, false from commerce.search_terms y
    where (y.facet = 'fitment_year' or y.facet = 'fitment') and coalesce(y.parent, y.value) in (
      select case when facet = 'fitment' then value else parent end from named where facet in ('fitment', 'fitment_year')
    )`.execute(db);
  return result.rows;
}

export interface FacetAttributeRow {
  key: string;
  type: 'text' | 'number' | 'boolean' | 'enum';
  unit: string | null;
  name: Record<string, string>;
  position: number;
}

export async function facetAttributes(db: Db): Promise<FacetAttributeRow[]> {
  const result = await sql<FacetAttributeRow>`
    select key, type, unit, name, position from commerce.attributes where facet order by position, key`.execute(db);
  return result.rows;
}

/** Up to `limit` products of the locale whose text matches (unordered): fewer than a few turn the search fuzzy. */
export async function fullTextIds(
  db: Db,
  locale: string,
  text: { config: string; tsquery: string },
  limit: number,
): Promise<string[]> {
  const result = await sql<{ product_id: string }>`
    select t.product_id from commerce.search_texts t
    where t.locale = ${locale} and t.document @@ ${textQuery(text)} limit ${limit}`.execute(db);
  return result.rows.map((row) => row.product_id);
}

/**
 * Products whose folded name and brand hold a word like every one of `words` (pg_trgm word similarity, through the
 * GIN trigram index), most similar first: what a misspelt query probably meant. Runs in a transaction of its own for
 * the threshold.
 */
export async function fuzzyIds(
  db: Db,
  locale: string,
  words: string[],
  threshold: number,
  limit: number,
): Promise<string[]> {
  if (words.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`.execute(trx);
    const similar = words.map((word) => sql<boolean>`${word} <% t.fuzzy`);
    const score = sql.join(
      words.map((word) => sql`word_similarity(${word}, t.fuzzy)`),
      sql` + `,
    );
    const result = await sql<{ product_id: string }>`
      select t.product_id from commerce.search_texts t
      where t.locale = ${locale} and ${and(similar)}
      order by ${score} desc, t.product_id limit ${limit}`.execute(trx);
    return result.rows.map((row) => row.product_id);
  });
}

export interface SuggestProductRow {
  id: string;
  slug: string;
  name: string;
  image_id: string | null;
  price: number | null;
}

/** Products whose names start words with the query's words (the last one a prefix), best first. */
export async function suggestProducts(
  db: Db,
  plan: {
    locale: string;
    defaultLocale: string;
    currency: string;
    config: string;
    tsquery: string | null;
    folded: string;
  },
  limit: number,
): Promise<SuggestProductRow[]> {
  const select = sql`d.product_id as id, d.slug,
    coalesce(d.names ->> ${plan.locale}, d.names ->> ${plan.defaultLocale}, d.slug) as name,
    d.image_id, (d.prices ->> ${plan.currency})::bigint as price`;
  if (plan.tsquery) {
    const query = textQuery({ config: plan.config, tsquery: plan.tsquery });
    const found = await sql<SuggestProductRow>`
      select ${select} from commerce.search_texts t join commerce.search_docs d on d.product_id = t.product_id
      where t.locale = ${plan.locale} and t.document @@ ${query}
      order by ts_rank_cd(t.document, ${query}) desc, d.in_stock desc, d.product_id limit ${limit}`.execute(db);
    if (found.rows.length > 0 || plan.folded.length < 3) return found.rows;
  }
  // Nothing starts that way: a misspelling, probably (pg_trgm's default word similarity, 0.6).
  const fuzzy = await sql<SuggestProductRow>`
    select ${select} from commerce.search_texts t join commerce.search_docs d on d.product_id = t.product_id
    where t.locale = ${plan.locale} and ${plan.folded} <% t.fuzzy
    order by word_similarity(${plan.folded}, t.fuzzy) desc, d.product_id limit ${limit}`.execute(db);
  return fuzzy.rows;
}

/** Brands and categories (in use by some document) whose name has a word starting with the folded query. */
export async function suggestTerms(db: Db, locale: string, defaultLocale: string, folded: string, limit: number) {
  const label = sql`coalesce(st.label ->> ${locale}, st.label ->> '*', st.label ->> ${defaultLocale})`;
  const name = foldSql(label);
  const result = await sql<{ facet: 'brand' | 'category'; value: string; label: string }>`
    select st.facet, st.value, ${label} as label from commerce.search_terms st
    where st.facet in ('brand', 'category')
      and (${name} like ${`${folded}%`} or ${name} like ${`% ${folded}%`})
      and exists (select 1 from commerce.search_docs d where d.terms @> array[st.id])
    order by st.facet, length(${label}), ${label} limit ${limit}`.execute(db);
  return result.rows;
}
