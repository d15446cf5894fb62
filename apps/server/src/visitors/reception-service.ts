import type { Card, CardType, Entry, entryQuery, evacuationList, overview } from '@kontor/contracts';
import type { z } from 'zod';
import { foldForSearch } from '../directory/index.js';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { SharedReads } from '../platform/shared-reads.js';
import type { SyncService } from '../sync/index.js';
import { endOfDay, iso, localDate, startOfDay } from './dates.js';
import { entriesRepository, type StoredEntry } from './entries-repository.js';
import { cardTaken, isCardTakenRace, unprocessable, visitorsConflict } from './errors.js';
import { entrySearchText, toCard, toEntry, typeOf } from './mappers.js';
import { arrivalMail, type ComposedMail, mailLocale } from './notifications.js';
import { poolRepository } from './pool-repository.js';
import type { VisitorsDb } from './tables.js';

type EvacuationList = z.infer<typeof evacuationList>;
type Overview = z.infer<typeof overview>;

/** Live topic: a visit changed (submitted, admitted, released, rejected); panels re-read. No personal data. */
export const VISITORS_TOPIC = 'visitors';

export type EntryChange = 'waiting' | 'active' | 'closed' | 'rejected';

/** Publishes a visit's change after commit: its id and state, nothing a guest typed. */
export const announce = (trx: VisitorsDb, entryId: string, state: EntryChange) =>
  Outbox.add(trx, VISITORS_TOPIC, { entryId, state });

/** Sends a composed mail after commit; the module's index binds it to the platform's mail queue. */
export type MailSender = (trx: VisitorsDb, mail: ComposedMail) => Promise<void>;

const actorName = (ctx: RequestContext) => ctx.actor?.displayName ?? 'Kontor';

/**
 * A scanner that reads one card twice must not hand it out and take it back (or the reverse) in one breath:
 * VIGO-Guests locked the scanner for 3 s, and the server refuses a scan that would undo a move this recent.
 */
export const SCAN_LOCKOUT_MS = 3_000;
const tooRecent = (at: Date | null, now: Date) =>
  at !== null && now.getTime() - new Date(at).getTime() < SCAN_LOCKOUT_MS;
const repeatedScan = (card: number) =>
  visitorsConflict('scan_repeated', `Card ${card} was just scanned; scan it again in a few seconds to undo that`);

/**
 * Reception's work on the hub: the waiting and active lists, handing out cards, rejecting, releasing, the barcode
 * scanner, the main panel's figures; and, on every node, the evacuation list from the replicated presence table.
 */
export class ReceptionService {
  readonly #db: VisitorsDb;
  readonly #shared = new SharedReads();

  constructor(
    private readonly platform: Platform,
    private readonly sync: () => SyncService,
    private readonly sendMail: MailSender,
  ) {
    this.#db = platform.db as VisitorsDb;
  }

  /** Visits or cards changed (here or on another hub instance): reads begun before are not shared any more. */
  changed() {
    this.#shared.changed();
  }

  /** A write of reception's; once it commits, the lists read before it are not shared with anyone after. */
  async #transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.platform.transaction(work);
    } finally {
      this.#shared.changed();
    }
  }

  /** A live list (no search, first page) is what every open panel re-reads on each event: one read serves all. */
  list(_ctx: RequestContext, query: z.output<typeof entryQuery>) {
    const live = !query.q && !query.from && !query.to && query.offset === 0;
    if (!live) return this.#list(query);
    return this.#shared.read(`entries:${query.state}:${query.limit}`, () => this.#list(query));
  }

  async #list(query: z.output<typeof entryQuery>) {
    const { rows, total } = await entriesRepository.list(this.#db, {
      state: query.state,
      words: query.q ? foldForSearch(query.q).split(' ').filter(Boolean).slice(0, 8) : [],
      from: query.from ? startOfDay(query.from) : undefined,
      to: query.to ? endOfDay(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return { entries: rows.map(toEntry), total };
  }

  async get(_ctx: RequestContext, id: string): Promise<Entry> {
    const row = await entriesRepository.get(this.#db, id);
    if (!row) throw notFound('The visit');
    return toEntry(row);
  }

  async setNotes(_ctx: RequestContext, id: string, notes: string): Promise<Entry> {
    return this.#transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const entry = await this.#lock(db, id);
      if (entry.anonymised_at)
        throw visitorsConflict('anonymised', 'This visit was anonymised under the retention rule');
      const updated = await entriesRepository.update(db, id, {
        notes,
        search_text: entrySearchText({ ...entry, notes }),
      });
      await announce(db, id, updated.state);
      return toEntry(updated);
    });
  }

  /** Hands a card to a waiting guest. The one-active-holder index settles a race between two receptionists. */
  async assignCard(ctx: RequestContext, id: string, card: number): Promise<Entry> {
    return this.#guardRace(card, () =>
      this.#transaction(async (trx) => {
        const db = trx as VisitorsDb;
        const entry = await this.#lock(db, id);
        if (entry.state !== 'waiting')
          throw visitorsConflict(
            'entry_not_waiting',
            entry.state === 'active' ? `The guest already has card ${entry.card}` : 'The visit is closed',
          );
        const type = await this.#usableCard(db, card, 'body.card');
        if (await poolRepository.holderOf(db, card)) throw cardTaken(card);
        return toEntry(await this.#admit(db, ctx, entry, card, type));
      }),
    );
  }

  /** Refuses a waiting guest: the entry and everything they typed are deleted; an anonymous audit record stays. */
  async reject(ctx: RequestContext, id: string, reason: string | undefined): Promise<void> {
    await this.#transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const entry = await this.#lock(db, id);
      if (entry.state !== 'waiting')
        throw visitorsConflict('entry_not_waiting', 'Only a guest still waiting for a card can be rejected');
      await entriesRepository.delete(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.entry.reject',
        entity: 'visitors.entry',
        entityId: id,
        after: { reason: reason ?? null },
      });
      await announce(db, id, 'rejected');
    });
  }

  /** The guest leaves: exit time, notes and the card back in the pool, in one transaction. */
  async release(ctx: RequestContext, id: string, notes: string | undefined): Promise<Entry> {
    return this.#transaction(async (trx) => {
      const db = trx as VisitorsDb;
      return toEntry(await this.#release(db, ctx, await this.#lock(db, id), notes));
    });
  }

  /**
   * The barcode scanner, as in VIGO-Guests: `000` + card number. A card someone holds releases them; a free card
   * goes to the guest who has waited longest. Anything else changes nothing and says why.
   */
  async scan(
    ctx: RequestContext,
    code: string,
  ): Promise<{ action: 'assigned' | 'released'; card: number; entry: Entry }> {
    const card = Number(code.slice(3));
    return this.#guardRace(card, () =>
      this.#transaction(async (trx) => {
        const db = trx as VisitorsDb;
        const stored = await poolRepository.lockCard(db, card);
        if (!stored)
          throw unprocessable('unknown_card', `Card ${card} is not in the card pool`, cardField('body.code'));
        const holder = await entriesRepository.lockHolder(db, card);
        const now = await entriesRepository.now(db);
        if (holder) {
          if (tooRecent(holder.card_given_at, now)) throw repeatedScan(card);
          return { action: 'released', card, entry: toEntry(await this.#release(db, ctx, holder)) };
        }
        const type = await this.#usableCard(db, card, 'body.code');
        if (tooRecent(await entriesRepository.lastReturnOf(db, card), now)) throw repeatedScan(card);
        const first = await entriesRepository.lockFirstWaiting(db);
        if (!first)
          throw visitorsConflict('no_waiting_guest', `No guest is waiting for a card; card ${card} stays free`);
        return { action: 'assigned', card, entry: toEntry(await this.#admit(db, ctx, first, card, type)) };
      }),
    );
  }

  cards(_ctx: RequestContext, filter: { free?: boolean; type?: string }): Promise<Card[]> {
    return this.#shared.read(`cards:${filter.free}:${filter.type}`, () => this.#cards(filter));
  }

  async #cards(filter: { free?: boolean; type?: string }): Promise<Card[]> {
    const [types, cards] = await Promise.all([poolRepository.types(this.#db), poolRepository.cards(this.#db)]);
    return cards
      .map((card) => toCard(card, types))
      .filter((card) => !filter.type || card.type === filter.type)
      .filter(
        (card) =>
          filter.free === undefined ||
          filter.free === (card.status === 'available' && card.holderEntryId === null && card.type !== null),
      );
  }

  /** The main panel: who waits, who is in by card type, free cards per type, today's arrivals and departures. */
  overview(ctx: RequestContext): Promise<Overview> {
    return this.#shared.read('overview', () => this.#overview(ctx));
  }

  async #overview(ctx: RequestContext): Promise<Overview> {
    const today = startOfDay(localDate(new Date()));
    const [waiting, inBuilding, types, free, movements] = await Promise.all([
      entriesRepository.countWaiting(this.#db),
      entriesRepository.activeByType(this.#db),
      poolRepository.types(this.#db),
      this.cards(ctx, { free: true }),
      entriesRepository.movementsSince(this.#db, today),
    ]);
    const timeline = Array.from({ length: 24 }, (_, hour) => ({ hour, arrivals: 0, departures: 0 }));
    for (const { given, exited } of movements) {
      const arrival = given && given >= today ? timeline[given.getHours()] : undefined;
      if (arrival) arrival.arrivals += 1;
      const departure = exited && exited >= today ? timeline[exited.getHours()] : undefined;
      if (departure) departure.departures += 1;
    }
    return {
      waiting,
      inBuilding,
      freeCards: types.map((type) => ({ type: type.key, count: free.filter((card) => card.type === type.key).length })),
      timeline,
    };
  }

  /**
   * Everyone in the building, from the presence table every node holds. On the hub it is current; on a client it
   * is as fresh as the last sync with the hub, which `asOf` says.
   */
  async evacuation(ctx: RequestContext): Promise<EvacuationList> {
    const sync = this.sync();
    const rows = await entriesRepository.presence(this.#db);
    const collator = new Intl.Collator(ctx.locale, { sensitivity: 'base' });
    const people = rows
      .map((row) => ({
        entryId: row.entry_id,
        name: row.name,
        company: row.company,
        hostName: row.host_name,
        card: row.card,
        cardType: row.card_type,
        since: iso(row.since),
      }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.card - b.card);
    if (sync.isHub) return { people, asOf: new Date().toISOString(), nodeRole: 'server' };
    const { lastSyncAt } = await sync.status();
    // A client that never synced holds no list worth the name; the epoch says "unknown" plainly.
    return { people, asOf: lastSyncAt ?? new Date(0).toISOString(), nodeRole: 'client' };
  }

  async #lock(db: VisitorsDb, id: string): Promise<StoredEntry> {
    const entry = await entriesRepository.lock(db, id);
    if (!entry) throw notFound('The visit');
    return entry;
  }

  /** A card reception may hand out: in the pool, available, and within a card type's range; its type. */
  async #usableCard(db: VisitorsDb, card: number, path: string): Promise<CardType> {
    const [stored] = await poolRepository.cards(db, [card]);
    if (!stored) throw unprocessable('unknown_card', `Card ${card} is not in the card pool`, cardField(path));
    if (stored.status !== 'available')
      throw visitorsConflict('card_unavailable', `Card ${card} is marked ${stored.status}`);
    const type = typeOf(await poolRepository.types(db), card);
    if (!type)
      throw unprocessable('card_outside_types', `Card ${card} lies outside every card type's range`, cardField(path));
    return type;
  }

  async #admit(db: VisitorsDb, ctx: RequestContext, entry: StoredEntry, card: number, type: CardType) {
    const admitted = await entriesRepository.update(db, entry.id, {
      state: 'active',
      card,
      card_type: type.key,
      card_given_at: 'now',
      card_given_by_name: actorName(ctx),
    });
    await entriesRepository.insertPresence(db, {
      entry_id: entry.id,
      name: `${entry.first_name} ${entry.last_name}`,
      company: entry.company,
      host_name: entry.host_name,
      card,
      card_type: type.key,
      since: admitted.card_given_at as Date,
    });
    if (entry.host_email) {
      const guest = `${entry.first_name} ${entry.last_name}`;
      const locale = mailLocale(ctx.actor?.locale ?? ctx.locale);
      await this.sendMail(
        db,
        arrivalMail(
          entry.host_email,
          entry.id,
          { guest, company: entry.company, purpose: entry.purpose, card },
          locale,
        ),
      );
    }
    await announce(db, entry.id, 'active');
    return admitted;
  }

  async #release(db: VisitorsDb, ctx: RequestContext, entry: StoredEntry, notes?: string) {
    if (entry.state !== 'active')
      throw visitorsConflict(
        'entry_not_active',
        entry.state === 'closed' ? 'The guest has already left' : 'The guest has no card yet: reject the entry instead',
      );
    const kept = notes ?? entry.notes;
    const released = await entriesRepository.update(db, entry.id, {
      state: 'closed',
      notes: kept,
      exited_at: 'now',
      released_by_name: actorName(ctx),
      search_text: entrySearchText({ ...entry, notes: kept }),
    });
    await entriesRepository.deletePresence(db, entry.id);
    await announce(db, entry.id, 'closed');
    return released;
  }

  /** The loser of a race for one card gets the same answer as a late receptionist: the card is taken. */
  async #guardRace<T>(card: number, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isCardTakenRace(error)) throw cardTaken(card);
      throw error;
    }
  }
}

const cardField = (path: string) => [{ path, message: 'no usable card has this number' }];
