import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { rebuildDocuments } from '../apps/server/src/commerce/search/search-index.js';
import { MODELS, SENTENCES_EN, SENTENCES_SV, SERIES, SERIES_MORE, TREE } from './commerce-catalog-words.js';
import { namedDatabase, startDeskHub } from './desk-hub.js';
import { isMain } from './main.js';
import { flagValue, redact } from './settings.js';

/**
 * A WestGear catalog of invented products written by PostgreSQL itself (generate_series), not through the service:
 * boats, outboard motors and their parts, electronics, safety gear, anchoring, fishing and clothing, in Swedish and
 * English, with brands, a category tree, typed facet attributes, about ten variants a product (options such as pitch,
 * shaft length, size and colour), fitment of parts to some eighty engine models with year ranges, stock, consumer
 * prices in SEK and EUR, a running campaign on one product in twenty with its price history. Then the search
 * documents, built by the very SQL the hub rebuilds them with. Deterministic: product n is the same in every run.
 * node --import tsx bench/commerce-data.ts [--products 100000] [--fresh] [--pg-url postgres://…]
 */

export const DEFAULT_PRODUCTS = 100_000;
const CHUNK = 5_000;
const LOCALES = ['sv', 'en'];

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A deterministic UUID (version 4 in form, as the contracts check) from a text: product n is the same in every table. */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** A deterministic number in [0, m) from a product or variant number and a salt: the same in every table. */
const h = (expression: string, salt: number, m: number | string) =>
  `((hashint8((${expression})::bigint * 1009 + ${salt}) & 2147483647) % ${m})`;

export async function fillCatalog(client: pg.Client, products: number, log = console.log) {
  const startedAt = performance.now();
  const brandNames = [...new Set(TREE.flatMap((top) => top.leaves.flatMap((leaf) => leaf.brands)))];
  const brandIds = brandNames.map(() => randomUUID());
  await client.query(
    'insert into commerce.brands (id, slug, name) select * from unnest($1::uuid[], $2::text[], $3::text[])',
    [brandIds, brandNames.map(slugify), brandNames],
  );
  const leaves = TREE.flatMap((top) => top.leaves.map((leaf) => ({ ...leaf, top: top.slug, id: randomUUID() })));
  const tops = TREE.map((top) => ({ ...top, id: randomUUID() }));
  for (const [position, top] of tops.entries()) {
    await client.query('insert into commerce.categories (id, slug, name, position) values ($1, $2, $3, $4)', [
      top.id,
      top.slug,
      { sv: top.sv, en: top.en },
      position,
    ]);
  }
  for (const [position, leaf] of leaves.entries()) {
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    await client.query(
      'insert into commerce.categories (id, parent_id, slug, name, position) values ($1, $2, $3, $4, $5)',
      [
        leaf.id,
        tops.find((top) => top.slug === leaf.top)?.id,
        leaf.slug,
        { sv: capital(leaf.sv), en: capital(leaf.en) },
        position,
      ],
    );
  }
  await client.query(ATTRIBUTES_SQL);
  await client.query(
    `insert into commerce.currencies (code, exponent, position) values ('EUR', 2, 1) on conflict do nothing`,
  );
  const saleList = randomUUID();
  await client.query(
    `insert into commerce.price_lists (id, code, kind, name, starts_at, ends_at, priority)
     values ($1, 'bench-rea', 'sale', 'Vårrea', now() - interval '3 days', now() + interval '30 days', 1)`,
    [saleList],
  );
  const leafArrays = [
    leaves.map((leaf) => leaf.id),
    leaves.map((leaf) => leaf.sv),
    leaves.map((leaf) => leaf.en),
    leaves.map((leaf) => leaf.kind),
    leaves.map((leaf) => brandNames.indexOf(leaf.brands[0] as string)),
    leaves.map((leaf) => leaf.brands.length),
    leaves.map((leaf) => leaf.price[0]),
    leaves.map((leaf) => leaf.price[1]),
    leaves.map((leaf) => Boolean(leaf.fitment)),
  ];
  // A leaf's brands must lie together in the brand list: put each leaf's brands in its own run.
  const runs = leaves.map((leaf) => leaf.brands.map((brand) => brandIds[brandNames.indexOf(brand)] as string));
  const brandRun = runs.flat();
  const brandRunNames = leaves.flatMap((leaf) => leaf.brands);
  let offset = 0;
  leafArrays[4] = runs.map((run) => {
    const from = offset;
    offset += run.length;
    return from;
  });
  for (let from = 1; from <= products; from += CHUNK) {
    const to = Math.min(products, from + CHUNK - 1);
    const chunkStartedAt = performance.now();
    const params = [
      from,
      to,
      ...leafArrays,
      brandRun,
      brandRunNames,
      [...SERIES, ...SERIES_MORE],
      SENTENCES_SV,
      SENTENCES_EN,
    ];
    await client.query(PRODUCTS_SQL, params);
    await client.query(VARIANTS_SQL, [from, to, leaves.map((leaf) => leaf.kind)]);
    await client.query(FITMENT_SQL, [
      from,
      to,
      leaves.map((leaf) => Boolean(leaf.fitment)),
      MODELS.map((model) => model[0]),
      MODELS.map((model) => model[1]),
      MODELS.map((model) => model[2]),
      MODELS.map((model) => model[3]),
    ]);
    await client.query(PRICES_SQL, [from, to, leafArrays[6], leafArrays[7], saleList]);
    log(`  products ${to} of ${products} (${((performance.now() - chunkStartedAt) / 1000).toFixed(1)} s)`);
  }
  log(`  catalog written in ${((performance.now() - startedAt) / 1000).toFixed(0)} s; analysing`);
  await client.query('analyze');
}

const ATTRIBUTES_SQL = `
insert into commerce.attributes (key, type, unit, name, options, facet, position) values
  ('power_hp', 'number', 'hk', '{"sv": "Effekt", "en": "Power"}', '[]', true, 1),
  ('shaft', 'enum', null, '{"sv": "Riggdjup", "en": "Shaft length"}',
    '[{"value": "S", "label": {"sv": "Kort (S)", "en": "Short (S)"}}, {"value": "L", "label": {"sv": "Lång (L)", "en": "Long (L)"}},
      {"value": "X", "label": {"sv": "Extra lång (X)", "en": "Extra long (X)"}}]', true, 2),
  ('material', 'enum', null, '{"sv": "Material", "en": "Material"}',
    '[{"value": "aluminium", "label": {"sv": "Aluminium", "en": "Aluminium"}}, {"value": "steel", "label": {"sv": "Rostfritt stål", "en": "Stainless steel"}},
      {"value": "composite", "label": {"sv": "Komposit", "en": "Composite"}}, {"value": "plastic", "label": {"sv": "Plast", "en": "Plastic"}}]', true, 3),
  ('blades', 'number', null, '{"sv": "Antal blad", "en": "Blades"}', '[]', true, 4),
  ('pitch_in', 'number', 'tum', '{"sv": "Stigning", "en": "Pitch"}', '[]', true, 5),
  ('screen_in', 'number', 'tum', '{"sv": "Skärmstorlek", "en": "Screen size"}', '[]', true, 6),
  ('waterproof', 'boolean', null, '{"sv": "Vattentät", "en": "Waterproof"}', '[]', true, 7),
  ('size', 'enum', null, '{"sv": "Storlek", "en": "Size"}',
    '[{"value": "xs", "label": {"sv": "XS", "en": "XS"}}, {"value": "s", "label": {"sv": "S", "en": "S"}}, {"value": "m", "label": {"sv": "M", "en": "M"}},
      {"value": "l", "label": {"sv": "L", "en": "L"}}, {"value": "xl", "label": {"sv": "XL", "en": "XL"}}, {"value": "xxl", "label": {"sv": "XXL", "en": "XXL"}}]', true, 8),
  ('colour', 'enum', null, '{"sv": "Färg", "en": "Colour"}',
    '[{"value": "red", "label": {"sv": "Röd", "en": "Red"}}, {"value": "yellow", "label": {"sv": "Gul", "en": "Yellow"}},
      {"value": "navy", "label": {"sv": "Marinblå", "en": "Navy"}}, {"value": "black", "label": {"sv": "Svart", "en": "Black"}},
      {"value": "white", "label": {"sv": "Vit", "en": "White"}}]', true, 9),
  ('length_m', 'number', 'm', '{"sv": "Längd", "en": "Length"}', '[]', false, 10)
on conflict (key) do nothing`;

// $1..$2 product numbers; $3.. the leaves (ids, sv, en, kind, brand run start, brand count, price min, max, fitment);
// $12 brand ids in runs, $13 their names, $14 series words, $15/$16 sentences.
const PRODUCTS_SQL = `
with leaves as (
  select * from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::bool[])
    with ordinality as l(id, sv, en, kind, brand_from, brand_count, price_min, price_max, fitment, n)
), drawn as (
  select g, l.*,
    ($12::uuid[])[1 + l.brand_from + ${h('g', 2, 'l.brand_count')}] as brand_id,
    ($13::text[])[1 + l.brand_from + ${h('g', 2, 'l.brand_count')}] as brand,
    ($14::text[])[1 + ${h('g', 3, 'array_length($14::text[], 1)')}] as series,
    upper(substr(md5(g::text), 1, 2)) || (10 + ${h('g', 4, 90)}) as code,
    1 + ${h('g', 5, 8)} as s1, 1 + ${h('g', 6, 8)} as s2,
    now() - interval '1 day' * ${h('g', 7, 900)} as published_at
  from generate_series($1::int, $2::int) g
  join leaves l on l.n = 1 + g % (select count(*) from leaves)
), inserted as (
  insert into commerce.products (id, slug, status, brand_id, name, description, attributes, options, bulky,
    published_at, created_at, updated_at)
  select ${uuidOf(`'wg-p-' || g`)},
    lower(regexp_replace(brand || '-' || series || '-' || en || '-' || code || '-' || g, '[^A-Za-z0-9]+', '-', 'g')),
    'published', brand_id,
    jsonb_build_object('sv', brand || ' ' || series || ' ' || sv || ' ' || code, 'en', brand || ' ' || series || ' ' || en || ' ' || code),
    jsonb_build_object(
      'sv', initcap(sv) || ' från ' || brand || '. ' || ($15::text[])[s1] || ' ' || ($15::text[])[s2],
      'en', initcap(en) || ' by ' || brand || '. ' || ($16::text[])[s1] || ' ' || ($16::text[])[s2]),
    case kind
      when 'motor' then jsonb_build_object('power_hp',
        (array[2.5, 4, 5, 6, 8, 9.9, 15, 20, 25, 30, 40, 50, 60, 70, 90, 115, 150, 200, 250])[1 + ${h('g', 8, 19)}])
      when 'propeller' then jsonb_build_object('material', (array['aluminium', 'steel', 'composite'])[1 + ${h('g', 8, 3)}],
        'blades', 3 + ${h('g', 9, 2)})
      when 'electronics' then jsonb_build_object('screen_in', (array[4, 5, 7, 9, 12, 16])[1 + ${h('g', 8, 6)}],
        'waterproof', ${h('g', 9, 10)} > 0)
      when 'wear' then jsonb_build_object('waterproof', ${h('g', 9, 3)} > 0)
      when 'fishing' then jsonb_build_object('length_m', 1.5 + ${h('g', 8, 25)} / 10.0)
      when 'general' then jsonb_build_object('material', (array['aluminium', 'steel', 'plastic'])[1 + ${h('g', 8, 3)}])
      else '{}'::jsonb
    end,
    case kind
      when 'motor' then '[{"key": "shaft", "name": {"sv": "Riggdjup", "en": "Shaft length"}}]'::jsonb
      when 'propeller' then '[{"key": "pitch", "name": {"sv": "Stigning", "en": "Pitch"}}]'::jsonb
      when 'wear' then '[{"key": "size", "name": {"sv": "Storlek", "en": "Size"}}, {"key": "colour", "name": {"sv": "Färg", "en": "Colour"}}]'::jsonb
      else '[{"key": "colour", "name": {"sv": "Färg", "en": "Colour"}}]'::jsonb
    end,
    kind = 'boat', published_at, published_at, published_at
  from drawn
  returning id
)
insert into commerce.product_categories (product_id, category_id)
select ${uuidOf(`'wg-p-' || g`)}, id from drawn`;

/** About ten variants a product (1–19), their options by the product's kind; stock for each. */
const VARIANTS_SQL = `
with kinds as (select * from unnest($3::text[]) with ordinality as k(kind, n)),
drawn as (
  select g, j, k.kind
  from generate_series($1::int, $2::int) g
  join kinds k on k.n = 1 + g % (select count(*) from kinds)
  cross join lateral generate_series(1, 1 + ${h('g', 11, 19)}) j
), inserted as (
  insert into commerce.variants (id, product_id, sku, ean, option_values, attributes, weight_grams, position)
  select ${uuidOf(`'wg-v-' || g || '-' || j`)}, ${uuidOf(`'wg-p-' || g`)}, 'WG-' || g || '-' || j,
    '73' || lpad((g::bigint * 20 + j)::text, 11, '0'),
    case kind
      when 'motor' then jsonb_build_object('shaft', (array['S', 'L', 'X'])[1 + j % 3])
      when 'propeller' then jsonb_build_object('pitch', (8 + j) || '"')
      when 'wear' then jsonb_build_object('size', (array['xs', 's', 'm', 'l', 'xl', 'xxl'])[1 + j % 6],
        'colour', (array['red', 'yellow', 'navy', 'black', 'white'])[1 + (j / 6 + ${h('g', 12, 5)}) % 5])
      else jsonb_build_object('colour', (array['red', 'yellow', 'navy', 'black', 'white'])[1 + (j + ${h('g', 12, 5)}) % 5])
    end,
    case kind when 'propeller' then jsonb_build_object('pitch_in', 8 + j) else '{}'::jsonb end,
    100 + ${h('g * 20 + j', 13, 20000)}, j
  from drawn
  returning id
)
insert into commerce.stock (variant_id, on_hand, backorder, low_stock_threshold)
select ${uuidOf(`'wg-v-' || g || '-' || j`)},
  case when ${h('g * 20 + j', 14, 100)} < 15 then 0 else ${h('g * 20 + j', 15, 60)} end,
  ${h('g * 20 + j', 16, 10)} = 0, 2
from drawn`;

/** Parts fit one to four engine models, each variant the product's models over part of their years. */
const FITMENT_SQL = `
with fits as (select * from unnest($3::bool[]) with ordinality as f(fitment, n)),
models as (select * from unnest($4::text[], $5::text[], $6::int[], $7::int[]) with ordinality as m(make, model, year_from, year_to, n))
insert into commerce.fitments (id, variant_id, make, model, year_from, year_to)
select ${uuidOf(`'wg-f-' || g || '-' || j || '-' || i`)}, ${uuidOf(`'wg-v-' || g || '-' || j`)}, m.make, m.model,
  m.year_from + ${h('g', 21, 8)}, m.year_to - ${h('g', 22, 6)}
from generate_series($1::int, $2::int) g
join fits f on f.n = 1 + g % (select count(*) from fits) and f.fitment
cross join lateral generate_series(1, 1 + ${h('g', 11, 19)}) j
cross join lateral generate_series(1, 1 + ${h('g', 23, 4)}) i
join models m on m.n = 1 + ${h('g * 7 + i', 24, '(select count(*) from models)')}
on conflict do nothing`;

/** Consumer prices in SEK and EUR per variant; one product in twenty reduced by the campaign, with its history. */
const PRICES_SQL = `
with prices as (select * from unnest($3::int[], $4::int[]) with ordinality as p(low, high, n)),
drawn as (
  select g, j, ((p.low + (p.high - p.low) * ${h('g', 31, 1000)} / 1000 + j * p.low / 50) / 10 * 10 + 9) * 100 as sek,
    ${h('g', 32, 20)} = 0 as reduced
  from generate_series($1::int, $2::int) g
  join prices p on p.n = 1 + g % (select count(*) from prices)
  cross join lateral generate_series(1, 1 + ${h('g', 11, 19)}) j
), retail as (
  insert into commerce.prices (id, price_list_id, variant_id, currency, amount_minor)
  select gen_random_uuid(), '00000000-0000-4000-8000-00000000c0de', ${uuidOf(`'wg-v-' || g || '-' || j`)}, c.currency,
    case c.currency when 'SEK' then sek else sek / 1150 * 100 + 99 end
  from drawn cross join (values ('SEK'), ('EUR')) c(currency)
  returning id
), sale as (
  insert into commerce.prices (id, price_list_id, variant_id, currency, amount_minor)
  select gen_random_uuid(), $5::uuid, ${uuidOf(`'wg-v-' || g || '-' || j`)}, 'SEK', sek * 8 / 1000 * 100 - 100
  from drawn where reduced
  returning id
)
insert into commerce.price_history (variant_id, currency, amount_minor, regular_minor, effective_from)
select ${uuidOf(`'wg-v-' || g || '-' || j`)}, 'SEK', h.amount, sek, h.at
from drawn
cross join lateral (values (sek, now() - interval '90 days'), (sek * 8 / 1000 * 100 - 100, now() - interval '3 days')) h(amount, at)
where reduced`;

/** Builds the search documents of the whole catalog with the hub's own SQL (search-index.ts, rebuildDocuments). */
export async function buildSearchDocuments(url: string, log = console.log): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    const startedAt = performance.now();
    // biome-ignore lint/suspicious/noExplicitAny: the search builder takes any Kysely
    const documents = await (db as Kysely<any>).transaction().execute((trx) => rebuildDocuments(trx, LOCALES, log));
    await pool.query('vacuum analyze commerce.search_docs');
    await pool.query('vacuum analyze commerce.search_texts');
    await pool.query('vacuum analyze commerce.search_terms');
    log(`  ${documents} search documents in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
    return documents;
  } finally {
    await db.destroy();
  }
}

export interface CatalogSettings {
  products: number;
  fresh: boolean;
  pgUrl: string;
}

export function readCatalogSettings(argv = process.argv.slice(2)): CatalogSettings {
  return {
    products: Number(flagValue(argv, '--products') ?? process.env.BENCH_PRODUCTS ?? DEFAULT_PRODUCTS),
    fresh: argv.includes('--fresh'),
    pgUrl: flagValue(argv, '--pg-url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/**
 * The database `kontor_bench_commerce_<products>`, migrated by a hub and filled once (`fresh` fills it again).
 * Returns its URL.
 */
export async function commerceDatabase(settings: CatalogSettings, log = console.log): Promise<string> {
  const url = await namedDatabase(settings.pgUrl, `kontor_bench_commerce_${settings.products}`, settings.fresh);
  log(`database ${redact(url)}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const migrated = await client.query(`select to_regclass('commerce.search_docs') as t`);
    if (!migrated.rows[0]?.t) {
      // A hub migrates the database; it holds no demo data.
      const hub = await startDeskHub(url);
      await hub.stop();
    }
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from commerce.search_docs');
    if ((rows[0]?.n ?? 0) >= settings.products) {
      log(`${rows[0]?.n} products already there`);
      return url;
    }
    log(`filling ${settings.products} products (once; --fresh fills again)`);
    await client.query(`truncate commerce.products, commerce.brands, commerce.categories, commerce.attributes,
      commerce.search_terms, commerce.search_zero_results cascade`);
    await client.query(`delete from commerce.price_lists where code = 'bench-rea'`);
    await fillCatalog(client, settings.products, log);
    await buildSearchDocuments(url, log);
    const variants = await client.query<{ n: number }>('select count(*)::int as n from commerce.variants');
    log(`  ${variants.rows[0]?.n} variants`);
    return url;
  } finally {
    await client.end();
  }
}

if (isMain(import.meta.url)) {
  await commerceDatabase(readCatalogSettings());
}
