import type {
  DirectoryBook,
  DirectoryEntry,
  DirectoryEntryKind,
  DirectorySearchResult,
  FunctionSummary,
  PersonDetail,
  PersonSummary,
  UnitDetail,
} from '@kontor/contracts';
import { hasPermission, type RequestContext } from '../platform/context.js';
import { type ExportFormat, toCsv, toXlsx } from '../platform/files/spreadsheet.js';
import { badRequest, notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { directoryRows } from './export.js';
import { favouritesRepository } from './favourites-repository.js';
import {
  type ContactOwner,
  type FunctionRow,
  type OwnedContact,
  type PersonRow,
  readRepository,
} from './read-repository.js';
import { searchRepository } from './search-repository.js';
import type { DirectoryDb } from './tables.js';
import { foldForSearch, phoneDigits } from './text-keys.js';

/** How many contact points a search result or favourite shows: the ones to try first. */
const ENTRY_CONTACTS = 3;
/** A query with this many digits is also looked up as (part of) a number. */
const MIN_NUMBER_DIGITS = 3;

type Contacts = Map<string, OwnedContact[]>;

function groupContacts(contacts: OwnedContact[]): Contacts {
  const grouped: Contacts = new Map();
  for (const { ownerId, ...contact } of contacts) {
    grouped.set(ownerId, [...(grouped.get(ownerId) ?? []), { ownerId, ...contact }]);
  }
  return grouped;
}

const withoutOwner = (contacts: OwnedContact[] = []) => contacts.map(({ ownerId: _owner, ...contact }) => contact);

const toPerson = (person: PersonRow, contacts: Contacts): PersonSummary => ({
  ...person,
  contacts: withoutOwner(contacts.get(person.id)),
});

const toFunction = ({ holderId, holderName, ...fn }: FunctionRow, contacts: Contacts): FunctionSummary => ({
  ...fn,
  holder: holderId && holderName ? { id: holderId, name: holderName } : null,
  contacts: withoutOwner(contacts.get(fn.id)),
});

/** A query as the search reads it: folded words (six at most), and its digits when it looks like a number. */
export function searchTerms(query: string): { words: string[]; number: string | null } {
  const words = foldForSearch(query).split(' ').filter(Boolean).slice(0, 6);
  const digits = phoneDigits(query);
  const number = digits.length >= MIN_NUMBER_DIGITS && /^[\d\s()+-]+$/.test(query) ? digits : null;
  return { words, number };
}

/** Reading the directory: tree, unit and person pages, search, the whole book, and each user's favourites. */
export class DirectoryService {
  readonly #db: DirectoryDb;

  constructor(platform: Platform) {
    this.#db = platform.db.withTables();
  }

  units = (_ctx: RequestContext) => readRepository.units(this.#db);

  async unit(ctx: RequestContext, id: string): Promise<UnitDetail> {
    const unit = await readRepository.unit(this.#db, id);
    if (!unit) throw notFound(`Unit ${id}`);
    const [path, children, people, functions, notices] = await Promise.all([
      readRepository.path(this.#db, id),
      readRepository.children(this.#db, id),
      readRepository.people(this.#db, { unitId: id }),
      readRepository.functions(this.#db, { unitId: id }),
      // Editors see what is unpublished or scheduled, so they can publish it.
      readRepository.notices(this.#db, id, hasPermission(ctx.actor, 'directory.write')),
    ]);
    const contacts = await this.#contacts({
      unit_id: [id],
      person_id: people.map((person) => person.id),
      function_id: functions.map((fn) => fn.id),
    });
    return {
      ...unit,
      path,
      children,
      contacts: withoutOwner(contacts.get(id)),
      functions: functions.map((fn) => toFunction(fn, contacts)),
      people: people.map((person) => toPerson(person, contacts)),
      notices,
    };
  }

  async person(_ctx: RequestContext, id: string): Promise<PersonDetail> {
    const [person] = await readRepository.people(this.#db, { ids: [id] });
    if (!person) throw notFound(`Person ${id}`);
    const [path, unit, functions] = await Promise.all([
      readRepository.path(this.#db, person.unitId),
      readRepository.unit(this.#db, person.unitId),
      readRepository.functions(this.#db, { holderId: id }),
    ]);
    const contacts = await this.#contacts({ person_id: [id], function_id: functions.map((fn) => fn.id) });
    return {
      ...toPerson(person, contacts),
      path: unit ? [...path, unit] : path,
      functions: functions.map((fn) => toFunction(fn, contacts)),
    };
  }

  /** Search as you type: folded words (no case, no diacritics), typo-tolerant, and numbers by their digits. */
  async search(_ctx: RequestContext, query: string, limit: number): Promise<DirectorySearchResult> {
    const { words, number } = searchTerms(query);
    if (words.length === 0 && !number) return { query, results: [] };
    const hits = await searchRepository.search(this.#db, words, number, limit);
    return { query, results: await this.#entries(hits) };
  }

  async book(_ctx: RequestContext): Promise<DirectoryBook> {
    const [units, people, functions, changedAt] = await Promise.all([
      readRepository.units(this.#db),
      readRepository.people(this.#db, 'all'),
      readRepository.functions(this.#db, 'all'),
      readRepository.changedAt(this.#db),
    ]);
    const contacts = await this.#contacts({ unit_id: 'all', person_id: 'all', function_id: 'all' });
    return {
      units: units.map((unit) => ({ ...unit, contacts: withoutOwner(contacts.get(unit.id)) })),
      people: people.map((person) => toPerson(person, contacts)),
      functions: functions.map((fn) => toFunction(fn, contacts)),
      changedAt: changedAt?.toISOString() ?? null,
    };
  }

  /** The whole directory as a file: CSV for any tool, .xlsx for Excel (export.ts). */
  async export(ctx: RequestContext, format: ExportFormat): Promise<Buffer> {
    const book = await this.book(ctx);
    const rows = directoryRows(book);
    return format === 'csv' ? toCsv(rows) : toXlsx(rows, 'Directory', book.changedAt);
  }

  async favourites(ctx: RequestContext): Promise<DirectoryEntry[]> {
    return this.#entries(await favouritesRepository.list(this.#db, userOf(ctx)));
  }

  async addFavourite(ctx: RequestContext, kind: DirectoryEntryKind, id: string): Promise<void> {
    const found = await this.#entries([{ kind, id }]);
    if (found.length === 0) {
      throw badRequest('directory.invalid_reference', `No ${kind} ${id} in the directory`, [
        { path: 'body.id', message: `no such ${kind}` },
      ]);
    }
    await favouritesRepository.add(this.#db, userOf(ctx), kind, id);
  }

  async removeFavourite(ctx: RequestContext, id: string): Promise<void> {
    await favouritesRepository.remove(this.#db, userOf(ctx), id);
  }

  /** Contact points of several owners at once, grouped by owner. */
  async #contacts(owners: Partial<Record<ContactOwner, string[] | 'all'>>): Promise<Contacts> {
    const lists = await Promise.all(
      Object.entries(owners).map(([owner, ids]) => readRepository.contacts(this.#db, owner as ContactOwner, ids)),
    );
    return groupContacts(lists.flat());
  }

  /** Search results and favourites as one kind of entry, in the order given; vanished ones are left out. */
  async #entries(targets: Array<{ kind: DirectoryEntryKind; id: string }>): Promise<DirectoryEntry[]> {
    const idsOf = (kind: DirectoryEntryKind) => targets.filter((target) => target.kind === kind).map((t) => t.id);
    const [units, people, functions] = await Promise.all([
      readRepository.unitsWithParent(this.#db, idsOf('unit')),
      readRepository.people(this.#db, { ids: idsOf('person') }),
      readRepository.functions(this.#db, { ids: idsOf('function') }),
    ]);
    const contacts = await this.#contacts({
      unit_id: idsOf('unit'),
      person_id: idsOf('person'),
      function_id: idsOf('function'),
    });
    const unitsById = new Map(units.map((unit) => [unit.id, unit]));
    const entries = new Map<string, DirectoryEntry>();
    const top = (id: string) => withoutOwner(contacts.get(id)).slice(0, ENTRY_CONTACTS);
    for (const person of people) {
      const subtitle = [person.title, person.unitName].filter(Boolean).join(' · ');
      const title = `${person.givenName} ${person.familyName}`;
      entries.set(person.id, {
        kind: 'person',
        id: person.id,
        title,
        subtitle,
        unitId: person.unitId,
        contacts: top(person.id),
      });
    }
    for (const fn of functions) {
      const subtitle = [fn.unitName, fn.holderName].filter(Boolean).join(' · ');
      entries.set(fn.id, {
        kind: 'function',
        id: fn.id,
        title: fn.name,
        subtitle,
        unitId: fn.unitId,
        contacts: top(fn.id),
      });
    }
    for (const id of idsOf('unit')) {
      const unit = unitsById.get(id);
      if (!unit) continue;
      entries.set(id, {
        kind: 'unit',
        id,
        title: unit.name,
        subtitle: unit.parentName ?? '',
        unitId: id,
        contacts: top(id),
      });
    }
    return targets.flatMap((target) => entries.get(target.id) ?? []);
  }
}

/** Favourites belong to a user; an API token acts for its user, the node itself has none. */
function userOf(ctx: RequestContext): string {
  const userId = ctx.actor?.userId;
  if (!userId) throw badRequest('directory.no_user', 'Favourites belong to a signed-in user');
  return userId;
}
