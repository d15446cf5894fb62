import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/platform.js';
import { FOLD_FROM, FOLD_TO, sortTable, textConfigOf } from './search-text.js';

/**
 * The SQL that turns catalog rows (migration 0001) into search documents (migration 0002), set-based so that one
 * statement builds one product or a hundred thousand. Prices follow the catalog's rules (catalog/pricing-service.ts):
 * the retail list's price, or the running sale list of highest priority (then lowest price) when it is lower;
 * quantity 1; only variants that are active.
 */

/** Facet names of the API itself: an attribute with one of these keys is not offered as a facet. */
export const RESERVED_FACETS = ['brand', 'category', 'price', 'fitment', 'fitment_year'];

/** The folded form of a text expression, as foldText does it in JavaScript. */
export function foldSql(expression: RawBuilder<unknown>, separator = ' '): RawBuilder<string> {
  const translated = sql`translate(lower(${expression}), ${FOLD_FROM}::text, ${FOLD_TO}::text)`;
  const doubled = sql`replace(replace(replace(replace(${translated}, 'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), 'þ', 'th')`;
  return sql<string>`trim(both ${separator}::text from regexp_replace(${doubled}, '[^a-z0-9]+', ${separator}::text, 'g'))`;
}

/** The common table expressions every build statement starts from: the products, their variants, their terms. */
function sources(products: RawBuilder<boolean>): RawBuilder<unknown> {
  // Variants of one product mostly share their fitment and attribute values: both are made distinct per product
  // before anything is computed per row (folding a model name, expanding its years, looking up an option's label).
  return sql`
    p as (
      select id, slug, brand_id, name, description, attributes, published_at, updated_at
      from commerce.products where status = 'published' and ${products}
    ),
    v as (
      select va.id, va.product_id, va.sku, va.ean, va.attributes, va.option_values
      from commerce.variants va join p on p.id = va.product_id where va.active
    ),
    cats (product_id, category_id) as (
      select pc.product_id, pc.category_id from commerce.product_categories pc join p on p.id = pc.product_id
      union
      select cats.product_id, c.parent_id from cats join commerce.categories c on c.id = cats.category_id
      where c.parent_id is not null
    ),
    attribute_values as (
      select distinct x.product_id, x.key, x.value #>> '{}' as value
      from (
        select p.id as product_id, e.key, e.value from p cross join lateral jsonb_each(p.attributes) e
        union all
        select v.product_id, e.key, e.value from v cross join lateral jsonb_each(v.attributes) e
        union all
        select v.product_id, e.key, e.value from v cross join lateral jsonb_each(v.option_values) e
      ) x
      where jsonb_typeof(x.value) in ('string', 'number', 'boolean') and length(x.value #>> '{}') between 1 and 200
    ),
    enum_options as (
      select a.key, o.option ->> 'value' as value, o.option -> 'label' as label, o.i::int as position
      from commerce.attributes a cross join lateral jsonb_array_elements(a.options) with ordinality o(option, i)
      where a.facet and a.type = 'enum'
    ),
    fits as (
      select f.product_id, f.make || ' ' || f.model as label, ${foldSql(sql`f.make || ' ' || f.model`, '-')} as model,
        f.year_from, f.year_to
      from (
        select distinct v.product_id, f.make, f.model, f.year_from, f.year_to
        from v join commerce.fitments f on f.variant_id = v.id
      ) f
    ),
    terms as (
      select p.id as product_id, 'brand'::text as facet, b.slug as value, jsonb_build_object('*', b.name) as label,
        null::text as parent, 0 as position
      from p join commerce.brands b on b.id = p.brand_id
      union all
      select cats.product_id, 'category', c.slug, c.name, up.slug, c.position
      from cats join commerce.categories c on c.id = cats.category_id
      left join commerce.categories up on up.id = c.parent_id
      union all
      select av.product_id, 'attr:' || av.key, av.value,
        case
          when a.type = 'enum' then coalesce(eo.label, jsonb_build_object('*', av.value))
          when a.type = 'boolean' and av.value = 'true' then '{"sv": "Ja", "en": "Yes"}'::jsonb
          when a.type = 'boolean' then '{"sv": "Nej", "en": "No"}'::jsonb
          when a.type = 'number' and a.unit is not null then jsonb_build_object('*', av.value || ' ' || a.unit)
          else jsonb_build_object('*', av.value)
        end,
        null, coalesce(eo.position, 0)
      from attribute_values av
      join commerce.attributes a on a.key = av.key and a.facet and a.key <> all (${RESERVED_FACETS}::text[])
      left join enum_options eo on eo.key = av.key and eo.value = av.value
      union all
      select distinct product_id, 'fitment', model, jsonb_build_object('*', label), null, 0 from fits
      union all
      select distinct product_id, 'fitment_year', model || '-' || y, jsonb_build_object('*', y::text), model, y
      from fits cross join generate_series(year_from, year_to) y
    )`;
}

/**
 * Turns PostgreSQL's JIT compiler off for the rest of the transaction: the build's row estimates are far too high
 * (every fitment year range looks like a thousand years), and compiling costs seconds where running costs
 * milliseconds. PGlite has the setting and no JIT.
 */
export async function withoutJit(trx: Db): Promise<void> {
  await sql`select set_config('jit', 'off', true)`.execute(trx);
}

/** Adds the facet values of these products that search_terms does not hold yet, and refreshes changed labels. */
export async function upsertTerms(db: Db, products: RawBuilder<boolean>): Promise<void> {
  await sql`
    with recursive ${sources(products)}
    insert into commerce.search_terms (facet, value, label, parent, position)
    select distinct on (facet, value) facet, value, label, parent, position from terms order by facet, value
    on conflict (facet, value) do update
      set label = excluded.label, parent = excluded.parent, position = excluded.position
      where (commerce.search_terms.label, commerce.search_terms.parent, commerce.search_terms.position)
        is distinct from (excluded.label, excluded.parent, excluded.position)`.execute(db);
}

/**
 * Writes the documents and texts of these products (their old ones must be gone: `deleteDocuments`). Run after
 * `upsertTerms` in its own statement, whose snapshot sees the terms another transaction added meanwhile.
 */
export async function insertDocuments(db: Db, products: RawBuilder<boolean>, locales: string[]): Promise<void> {
  const configs = locales.map(textConfigOf);
  const sortFrom = locales.map((locale) => sortTable(locale).from);
  const sortTo = locales.map((locale) => sortTable(locale).to);
  const first = locales[0] ?? 'sv';
  const nameIn = (locale: RawBuilder<unknown>) => sql`coalesce(p.name ->> ${locale}, p.name ->> ${first}::text, '')`;
  await sql`
    with recursive ${sources(products)},
    term_ids as (
      select t.product_id, t.facet, st.id, st.label
      from terms t join commerce.search_terms st on st.facet = t.facet and st.value = t.value
    ),
    grouped as (
      select product_id,
        min(id) filter (where facet = 'brand') as brand,
        coalesce(array_agg(distinct id) filter (where facet = 'category'), '{}') as categories,
        coalesce(array_agg(distinct id) filter (where facet like 'attr:%'), '{}') as attrs,
        coalesce(array_agg(distinct id) filter (where facet = 'fitment'), '{}') as models,
        array_agg(distinct id) as terms,
        coalesce(jsonb_agg(distinct label) filter (where facet like 'attr:%' or facet = 'fitment'), '[]') as labels
      from term_ids group by product_id
    ),
    price_rows as (
      select pr.variant_id, pr.currency, pr.amount_minor, pr.min_quantity, pr.valid_from, pr.valid_to,
        pl.kind, pl.priority, pl.starts_at, pl.ends_at
      from commerce.prices pr
      join v on v.id = pr.variant_id
      join commerce.price_lists pl on pl.id = pr.price_list_id and pl.active and pl.kind in ('retail', 'sale')
    ),
    listed as (
      select pr.variant_id, pr.currency, pr.amount_minor, pr.kind, pr.priority
      from price_rows pr
      join commerce.currencies cu on cu.code = pr.currency and cu.active
      where pr.min_quantity = 1
        and (pr.valid_from is null or pr.valid_from <= now()) and (pr.valid_to is null or pr.valid_to > now())
        and (pr.starts_at is null or pr.starts_at <= now()) and (pr.ends_at is null or pr.ends_at > now())
    ),
    retail as (
      select distinct on (variant_id, currency) variant_id, currency, amount_minor from listed
      where kind = 'retail' order by variant_id, currency, priority desc, amount_minor
    ),
    sale as (
      select distinct on (variant_id, currency) variant_id, currency, amount_minor from listed
      where kind = 'sale' order by variant_id, currency, priority desc, amount_minor
    ),
    variant_prices as (
      select coalesce(r.variant_id, s.variant_id) as variant_id, coalesce(r.currency, s.currency) as currency,
        least(r.amount_minor, s.amount_minor) as price, coalesce(r.amount_minor, s.amount_minor) as regular
      from retail r full join sale s on s.variant_id = r.variant_id and s.currency = r.currency
    ),
    cheapest as (
      select distinct on (v.product_id, vp.currency) v.product_id, vp.currency, vp.variant_id, vp.price, vp.regular
      from variant_prices vp join v on v.id = vp.variant_id
      order by v.product_id, vp.currency, vp.price, vp.regular
    ),
    reduced as (
      -- The campaign began with the first of the latest run of reduced history rows; the lowest price of the 30
      -- days before that is the reference a reduction must show.
      select c.product_id, c.currency, low.amount
      from cheapest c
      cross join lateral (
        select coalesce(min(h.effective_from), now()) as began from commerce.price_history h
        where h.variant_id = c.variant_id and h.currency = c.currency and h.effective_from <= now()
          and h.effective_from > coalesce((
            select max(r.effective_from) from commerce.price_history r
            where r.variant_id = c.variant_id and r.currency = c.currency and r.effective_from <= now()
              and not (r.regular_minor is not null and r.amount_minor < r.regular_minor)
          ), '-infinity')
      ) run
      cross join lateral (
        select min(h.amount_minor) as amount from commerce.price_history h
        where h.variant_id = c.variant_id and h.currency = c.currency and h.effective_from < run.began
          and h.effective_from >= coalesce((
            select max(o.effective_from) from commerce.price_history o
            where o.variant_id = c.variant_id and o.currency = c.currency
              and o.effective_from <= run.began - interval '30 days'
          ), run.began - interval '30 days')
      ) low
      where c.price < c.regular
    ),
    priced as (
      select c.product_id,
        jsonb_object_agg(c.currency, c.price) as prices,
        coalesce(jsonb_object_agg(c.currency, c.regular) filter (where c.price < c.regular), '{}') as regular,
        coalesce(jsonb_object_agg(c.currency, r.amount) filter (where r.amount is not null), '{}') as lowest
      from cheapest c left join reduced r on r.product_id = c.product_id and r.currency = c.currency
      group by c.product_id
    ),
    changes as (
      select v.product_id, min(least(
        case when pr.valid_from > now() then pr.valid_from end, case when pr.valid_to > now() then pr.valid_to end,
        case when pr.starts_at > now() then pr.starts_at end, case when pr.ends_at > now() then pr.ends_at end)) as at
      from price_rows pr join v on v.id = pr.variant_id
      where pr.valid_from > now() or pr.valid_to > now() or pr.starts_at > now() or pr.ends_at > now()
      group by v.product_id
    ),
    stocked as (
      select v.product_id, bool_or(s.on_hand > 0) as in_stock, string_agg(v.sku || coalesce(' ' || v.ean, ''), ' ') as codes
      from v left join commerce.stock s on s.variant_id = v.id group by v.product_id
    ),
    category_names as (
      select product_id, jsonb_agg(c.name) as names
      from cats join commerce.categories c on c.id = cats.category_id group by product_id
    ),
    locales (locale, config, sort_from, sort_to) as (
      select * from unnest(${locales}::text[], ${configs}::text[], ${sortFrom}::text[], ${sortTo}::text[])
    ),
    documents as (
      insert into commerce.search_docs (product_id, slug, names, sort_keys, brand_slug, brand_name, image_id, brand,
        categories, attrs, models, terms, prices, regular_prices, lowest_prices_30d, in_stock, published_at,
        updated_at, prices_change_at)
      select p.id, p.slug, p.name,
        (select jsonb_object_agg(l.locale, translate(lower(${nameIn(sql`l.locale`)}), l.sort_from, l.sort_to))
          from locales l),
        b.slug, b.name,
        (select m.id from commerce.media m where m.product_id = p.id order by m.position, m.id limit 1),
        g.brand, coalesce(g.categories, '{}'), coalesce(g.attrs, '{}'), coalesce(g.models, '{}'),
        coalesce(g.terms, '{}'), coalesce(pp.prices, '{}'), coalesce(pp.regular, '{}'), coalesce(pp.lowest, '{}'),
        coalesce(st.in_stock, false), p.published_at, p.updated_at, ch.at
      from p
      left join commerce.brands b on b.id = p.brand_id
      left join grouped g on g.product_id = p.id
      left join priced pp on pp.product_id = p.id
      left join stocked st on st.product_id = p.id
      left join changes ch on ch.product_id = p.id
      -- Another transaction may have rebuilt the same product meanwhile (our delete waited for it and then found
      -- nothing): the newer build wins.
      on conflict (product_id) do update set slug = excluded.slug, names = excluded.names,
        sort_keys = excluded.sort_keys, brand_slug = excluded.brand_slug, brand_name = excluded.brand_name,
        image_id = excluded.image_id, brand = excluded.brand, categories = excluded.categories,
        attrs = excluded.attrs, models = excluded.models, terms = excluded.terms, prices = excluded.prices,
        regular_prices = excluded.regular_prices, lowest_prices_30d = excluded.lowest_prices_30d,
        in_stock = excluded.in_stock, published_at = excluded.published_at, updated_at = excluded.updated_at,
        prices_change_at = excluded.prices_change_at, indexed_at = excluded.indexed_at
      returning product_id
    )
    insert into commerce.search_texts (product_id, locale, document, fuzzy)
    select p.id, l.locale,
      setweight(to_tsvector(l.config::regconfig, ${nameIn(sql`l.locale`)}), 'A') ||
      setweight(to_tsvector(l.config::regconfig, coalesce(b.name, '') || ' ' || coalesce((
        select string_agg(coalesce(n ->> l.locale, n ->> ${first}::text), ' ') from jsonb_array_elements(cn.names) n
      ), '')), 'B') ||
      setweight(to_tsvector(l.config::regconfig, coalesce(st.codes, '') || ' ' || coalesce((
        select string_agg(coalesce(t ->> l.locale, t ->> '*', t ->> ${first}::text), ' ')
        from jsonb_array_elements(g.labels) t
      ), '')), 'C') ||
      setweight(to_tsvector(l.config::regconfig, left(regexp_replace(
        coalesce(p.description ->> l.locale, p.description ->> ${first}::text, ''), '<[^>]*>', ' ', 'g'), 4000)), 'D'),
      ${foldSql(sql`${nameIn(sql`l.locale`)} || ' ' || coalesce(b.name, '')`)}
    from p
    cross join locales l
    left join commerce.brands b on b.id = p.brand_id
    left join grouped g on g.product_id = p.id
    left join stocked st on st.product_id = p.id
    left join category_names cn on cn.product_id = p.id
    where p.id in (select product_id from documents)
    on conflict (product_id, locale) do update set document = excluded.document, fuzzy = excluded.fuzzy`.execute(db);
}

/** Removes the documents (and texts) of these products, published or not. */
export async function deleteDocuments(db: Db, productIds: string[] | 'all'): Promise<void> {
  if (productIds === 'all') await sql`delete from commerce.search_docs`.execute(db);
  else await sql`delete from commerce.search_docs where product_id = any(${productIds}::uuid[])`.execute(db);
}

/** Facet values no document uses any more (a renamed slug, a discontinued brand): dropped after a full rebuild. */
export async function pruneTerms(db: Db): Promise<void> {
  await sql`delete from commerce.search_terms t
    where not exists (select 1 from commerce.search_docs d where d.terms @> array[t.id])`.execute(db);
}
