import { createHash } from 'node:crypto';
import type { DirectoryEntry, UnitSummary } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DirectoryService } from '../src/directory/directory-service.js';
import { editablePerson, searchableDigits } from '../src/directory/editable.js';
import { systemContext } from '../src/platform/context.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const GIVEN = ['Anna', 'Per', 'Sara', 'Jörgen', 'Åsa', 'Lena'];
const FAMILY = ['Lindqvist', 'Lind', 'Berg', 'Annasson', 'Öberg', 'Sandberg', 'Ek'];
const TITLES = ['Sjuksköterska', 'Överläkare', 'Undersköterska'];
const PEOPLE = 1_200;
const swedish = new Intl.Collator('sv');

/** The same id for the same row on every store, so both must answer alike, entry for entry. */
const idOf = (n: number) => {
  const hex = createHash('sha1').update(`directory-search-test-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * Search at a scale where the plan matters (docs/directory.md, "Search"): a thousand people more, written
 * straight into the tables as a bulk load or a sync would, so the word index is kept by its triggers alone.
 */
describeEachStore('directory search', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let reader: Session;
  let ward: UnitSummary;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    reader = await node.userWith(['directory.read']);
    const units: UnitSummary[] = (
      await node.app.inject({ url: '/api/directory/units', headers: reader.headers })
    ).json();
    ward = units.find((unit) => unit.name === 'Ortopedavdelning 71') as UnitSummary;
    const people = Array.from({ length: PEOPLE }, (_, n) => {
      const person = {
        unitId: ward.id,
        givenName: GIVEN[n % GIVEN.length] as string,
        familyName: FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length] as string,
        title: TITLES[n % TITLES.length] as string,
      };
      return {
        id: idOf(n),
        unit_id: person.unitId,
        given_name: person.givenName,
        family_name: person.familyName,
        title: person.title,
        ...editablePerson.derived(person),
      };
    });
    const contacts = people.map((person, n) => ({
      id: idOf(PEOPLE + n),
      person_id: person.id,
      kind: 'phone' as const,
      label: 'Direkt',
      value: `019-602 ${String(1000 + n).slice(0, 2)} ${String(1000 + n).slice(2)}`,
      priority: 1,
      digits: searchableDigits('phone', `019-602 ${1000 + n}`),
    }));
    const db = node.platform.db;
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
      await trx.insertInto('directory.people').values(people).execute();
      await trx.insertInto('directory.contact_points').values(contacts).execute();
    });
    await sql`analyze`.execute(db);
  });
  afterAll(async () => {
    await node.close();
    await release();
  });

  const search = async (q: string, limit = 20): Promise<DirectoryEntry[]> =>
    (
      await expectStatus(
        node.app.inject({ url: '/api/directory/search', query: { q, limit: String(limit) }, headers: reader.headers }),
        200,
      )
    ).json().results;
  const titles = (entries: DirectoryEntry[]) => entries.map((entry) => entry.title);

  it('keeps a word index of every searchable text, with where each word occurs', async () => {
    const words = await sql<{ word: string; kinds: number }>`
      select word, kinds from directory.search_words where word in ('lindqvist', 'annasson', 'ortopedavdelning')
      order by word`.execute(node.platform.db);
    // 2 people, 2 << 6 as a family name (the second word); 1 unit names, 1 << 3 as a unit name's first word.
    expect(words.rows).toEqual([
      { word: 'annasson', kinds: 2 | (2 << 6) },
      { word: 'lindqvist', kinds: 2 | (2 << 6) },
      { word: 'ortopedavdelning', kinds: 1 | (1 << 3) },
    ]);
  });

  it('puts an entry whose text starts with the word before one with the word further in, each in Swedish order', async () => {
    const found = await search('anna');
    expect(found).toHaveLength(20);
    expect(found.every((entry) => entry.title.startsWith('Anna '))).toBe(true);
    const families = found.map((entry) => entry.title.slice('Anna '.length));
    expect(families).toEqual([...families].sort(swedish.compare));
    const everyAnna = (await new DirectoryService(node.platform).search(systemContext('test'), 'anna', 300)).results;
    const firstOther = everyAnna.findIndex((entry) => !entry.title.startsWith('Anna '));
    expect(firstOther).toBeGreaterThan(200);
    expect(everyAnna[firstOther]?.title).toMatch(/ Annasson$/);
    expect(everyAnna.slice(firstOther).every((entry) => !entry.title.startsWith('Anna '))).toBe(true);
  });

  it('answers one letter with the first page, entries starting with it first, units before people', async () => {
    const found = await search('o');
    expect(found).toHaveLength(20);
    const leadingUnits = found
      .slice(
        0,
        found.findIndex((entry) => entry.kind !== 'unit'),
      )
      .map((entry) => entry.title);
    expect(leadingUnits[0]).toBe('Operation och anestesi');
    expect(leadingUnits).toEqual([...leadingUnits].sort(swedish.compare));
    // Folded: "o" finds Ö as well (Öberg, Överläkare).
    expect(found.every((entry) => /(^|[\s(])[oöOÖ]/.test(`${entry.title} ${entry.subtitle}`))).toBe(true);
  });

  it('finds a family name shared by hundreds, and a typo of one, by the word index', async () => {
    const lind = await search('lind');
    expect(lind).toHaveLength(20);
    expect(lind.every((entry) => / Lind(qvist)?$/.test(entry.title) || entry.kind !== 'person')).toBe(true);
    const typo = await search('lindkvist');
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.every((entry) => entry.title.endsWith('Lindqvist'))).toBe(true);
    expect(await search('qqqzzz')).toEqual([]);
  });

  it('finds numbers that start with the digits first, in numeric order', async () => {
    const found = await search('019-602 10');
    expect(found).toHaveLength(20);
    const numbers = found.map((entry) => entry.contacts[0]?.value ?? '');
    expect(numbers.every((value) => value.replace(/\D/g, '').startsWith('01960210'))).toBe(true);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('finds words of records written later, a name changed to one nobody had', async () => {
    const [first] = await search('anna annasson');
    await expectStatus(
      node.app.inject({
        method: 'PUT',
        url: `/api/directory/people/${first?.id}`,
        headers: node.admin.headers,
        payload: { unitId: ward.id, givenName: 'Anna', familyName: 'Zackrisdotter', title: 'Sjuksköterska' },
      }),
      200,
    );
    expect(titles(await search('zackrisdotter'))).toEqual(['Anna Zackrisdotter']);
    expect(titles(await search('zakrisdotter'))).toEqual(['Anna Zackrisdotter']);
  });
});
