import { randomUUID } from 'node:crypto';
import type { ContactKind } from '@kontor/contracts';
import { systemContext } from '../platform/context.js';
import type { Platform } from '../platform/platform.js';
import {
  type DemoUnit,
  demoRegion,
  FAMILY_NAMES,
  GIVEN_NAMES,
  HOSPITAL_TITLES,
  PRIMARY_CARE_TITLES,
} from './demo-data.js';
import { editableFunction, editablePerson, editableUnit, searchableDigits } from './editable.js';
import type { DirectoryDb } from './tables.js';
import { foldForSearch } from './text-keys.js';

/** A small seeded generator, so the demo region is the same on every start and in every test (and bench). */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Numbers from the ranges PTS reserves for use in fiction, so no demo number rings a real phone. */
function* fictitiousNumbers(ranges: Array<{ prefix: string; from: number; to: number }>) {
  for (const range of ranges) {
    for (let n = range.from; n <= range.to; n += 1) yield `${range.prefix}${String(n).padStart(2, '0')}`;
  }
}

const landlines = () =>
  fictitiousNumbers([
    { prefix: '08-465 004 ', from: 0, to: 99 },
    { prefix: '031-390 06 ', from: 0, to: 99 },
    { prefix: '040-628 04 ', from: 0, to: 99 },
    { prefix: '0980-319 ', from: 200, to: 299 },
  ]);
const mobiles = () => fictitiousNumbers([{ prefix: '070-174 06 ', from: 5, to: 99 }]);

type Row = Record<string, unknown>;

/** Builds the demo rows in memory; ids are fresh, everything else is the same every time. */
function buildDemo(now: Date) {
  const next = random(20_260_203);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const landline = landlines();
  const mobile = mobiles();
  const take = (numbers: Generator<string>) => {
    const { value, done } = numbers.next();
    if (done) throw new Error('the demo ran out of fictitious numbers');
    return value;
  };
  let pager = 4100;
  const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;
  const listed = (unit: DemoUnit): string[] => [
    ...(unit.people ?? []).map(fullName),
    ...(unit.children ?? []).flatMap(listed),
  ];
  // Generated people never take the name of someone the demo lists by name.
  const usedNames = new Set(listed(demoRegion));
  const rows = {
    units: [] as Row[],
    people: [] as Row[],
    functions: [] as Row[],
    contacts: [] as Row[],
    notices: [] as Row[],
  };
  const contact = (owner: Row, kind: ContactKind, value: string, label: string, priority: number) =>
    rows.contacts.push({
      id: randomUUID(),
      ...owner,
      kind,
      value,
      label,
      priority,
      digits: searchableDigits(kind, value),
    });

  const addUnit = (unit: DemoUnit, parentId: string | null) => {
    const id = randomUUID();
    const input = { parentId, kind: unit.kind, name: unit.name, description: unit.description ?? '' };
    rows.units.push({
      id,
      parent_id: parentId,
      kind: unit.kind,
      name: unit.name,
      description: input.description,
      ...editableUnit.derived(input),
    });
    const owner = { unit_id: id };
    contact(owner, 'phone', take(landline), unit.kind === 'unit' ? 'Expedition' : 'Växel', 1);
    if (unit.radio) contact(owner, 'radio', unit.radio, 'RAKEL-talgrupp', 2);
    if (unit.kind === 'region' || unit.kind === 'hospital') {
      contact(
        owner,
        'satellite',
        `+881 6${String(rows.units.length).padStart(2, '0')} 000 000`,
        'Satellittelefon (påhittat nummer)',
        3,
      );
      contact(owner, 'address', `Exempelgatan ${rows.units.length}, 701 85 Örebro`, 'Besöksadress', 5);
    }
    if (unit.fallback) contact(owner, 'fallback', unit.fallback, 'Om systemen ligger nere', 9);

    const titles = unit.kind === 'primary_care' ? PRIMARY_CARE_TITLES : HOSPITAL_TITLES;
    const staff = [...(unit.people ?? [])];
    for (let i = 0; i < (unit.staff ?? 0); i += 1) {
      let givenName = pick(GIVEN_NAMES);
      let familyName = pick(FAMILY_NAMES);
      while (usedNames.has(`${givenName} ${familyName}`))
        [givenName, familyName] = [pick(GIVEN_NAMES), pick(FAMILY_NAMES)];
      staff.push({ givenName, familyName, title: pick(titles) });
    }
    const holders = new Map<string, string>();
    for (const person of staff) {
      usedNames.add(fullName(person));
      const personId = randomUUID();
      const input = { unitId: id, givenName: person.givenName, familyName: person.familyName, title: person.title };
      rows.people.push({
        id: personId,
        unit_id: id,
        given_name: person.givenName,
        family_name: person.familyName,
        title: person.title,
        ...editablePerson.derived(input),
      });
      contact({ person_id: personId }, 'phone', take(landline), 'Direkt', 1);
      if (next() < 0.4 || person.holds) contact({ person_id: personId }, 'mobile', take(mobile), 'Tjänstemobil', 2);
      const email = foldForSearch(`${person.givenName}.${person.familyName}`).replace(/\s+/g, '');
      contact({ person_id: personId }, 'email', `${email}@regionorebrolan.example`, 'E-post', 3);
      if (person.holds) holders.set(person.holds, personId);
    }
    for (const name of unit.functions ?? []) {
      const functionId = randomUUID();
      const holderId = holders.get(name) ?? null;
      rows.functions.push({
        id: functionId,
        unit_id: id,
        name,
        holder_id: holderId,
        ...editableFunction.derived({ unitId: id, name, holderId }),
      });
      const owner = { function_id: functionId };
      if (/jour|TiB|ledning/i.test(name)) contact(owner, 'mobile', take(mobile), 'Jourtelefon', 1);
      contact(owner, 'pager', `Sökare ${pager++}`, 'Personsökare', 2);
    }
    for (const notice of unit.notices ?? []) {
      const publishAt = new Date(now.getTime() - notice.daysAgo * 86_400_000);
      rows.notices.push({
        id: randomUUID(),
        unit_id: id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        publish_at: publishAt,
        unpublished: notice.unpublished ?? false,
      });
    }
    for (const child of unit.children ?? []) addUnit(child, id);
  };
  addUnit(demoRegion, null);
  return rows;
}

/** Region Örebro län's directory, once: a hub that has any unit keeps what it has. */
export async function seedDirectoryDemo(platform: Platform): Promise<void> {
  await platform.transaction(async (trx) => {
    const db: DirectoryDb = trx.withTables();
    if (await db.selectFrom('directory.units').select('id').limit(1).executeTakeFirst()) return;
    const rows = buildDemo(new Date());
    // Parents before children: the capture trigger logs them in this order and clients apply them so.
    await trx.insertInto('directory.units').values(rows.units).execute();
    await trx.insertInto('directory.people').values(rows.people).execute();
    await trx.insertInto('directory.functions').values(rows.functions).execute();
    await trx.insertInto('directory.contact_points').values(rows.contacts).execute();
    await trx.insertInto('directory.notices').values(rows.notices).execute();
    await platform.audit.record(trx, systemContext('demo'), {
      action: 'directory.seed',
      entity: 'directory',
      after: Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length])),
    });
  });
}
