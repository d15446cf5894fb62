import { randomBytes, randomUUID } from 'node:crypto';
import type { Card, CardStatus, CardType, report, reportQuery, reportRow, VisitorSettings } from '@kontor/contracts';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { foldForSearch } from '../directory/index.js';
import type { RequestContext } from '../platform/context.js';
import { toCsv } from '../platform/files/spreadsheet.js';
import type { FieldError } from '../platform/http/errors.js';
import { notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { endOfDay, iso, isoOrNull, localDate, startOfDay } from './dates.js';
import { entriesRepository } from './entries-repository.js';
import { unprocessable } from './errors.js';
import { kioskRepository } from './kiosk-repository.js';
import { tokenHash } from './kiosk-service.js';
import { toCard, typeOf } from './mappers.js';
import { poolRepository } from './pool-repository.js';
import { readSettings, writeSettings } from './settings.js';
import type { VisitorsDb, VisitorsTables } from './tables.js';

type Report = z.infer<typeof report>;
type ReportRow = z.infer<typeof reportRow>;

const actorName = (ctx: RequestContext) => ctx.actor?.displayName ?? 'Kontor';

const toDevice = (row: Selectable<VisitorsTables['visitors.kiosks']>) => ({
  id: row.id,
  name: row.name,
  createdAt: iso(row.created_at),
  lastSeenAt: isoOrNull(row.last_seen_at),
  revoked: row.revoked_at !== null,
});

/** The problems of a set of card types: a range backwards, ranges that overlap, a key used twice. */
export function cardTypeProblems(types: CardType[]): FieldError[] {
  const problems: FieldError[] = [];
  types.forEach((type, index) => {
    if (type.from > type.to)
      problems.push({ path: `body.types.${index}.to`, message: `must not be below from (${type.from})` });
    const twin = types.findIndex((other) => other.key === type.key);
    if (twin !== index) problems.push({ path: `body.types.${index}.key`, message: `repeats types.${twin}.key` });
    types.slice(0, index).forEach((earlier, earlierIndex) => {
      if (type.from > type.to || earlier.from > earlier.to) return;
      if (type.from <= earlier.to && earlier.from <= type.to)
        problems.push({
          path: `body.types.${index}`,
          message: `${type.from}–${type.to} overlaps types.${earlierIndex} (${earlier.key}, ${earlier.from}–${earlier.to})`,
        });
    });
  });
  return problems;
}

/** The visitors admin panel: card types and pool, kiosk devices, settings, reports. Every change is audited. */
export class VisitorsAdminService {
  readonly #db: VisitorsDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as VisitorsDb;
  }

  cardTypes = async (_ctx: RequestContext) => ({ types: await poolRepository.types(this.#db) });

  async setCardTypes(ctx: RequestContext, types: CardType[]) {
    const problems = cardTypeProblems(types);
    if (problems.length > 0)
      throw unprocessable('card_types_invalid', 'The card types clash: see each field', problems);
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      await poolRepository.lockTypes(db);
      const before = await poolRepository.types(db);
      await poolRepository.replaceTypes(db, types);
      const after = await poolRepository.types(db);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.card_types.update',
        entity: 'visitors.card_types',
        before,
        after,
      });
      return { types: after };
    });
  }

  /** Adds a range of numbers to the pool; each must lie in one card type's range. Existing cards are kept. */
  async addCards(ctx: RequestContext, from: number, to: number): Promise<Card[]> {
    if (from > to)
      throw unprocessable('card_range_invalid', 'The range runs backwards', [
        { path: 'body.to', message: `must not be below from (${from})` },
      ]);
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      await poolRepository.lockTypes(db);
      const types = await poolRepository.types(db);
      const outside: number[] = [];
      for (let number = from; number <= to; number += 1) if (!typeOf(types, number)) outside.push(number);
      if (outside.length > 0) {
        const shown = outside.length > 5 ? `${outside.slice(0, 5).join(', ')} …` : outside.join(', ');
        throw unprocessable('card_outside_types', `Cards ${shown} lie outside every card type's range`, [
          ...(outside.includes(from) ? [{ path: 'body.from', message: 'lies outside every card type' }] : []),
          ...(outside.includes(to) ? [{ path: 'body.to', message: 'lies outside every card type' }] : []),
          ...(outside.includes(from) || outside.includes(to)
            ? []
            : [{ path: 'body', message: `the range crosses numbers outside every card type (${shown})` }]),
        ]);
      }
      const added = await poolRepository.addCards(db, from, to);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.cards.add',
        entity: 'visitors.cards',
        entityId: `${from}-${to}`,
        after: { from, to, added },
      });
      const numbers = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      return (await poolRepository.cards(db, numbers)).map((card) => toCard(card, types));
    });
  }

  /**
   * Marks a card lost, blocked or available again. A card someone holds may be marked (the guest reports it lost at
   * the desk): the mark is noted, the guest keeps holding it until released, and it is not handed out again until
   * it is made available.
   */
  async updateCard(ctx: RequestContext, number: number, status: CardStatus, note: string): Promise<Card> {
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const [before] = await poolRepository.cards(db, [number]);
      if (!before) throw notFound(`Card ${number}`);
      await poolRepository.updateCard(db, number, status, note);
      const [after] = await poolRepository.cards(db, [number]);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.card.update',
        entity: 'visitors.card',
        entityId: String(number),
        before: { status: before.status, note: before.note },
        after: { status, note },
      });
      return toCard(after ?? before, await poolRepository.types(db));
    });
  }

  async kiosks(_ctx: RequestContext) {
    return { kiosks: (await kioskRepository.devices(this.#db)).map(toDevice) };
  }

  /** Registers a kiosk device; its key is answered once and kept only as a hash. */
  async addKiosk(ctx: RequestContext, name: string) {
    const key = randomBytes(32).toString('base64url');
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const row = await kioskRepository.insertDevice(db, {
        id: randomUUID(),
        name,
        key_hash: tokenHash(key),
        created_by_name: actorName(ctx),
      });
      const device = toDevice(row);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.kiosk.create',
        entity: 'visitors.kiosk',
        entityId: row.id,
        after: device,
      });
      return { device, key };
    });
  }

  async revokeKiosk(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const before = await kioskRepository.device(db, id);
      if (!before) throw notFound('The kiosk device');
      const after = await kioskRepository.revokeDevice(db, id);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.kiosk.revoke',
        entity: 'visitors.kiosk',
        entityId: id,
        before: toDevice(before),
        after: after && toDevice(after),
      });
    });
  }

  settings = (_ctx: RequestContext) => readSettings(this.#db);

  async setSettings(ctx: RequestContext, settings: VisitorSettings): Promise<VisitorSettings> {
    return this.platform.transaction(async (trx) => {
      const before = await readSettings(trx);
      await writeSettings(trx, settings);
      await this.platform.audit.record(trx, ctx, {
        action: 'visitors.settings.update',
        entity: 'visitors.settings',
        before,
        after: settings,
      });
      return readSettings(trx);
    });
  }

  /**
   * Visits per day, host or company in [from, to] (local days of submission). `visits` counts entries; `guests`
   * counts distinct people among them by name and company (an anonymised visit counts as a guest of its own).
   */
  async report(_ctx: RequestContext, query: z.output<typeof reportQuery>): Promise<Report> {
    if (query.from > query.to)
      throw unprocessable('report_range_invalid', 'The period runs backwards', [
        { path: 'querystring.to', message: `must not be before from (${query.from})` },
      ]);
    const rows = await entriesRepository.forReport(this.#db, startOfDay(query.from), endOfDay(query.to));
    const groups = new Map<string, { visits: number; guests: Set<string> }>();
    for (const row of rows) {
      const key =
        query.by === 'day'
          ? localDate(row.submitted_at as Date)
          : query.by === 'host'
            ? (row.host_name ?? '')
            : row.company.trim();
      const group = groups.get(key) ?? { visits: 0, guests: new Set<string>() };
      group.visits += 1;
      group.guests.add(
        row.anonymised_at
          ? `anonymised:${row.id}`
          : foldForSearch(`${row.first_name}\u0001${row.last_name}\u0001${row.company}`),
      );
      groups.set(key, group);
    }
    const collator = new Intl.Collator('sv', { sensitivity: 'base' });
    const result: ReportRow[] = [...groups].map(([key, group]) => ({
      key,
      visits: group.visits,
      guests: group.guests.size,
    }));
    result.sort((a, b) =>
      query.by === 'day' ? a.key.localeCompare(b.key) : b.visits - a.visits || collator.compare(a.key, b.key),
    );
    return { by: query.by, rows: result };
  }

  /** A report as CSV (Excel's dialect, as every export of Kontor). */
  reportCsv(report: Report): Buffer {
    return toCsv([
      [report.by, 'visits', 'guests'],
      ...report.rows.map((row) => [row.key, String(row.visits), String(row.guests)]),
    ]);
  }
}
