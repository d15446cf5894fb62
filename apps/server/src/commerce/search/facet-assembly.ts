import { bucketRange, rangeLabel, rangeValue } from './price-buckets.js';
import type { Facet, FacetCounts, FacetValue, ProductSearchRequest } from './product-search-engine.js';
import type { BucketRow, CountRow, FacetAttributeRow, TermRow } from './search-sql.js';

/** What the engine counted for one search, to be turned into the answer's facets. */
export interface FacetInputs {
  request: ProductSearchRequest;
  defaultLocale: string;
  /** Every term counted or named by a filter, by id. */
  terms: Map<number, TermRow>;
  /** Counts of the unfiltered facets over all the filters. */
  over: CountRow[];
  /** Counts of each filtered facet (brand, category, fitment, attr:<key>) without its own filter. */
  without: Map<string, CountRow[]>;
  /** Counts of the selected models' years without the fitment filter. */
  years: CountRow[];
  buckets: BucketRow[];
  thresholds: number[];
  total: number;
  attributes: FacetAttributeRow[];
}

/** At most this many values of a facet are answered (the selected ones always); categories and years all. */
const VALUE_LIMIT = 50;

/** The built-in facets' names; an attribute facet is named by its attribute. */
const FACET_NAMES: Record<string, Record<string, string>> = {
  category: { sv: 'Kategori', en: 'Category' },
  brand: { sv: 'Varumärke', en: 'Brand' },
  price: { sv: 'Pris', en: 'Price' },
  fitment: { sv: 'Passar till', en: 'Fits' },
  fitment_year: { sv: 'Årsmodell', en: 'Model year' },
};

const inLocale = (text: Record<string, string>, locale: string, fallback: string, last: string) =>
  text[locale] ?? text['*'] ?? text[fallback] ?? text.en ?? last;

const collators = new Map<string, Intl.Collator>();
const collatorOf = (locale: string) => {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator;
};

/** Turns counts into the answer's facets, in the order a filter panel shows them. */
export function buildFacets(inputs: FacetInputs): FacetCounts {
  const { request, terms, defaultLocale } = inputs;
  const locale = request.locale;
  const collator = collatorOf(locale);
  const labelOf = (term: TermRow) => inLocale(term.label, locale, defaultLocale, term.value);
  const facetName = (name: string) => inLocale(FACET_NAMES[name] ?? {}, locale, defaultLocale, name);

  // Counts per term facet (brand, category, fitment, fitment_year, attr:<key>): a filtered facet's own come from
  // the count without its filter, every other facet's from the count over all filters.
  const counts = new Map<string, Map<number, number>>();
  const put = (row: CountRow, only?: string) => {
    const term = terms.get(row.id);
    if (!term || (only && term.facet !== only)) return;
    if (!only && inputs.without.has(term.facet)) return;
    const facet = counts.get(term.facet) ?? new Map<number, number>();
    facet.set(row.id, row.n);
    counts.set(term.facet, facet);
  };
  for (const row of inputs.over) put(row);
  for (const [facet, rows] of inputs.without) for (const row of rows) put(row, facet);
  for (const row of inputs.years) put(row, 'fitment_year');

  const selected = (facet: string): string[] => {
    const filters = request.filters;
    if (facet === 'brand') return filters.brand ?? [];
    if (facet === 'category') return filters.category ?? [];
    if (facet === 'fitment' || facet === 'fitment_year') return filters.fitment ?? [];
    return filters.attributes?.[facet.slice('attr:'.length)] ?? [];
  };

  /** A facet's values: the counted ones and the selected ones that count nothing (to be unselected). */
  const valuesOf = (facet: string): Array<FacetValue & { term?: TermRow }> => {
    const chosen = new Set(selected(facet));
    const values: Array<FacetValue & { term?: TermRow }> = [];
    for (const [id, count] of counts.get(facet) ?? []) {
      const term = terms.get(id) as TermRow;
      values.push({
        value: term.value,
        label: labelOf(term),
        count,
        selected: chosen.has(term.value),
        ...(term.parent ? { parent: term.parent } : {}),
        term,
      });
      chosen.delete(term.value);
    }
    for (const value of chosen) {
      const term = [...terms.values()].find((candidate) => candidate.facet === facet && candidate.value === value);
      // A fitment value names a model or a model year: it is shown under the facet it names.
      if (!term && (facet === 'fitment' || facet === 'fitment_year')) continue;
      values.push({ value, label: term ? labelOf(term) : value, count: 0, selected: true, ...(term ? { term } : {}) });
    }
    return values;
  };

  const limited = (values: Array<FacetValue & { term?: TermRow }>) =>
    values.filter((value, index) => index < VALUE_LIMIT || value.selected).map(({ term: _term, ...value }) => value);
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || collator.compare(a.label, b.label);
  const byPosition = (a: { term?: TermRow; label: string }, b: { term?: TermRow; label: string }) =>
    (a.term?.position ?? 0) - (b.term?.position ?? 0) || collator.compare(a.label, b.label);
  const byNumber = (a: FacetValue, b: FacetValue) => Number(a.value) - Number(b.value);

  const facets: Facet[] = [];
  const add = (facet: Facet) => {
    if (facet.values.length > 0) facets.push(facet);
  };
  const termsFacet = (name: string, kind: Facet['kind'], values: FacetValue[], param = `facet.${name}`): Facet => ({
    name,
    param,
    label: facetName(name),
    kind,
    values,
  });

  add(
    termsFacet(
      'category',
      'tree',
      valuesOf('category')
        .sort(byPosition)
        .map(({ term: _t, ...value }) => value),
    ),
  );
  add(termsFacet('brand', 'terms', limited(valuesOf('brand').sort(byCount))));
  add(termsFacet('price', 'range', priceValues(inputs)));
  add(termsFacet('fitment', 'terms', limited(valuesOf('fitment').sort((a, b) => collator.compare(a.label, b.label)))));
  add(
    termsFacet(
      'fitment_year',
      'terms',
      valuesOf('fitment_year')
        .sort(byPosition)
        .map(({ term: _t, ...value }) => value),
      'facet.fitment',
    ),
  );
  for (const attribute of inputs.attributes) {
    const values = valuesOf(`attr:${attribute.key}`);
    const sorted =
      attribute.type === 'enum'
        ? values.sort(byPosition)
        : attribute.type === 'number'
          ? values.sort(byNumber)
          : values.sort(byCount);
    add({
      name: attribute.key,
      param: `facet.${attribute.key}`,
      label: inLocale(attribute.name, locale, defaultLocale, attribute.key),
      kind: 'terms',
      type: attribute.type,
      unit: attribute.unit,
      values: limited(sorted),
    });
  }

  const priced = inputs.buckets.filter((bucket) => bucket.n > 0);
  const priceRange =
    priced.length === 0
      ? null
      : {
          min: Math.min(...priced.map((bucket) => Number(bucket.low))),
          max: Math.max(...priced.map((bucket) => Number(bucket.high))),
        };
  return { facets, priceRange };
}

/** The price facet: the buckets that hold products, and the selected ranges. */
function priceValues(inputs: FacetInputs): FacetValue[] {
  const { request, thresholds } = inputs;
  const chosen = new Set((request.filters.price ?? []).map(rangeValue));
  const label = (range: ReturnType<typeof bucketRange>) =>
    rangeLabel(range, request.locale, request.currency, request.currencyExponent);
  const values: FacetValue[] = [];
  for (const bucket of inputs.buckets) {
    if (bucket.n === 0 || bucket.bucket < 1) continue;
    const range = bucketRange(thresholds, bucket.bucket);
    const value = rangeValue(range);
    values.push({ value, label: label(range), count: bucket.n, selected: chosen.has(value) });
    chosen.delete(value);
  }
  // A range of the customer's own (a slider): its count is the total when it is the only price filter.
  for (const range of request.filters.price ?? []) {
    const value = rangeValue(range);
    if (!chosen.has(value)) continue;
    values.push({
      value,
      label: label(range),
      count: (request.filters.price ?? []).length === 1 ? inputs.total : 0,
      selected: true,
    });
  }
  return values;
}
