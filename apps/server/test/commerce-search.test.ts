import type { ShopSearchAnswer, ShopSearchFacet } from '@kontor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SearchFixture, seedSearchFixture } from './commerce-search-fixtures.js';
import { describeEachStore } from './stores.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

describeEachStore('commerce search: text, facets, sorting, validation', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let fixture: SearchFixture;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    fixture = await seedSearchFixture(node.platform.db);
    await expectStatus(
      node.app.inject({ method: 'POST', url: '/api/commerce/search/rebuild', headers: node.admin.headers }),
      200,
    );
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  /** A search as a guest (no session), with the query string as written. */
  const search = async (query: string): Promise<ShopSearchAnswer> =>
    (await expectStatus(node.app.inject({ method: 'GET', url: `/api/shop/search?${query}` }), 200)).json();
  const slugs = (answer: ShopSearchAnswer) => answer.hits.map((hit) => hit.slug);
  const facet = (answer: ShopSearchAnswer, name: string): ShopSearchFacet | undefined =>
    answer.facets.find((candidate) => candidate.name === name);
  const counts = (answer: ShopSearchAnswer, name: string) =>
    Object.fromEntries((facet(answer, name)?.values ?? []).map((value) => [value.value, value.count]));

  it('finds products by full text, the last word as a prefix, published ones only', async () => {
    const answer = await search('q=propeller');
    expect(answer.textMatch).toBe('full_text');
    expect(slugs(answer).sort()).toEqual(['solas-amita-propeller-yamaha-f40', 'solas-saturn-rostfri-propeller']);
    expect(answer.total).toBe(2);
    const prefix = await search('q=solas%20prop');
    expect(prefix.total).toBe(2);
    // By article number and EAN too.
    expect(slugs(await search('q=SOL-SATURN-15'))).toEqual(['solas-saturn-rostfri-propeller']);
    expect(slugs(await search('q=7350000000013'))).toEqual(['solas-amita-propeller-yamaha-f40']);
  });

  it('answers hits with the campaign price, the regular one and the lowest of the 30 days before', async () => {
    const answer = await search('q=amita');
    expect(answer.hits).toHaveLength(1);
    expect(answer.hits[0]).toMatchObject({
      id: fixture.products.amita,
      slug: 'solas-amita-propeller-yamaha-f40',
      name: 'Solas Amita propeller för Yamaha F40',
      brand: { slug: 'solas', name: 'Solas' },
      priceMinor: 99_900,
      regularPriceMinor: 129_900,
      lowestPrice30dMinor: 129_900,
      imageId: fixture.mediaId,
      imageUrl: `/shop/media/${fixture.mediaId}`,
      inStock: true,
      url: '/shop/p/solas-amita-propeller-yamaha-f40',
    });
    const english = await search('q=amita&locale=en');
    expect(english.hits[0]).toMatchObject({
      name: 'Solas Amita propeller for Yamaha F40',
      url: '/shop/p/solas-amita-propeller-yamaha-f40?lang=en',
    });
    const regular = await search('q=impellersats');
    expect(regular.hits[0]).toMatchObject({ priceMinor: 44_900, regularPriceMinor: null, lowestPrice30dMinor: null });
  });

  it('tolerates misspellings when full text finds little', async () => {
    const answer = await search('q=garmn%20strikr');
    expect(answer.textMatch).toBe('fuzzy');
    expect(slugs(answer)[0]).toBe('garmin-striker-4');
    const swedish = await search('q=flytvast');
    expect(slugs(swedish)).toContain('baltic-flytvast-100n');
  });

  it('filters by fitment: a model, or a model in a year, in either spelling', async () => {
    const model = await search('facet.fitment=yamaha-f40');
    expect(slugs(model).sort()).toEqual(['solas-amita-propeller-yamaha-f40', 'yamaha-impellersats']);
    const year = await search('q=propeller&facet.fitment=Yamaha%20F40%202015');
    expect(slugs(year)).toEqual(['solas-amita-propeller-yamaha-f40']);
    expect(slugs(await search('facet.fitment=yamaha-f40-2015'))).toEqual(['solas-amita-propeller-yamaha-f40']);
    expect(slugs(await search('facet.fitment=yamaha-f40-2008'))).toEqual(['yamaha-impellersats']);
    // The years of the chosen model, counted without the fitment filter, go back in facet.fitment.
    const years = facet(year, 'fitment_year');
    expect(years?.param).toBe('facet.fitment');
    expect(years?.values.find((value) => value.value === 'yamaha-f40-2015')).toMatchObject({
      label: '2015',
      count: 1,
      selected: true,
    });
    expect(counts(model, 'fitment_year')['yamaha-f40-2008']).toBe(1);
    expect(counts(model, 'fitment_year')['yamaha-f40-2011']).toBe(2);
    // Models are counted over the search without the fitment filter.
    expect(counts(year, 'fitment')).toMatchObject({ 'yamaha-f40': 1, 'yamaha-f50': 1, 'mercury-f60-efi': 1 });
  });

  it('counts each facet over the other facets’ filters (disjunctive faceting)', async () => {
    const answer = await search('facet.brand=solas');
    expect(answer.total).toBe(2);
    // Brand counts leave the brand filter out: the other brands stay selectable.
    expect(counts(answer, 'brand')).toMatchObject({ solas: 2, yamaha: 1, garmin: 1, baltic: 1, shimano: 1 });
    expect(facet(answer, 'brand')?.values.find((value) => value.value === 'solas')?.selected).toBe(true);
    // Other facets count within Solas.
    expect(counts(answer, 'category')).toEqual({ motordelar: 2, propellrar: 2 });
    expect(counts(answer, 'material')).toEqual({ aluminium: 1, steel: 1 });
    const both = await search('facet.brand=solas&facet.material=steel');
    expect(slugs(both)).toEqual(['solas-saturn-rostfri-propeller']);
    expect(counts(both, 'material')).toEqual({ aluminium: 1, steel: 1 });
    expect(counts(both, 'brand')).toEqual({ solas: 1 });
    // Alternatives within a facet.
    const either = await search('facet.brand=garmin&facet.brand=shimano');
    expect(slugs(either).sort()).toEqual(['garmin-striker-4', 'shimano-spinnrulle']);
  });

  it('includes sub-categories and answers the category tree with parents', async () => {
    const answer = await search('facet.category=motordelar');
    expect(answer.total).toBe(3);
    const tree = facet(answer, 'category');
    expect(tree?.kind).toBe('tree');
    expect(tree?.values.find((value) => value.value === 'propellrar')).toMatchObject({
      label: 'Propellrar',
      count: 2,
      parent: 'motordelar',
    });
    // The category's own counts leave its filter out: every top category shows.
    expect(counts(answer, 'category')).toMatchObject({ motordelar: 3, elektronik: 1, sakerhet: 1, fiske: 1 });
    const english = await search('facet.category=propellrar&locale=en');
    expect(facet(english, 'category')?.values.find((value) => value.value === 'propellrar')?.label).toBe('Propellers');
    expect((await search('facet.category=finns-inte')).total).toBe(0);
  });

  it('filters by price ranges and attributes, and answers price buckets and the range', async () => {
    const cheap = await search('facet.price=0-100000');
    expect(slugs(cheap).sort()).toEqual([
      'baltic-flytvast-100n',
      'solas-amita-propeller-yamaha-f40',
      'yamaha-impellersats',
    ]);
    const open = await search('facet.price=150000-');
    expect(slugs(open).sort()).toEqual(['garmin-striker-4', 'solas-saturn-rostfri-propeller']);
    const price = facet(cheap, 'price');
    expect(price?.kind).toBe('range');
    // Buckets count without the price filter; 999 kr and 899 kr share 500–1 000 kr.
    expect(price?.values.find((value) => value.value === '50000-99999')?.count).toBe(2);
    expect(price?.values.find((value) => value.value === '0-100000')).toMatchObject({ selected: true, count: 3 });
    expect(cheap.priceRange).toEqual({ min: 44_900, max: 349_000 });
    expect(slugs(await search('facet.waterproof=true'))).toEqual(['garmin-striker-4']);
    expect(slugs(await search('facet.pitch_in=15'))).toEqual(['solas-saturn-rostfri-propeller']);
    expect(slugs(await search('facet.pitch_in=14.0'))).toEqual(['solas-amita-propeller-yamaha-f40']);
    // An option axis that is a facet attribute: the life jacket comes in red and yellow.
    expect(slugs(await search('facet.colour=yellow'))).toEqual(['baltic-flytvast-100n']);
    expect(facet(await search('q=propeller'), 'pitch_in')?.values.map((value) => value.value)).toEqual([
      '13',
      '14',
      '15',
    ]);
  });

  it('leaves out what is not in stock when asked, and what has no price in the currency', async () => {
    const stocked = await search('q=propeller&in_stock=true');
    expect(slugs(stocked)).toEqual(['solas-amita-propeller-yamaha-f40']);
    const euros = await search('currency=EUR&sort=price_asc');
    expect(euros.currency).toBe('EUR');
    expect(euros.hits.map((hit) => [hit.slug, hit.priceMinor])).toEqual([
      ['euro-ankare', 4_900],
      ['solas-amita-propeller-yamaha-f40', 11_900],
      ['garmin-striker-4', 16_900],
    ]);
    expect(slugs(await search('sort=price_asc'))).not.toContain('euro-ankare');
  });

  it('sorts by price, name (Swedish order), newest and relevance, and pages', async () => {
    const all = await search('sort=price_desc');
    expect(all.total).toBe(6);
    expect(all.hits.map((hit) => hit.priceMinor)).toEqual([349_000, 179_000, 119_900, 99_900, 89_900, 44_900]);
    expect(slugs(await search('sort=newest')).slice(0, 2)).toEqual(['shimano-spinnrulle', 'baltic-flytvast-100n']);
    const byName = await search('sort=name');
    expect(byName.hits.map((hit) => hit.name)).toEqual(
      [...byName.hits.map((hit) => hit.name)].sort(new Intl.Collator('sv').compare),
    );
    const page2 = await search('sort=price_desc&size=2&page=2');
    expect(page2.hits.map((hit) => hit.priceMinor)).toEqual([119_900, 99_900]);
    expect(page2).toMatchObject({ page: 2, size: 2, total: 6 });
    // With text, the name's words weigh most.
    expect(slugs(await search('q=yamaha'))[0]).toBe('yamaha-impellersats');
  });

  it('refuses unknown facets and parameters with their paths, and currencies the shop does not sell in', async () => {
    const unknown = await node.app.inject({ method: 'GET', url: '/api/shop/search?facet.colur=red&facet.brand=solas' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({
      code: 'commerce.unknown_facet',
      errors: [{ path: 'querystring.facet.colur', code: 'unknown_facet' }],
    });
    const parameter = await node.app.inject({ method: 'GET', url: '/api/shop/search?colour=red' });
    expect(parameter.statusCode).toBe(400);
    expect(parameter.json().errors).toEqual([expect.objectContaining({ path: 'querystring.colour' })]);
    const price = await node.app.inject({ method: 'GET', url: '/api/shop/search?facet.price=cheap' });
    expect(price.statusCode).toBe(400);
    expect(price.json().errors[0]).toMatchObject({ path: 'querystring.facet.price', code: 'invalid_facet_value' });
    const currency = await node.app.inject({ method: 'GET', url: '/api/shop/search?currency=nok' });
    expect(currency.statusCode).toBe(422);
    expect(currency.json()).toMatchObject({
      code: 'commerce.unsold_currency',
      errors: [{ path: 'querystring.currency' }],
    });
    const locale = await node.app.inject({ method: 'GET', url: '/api/shop/search?locale=de' });
    expect(locale.statusCode).toBe(400);
    expect(locale.json().errors[0].path).toBe('querystring.locale');
    for (const bad of ['size=101', 'page=0', 'sort=cheapest', 'page=200&size=100']) {
      expect((await node.app.inject({ method: 'GET', url: `/api/shop/search?${bad}` })).statusCode, bad).toBe(400);
    }
  });
});
