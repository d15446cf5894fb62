import { createHash } from 'node:crypto';
import type { ContactKind, UnitKind } from '@kontor/contracts';
import { sql } from 'kysely';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  HOSPITAL_FUNCTIONS,
  HOSPITAL_TITLES,
  PRIMARY_CARE_FUNCTIONS,
  PRIMARY_CARE_TITLES,
} from '../apps/server/src/directory/demo-data.js';
import {
  editableFunction,
  editablePerson,
  editableUnit,
  searchableDigits,
} from '../apps/server/src/directory/editable.js';
import { random } from '../apps/server/src/directory/seed-demo.js';
import { REPLICATED_COLUMNS } from '../apps/server/src/directory/tables.js';
import { foldForSearch } from '../apps/server/src/directory/text-keys.js';
import type { Db } from '../apps/server/src/platform/platform.js';

/**
 * A large invented region for the search benchmark, in the demo region's proportions and words: about 30 people
 * per unit, two or three functions per unit, two or three contact points per person. The same count gives the
 * same rows on every run and store (seeded generator, ids derived from a counter).
 */

const TOWNS = [
  'Kumla',
  'Hallsberg',
  'Askersund',
  'Nora',
  'Degerfors',
  'Laxå',
  'Lekeberg',
  'Hällefors',
  'Ljusnarsberg',
  'Arboga',
  'Köping',
  'Kristinehamn',
  'Filipstad',
  'Mariestad',
  'Västerås',
  'Eskilstuna',
  'Katrineholm',
  'Motala',
  'Skövde',
  'Lidköping',
];
const CLINICS = [
  'Kirurgiska kliniken',
  'Medicinska kliniken',
  'Ortopediska kliniken',
  'Kvinnokliniken',
  'Barn- och ungdomskliniken',
  'Psykiatriska kliniken',
  'Anestesi- och intensivvårdskliniken',
  'Infektionskliniken',
  'Röntgenkliniken',
  'Onkologiska kliniken',
  'Neurologiska kliniken',
  'Hjärtkliniken',
];
const UNITS = ['Vårdavdelning', 'Mottagning', 'Dagvård', 'Operationsenhet', 'Akutmottagning', 'Jourmottagning'];
const PEOPLE_PER_UNIT = 30;

/** A deterministic UUID (v4 layout) for the n-th generated row. */
function uuidOf(n: number): string {
  const hex = createHash('sha1').update(`kontor-bench-directory-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** "0196012345" → "019-601 23 45": Örebro's area code, as the region's numbers look. */
const landline = (n: number) => {
  const digits = String(6_000_000 + n).padStart(7, '0');
  return `019-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
};
const mobile = (n: number) => {
  const digits = String(n).padStart(7, '0');
  return `070-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
};

type Row = Record<string, unknown>;

export interface BulkDirectory {
  units: Row[];
  people: Row[];
  functions: Row[];
  contacts: Row[];
}

/** Units, people, functions and contact points for `people` people, below an existing root unit. */
export function generateDirectory(people: number, rootId: string): BulkDirectory {
  const next = random(50_000 + people);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  let counter = 0;
  let numbers = 0;
  const rows: BulkDirectory = { units: [], people: [], functions: [], contacts: [] };
  const contact = (owner: Row, kind: ContactKind, value: string, label: string, priority: number) =>
    rows.contacts.push({
      id: uuidOf(counter++),
      unit_id: null,
      person_id: null,
      function_id: null,
      ...owner,
      kind,
      label,
      value,
      priority,
      digits: searchableDigits(kind, value),
    });
  const unit = (parentId: string, kind: UnitKind, name: string) => {
    const id = uuidOf(counter++);
    rows.units.push({
      id,
      parent_id: parentId,
      kind,
      name,
      description: '',
      ...editableUnit.derived({ parentId, kind, name, description: '' }),
    });
    contact({ unit_id: id }, 'phone', landline(numbers++), kind === 'unit' ? 'Expedition' : 'Växel', 1);
    if (kind !== 'unit') contact({ unit_id: id }, 'address', `Exempelgatan ${rows.units.length}, ${name}`, 'Besök', 5);
    return id;
  };
  const staff = (unitId: string, count: number, titles: readonly string[], functions: readonly string[]) => {
    const ids: string[] = [];
    for (let i = 0; i < count && rows.people.length < people; i += 1) {
      const id = uuidOf(counter++);
      const person = { unitId, givenName: pick(GIVEN_NAMES), familyName: pick(FAMILY_NAMES), title: pick(titles) };
      rows.people.push({
        id,
        unit_id: unitId,
        given_name: person.givenName,
        family_name: person.familyName,
        title: person.title,
        ...editablePerson.derived(person),
      });
      contact({ person_id: id }, 'phone', landline(numbers++), 'Direkt', 1);
      if (next() < 0.4) contact({ person_id: id }, 'mobile', mobile(numbers++), 'Tjänstemobil', 2);
      const email = foldForSearch(`${person.givenName}.${person.familyName}`).replace(/\s+/g, '');
      contact({ person_id: id }, 'email', `${email}${rows.people.length}@region.example`, 'E-post', 3);
      ids.push(id);
    }
    functions.forEach((name, index) => {
      const id = uuidOf(counter++);
      const holderId = ids[index] ?? null;
      rows.functions.push({
        id,
        unit_id: unitId,
        name,
        holder_id: holderId,
        ...editableFunction.derived({ unitId, name, holderId }),
      });
      if (/jour/i.test(name)) contact({ function_id: id }, 'mobile', mobile(numbers++), 'Jourtelefon', 1);
      contact({ function_id: id }, 'pager', `Sökare ${10_000 + rows.functions.length}`, 'Personsökare', 2);
    });
  };

  // A tenth of the people work in primary care, the rest in hospitals: clinics of twelve units each.
  const primaryCare = Math.ceil((people * 0.1) / PEOPLE_PER_UNIT);
  for (let i = 0; i < primaryCare; i += 1) {
    const centre = unit(rootId, 'primary_care', `Vårdcentralen ${TOWNS[i % TOWNS.length]} ${Math.floor(i / 20) + 1}`);
    staff(centre, PEOPLE_PER_UNIT, PRIMARY_CARE_TITLES, PRIMARY_CARE_FUNCTIONS);
  }
  for (let h = 0; rows.people.length < people; h += 1) {
    const town = `${TOWNS[h % TOWNS.length]}${h >= TOWNS.length ? ` ${Math.floor(h / TOWNS.length) + 1}` : ''}`;
    const hospital = unit(rootId, 'hospital', `Lasarettet i ${town}`);
    staff(hospital, 0, HOSPITAL_TITLES, ['Sjukhusets ledningsfunktion']);
    for (let c = 0; c < CLINICS.length && rows.people.length < people; c += 1) {
      const clinic = unit(hospital, 'clinic', `${CLINICS[c]} ${town}`);
      staff(clinic, 0, HOSPITAL_TITLES, ['Verksamhetschef']);
      for (let u = 0; u < 12 && rows.people.length < people; u += 1) {
        const ward = unit(clinic, 'unit', `${UNITS[u % UNITS.length]} ${h + 1}${c + 1}${u + 1}`);
        staff(ward, PEOPLE_PER_UNIT, HOSPITAL_TITLES, HOSPITAL_FUNCTIONS);
      }
    }
  }
  return rows;
}

/** The tables the bench fills; every column of each travels, as the directory declares. */
const COLUMNS = {
  'directory.units': REPLICATED_COLUMNS['directory.units'],
  'directory.people': REPLICATED_COLUMNS['directory.people'],
  'directory.functions': REPLICATED_COLUMNS['directory.functions'],
  'directory.contact_points': REPLICATED_COLUMNS['directory.contact_points'],
};
const CHUNK = 5_000;

/**
 * Loads the rows in one transaction, 5,000 rows per statement as one JSON parameter. Capture is off
 * (`kontor.applying`), as on a hub whose log of these rows was written long ago; the indexes are all there.
 */
export async function loadDirectory(db: Db, rows: BulkDirectory): Promise<void> {
  const tables: Array<[keyof typeof COLUMNS, Row[]]> = [
    ['directory.units', rows.units],
    ['directory.people', rows.people],
    ['directory.functions', rows.functions],
    ['directory.contact_points', rows.contacts],
  ];
  await db.transaction().execute(async (trx) => {
    await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
    for (const [table, list] of tables) {
      const columns = sql.join(COLUMNS[table].map((column) => sql.ref(column)));
      for (let start = 0; start < list.length; start += CHUNK) {
        const json = JSON.stringify(list.slice(start, start + CHUNK));
        await sql`insert into ${sql.table(table)} (${columns})
          select ${columns} from jsonb_populate_recordset(null::${sql.table(table)}, ${json}::jsonb)`.execute(trx);
      }
    }
  });
  await sql`analyze`.execute(db);
}
