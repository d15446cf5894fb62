-- The shop's search (docs/commerce-search.md): a denormalised document per published product, rebuilt from the
-- catalog tables by search/search-index.ts in the transaction of every catalog write, and read by
-- search/postgres-search-engine.ts. Everything here can be rebuilt from the catalog at any time
-- (POST /api/commerce/search/rebuild), so it is never replicated and never the source of anything.

-- pg_trgm gives typo tolerance; PGlite loads it with the database (platform/db/database.ts).
create extension if not exists pg_trgm;

-- Every facet value the documents use, numbered: documents hold small integers instead of slugs, so that counting
-- facet values over a hundred thousand documents hashes integers. `facet` is brand, category, fitment,
-- fitment_year or attr:<attribute key>; `value` is what the API's facet.<name> parameter says (a slug, an enum
-- value, a number, "yamaha-f40", "yamaha-f40-2015"). `label` is per locale ({"sv": …, "en": …}) or the same in
-- every language ({"*": "Yamaha"}). `parent`: a category's parent slug, a model year's model value.
create table commerce.search_terms (
  id integer generated always as identity primary key,
  facet text not null,
  value text not null,
  label jsonb not null default '{}',
  parent text,
  position integer not null default 0,
  unique (facet, value)
);

create table commerce.search_docs (
  product_id uuid primary key references commerce.products (id) on delete cascade,
  slug text not null,
  -- The product's name per locale, as the catalog has it, and a sort key per locale (compared under COLLATE "C").
  names jsonb not null,
  sort_keys jsonb not null,
  brand_slug text,
  brand_name text,
  image_id uuid,
  -- Facet values (search_terms ids) by facet, for counting; `terms` holds them all plus every model year a variant
  -- fits ("yamaha-f40-2015"), for filtering through one GIN index.
  brand integer,
  categories integer[] not null default '{}',
  attrs integer[] not null default '{}',
  models integer[] not null default '{}',
  terms integer[] not null default '{}',
  -- Consumer prices now, per currency sold, in minor units: the lowest of the variants (campaign prices included),
  -- that variant's regular price, and its lowest price of the 30 days before the campaign (only while reduced).
  prices jsonb not null default '{}',
  regular_prices jsonb not null default '{}',
  lowest_prices_30d jsonb not null default '{}',
  in_stock boolean not null default false,
  published_at timestamptz,
  updated_at timestamptz not null,
  -- When a price or a campaign window of the product next starts or ends: the document is stale from then.
  prices_change_at timestamptz,
  indexed_at timestamptz not null default now()
);
create index search_docs_terms on commerce.search_docs using gin (terms);
create index search_docs_newest on commerce.search_docs (published_at desc nulls last, product_id);
create index search_docs_prices_change on commerce.search_docs (prices_change_at) where prices_change_at is not null;
-- Price ranges and price sorts in the shop's own currency go through this index; a shop that sells much in another
-- currency adds the same for it (the search writes the currency code into its statements so that it matches).
create index search_docs_price_sek on commerce.search_docs (((prices ->> 'SEK')::bigint));

-- The searchable text of a document per shop locale: weighted (A name, B brand and categories, C codes, attribute
-- values and fitted models, D description) under the locale's text search configuration, and the folded name and
-- brand for trigram matching of misspellings.
create table commerce.search_texts (
  product_id uuid not null references commerce.search_docs (product_id) on delete cascade,
  locale text not null,
  document tsvector not null,
  fuzzy text not null,
  primary key (product_id, locale)
);
create index search_texts_document on commerce.search_texts using gin (document);
create index search_texts_fuzzy on commerce.search_texts using gin (fuzzy gin_trgm_ops);

-- Searches that found nothing, per shop day (Europe/Stockholm) and locale: the folded query with anything that looks
-- like an e-mail address, a phone number or a personal identity number blanked out, a count, when last seen.
-- No user, session, address or IP: it tells admins what the catalog lacks, not who asked.
create table commerce.search_zero_results (
  day date not null,
  locale text not null,
  query text not null check (length(query) between 1 and 100),
  searches integer not null default 1,
  last_seen timestamptz not null default now(),
  primary key (day, locale, query)
);
