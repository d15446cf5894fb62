import type { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';

/** A record of either source with where it stands in the list and its stable key. */
export interface Positioned<P, V> {
  ref: string;
  position: P;
  value: V;
}

/** One list's order: the same for both sources, total thanks to the ref as the last key. */
export interface ListOrder<P> {
  /** Negative when `a` comes first in the list. */
  compare(a: P, b: P): number;
  /** The position as it travels in a cursor (short keys), and back. */
  toCursor(position: P): unknown;
  cursor: z.ZodType<P, unknown>;
}

/** What the legacy CRM contributed to one round: its records after the position, or what the cache still had. */
export interface LegacyWindow<P, V> {
  items: Positioned<P, V>[];
  hasMore: boolean;
  /** Where the legacy answer ended, malformed records included: the legacy side is known up to here. */
  last: P | null;
  /** The legacy CRM failed and this is what the cache had, or nothing. */
  partial: boolean;
}

export interface MergeSources<P, V> {
  /** Our records strictly after `after`, in list order, at most `limit`. */
  ours(after: P | undefined, limit: number): Promise<Positioned<P, V>[]>;
  /** Our records by ref. */
  oursByRefs(refs: string[]): Promise<Positioned<P, V>[]>;
  /** Which of these legacy ids are in our service now. */
  migrated(legacyIds: string[]): Promise<Set<string>>;
  /** The legacy records strictly after `after`; absent when the legacy CRM is not asked at all (off or unset). */
  legacy?: (after: P | undefined, limit: number) => Promise<LegacyWindow<P, V>>;
}

export interface MergedPage<V> {
  items: V[];
  nextCursor: string | null;
  partial: boolean;
}

/** Rounds one page may take when migrated records leave holes in the legacy answer (each round asks both sources). */
const MAX_ROUNDS = 4;

const badCursor = () => {
  const message = 'The cursor is not one this list gave out';
  return new AppError(400, 'crm.bad_cursor', message, {
    errors: [{ path: 'querystring.cursor', message, code: 'bad_cursor' }],
  });
};

export function encodeCursor<P>(order: ListOrder<P>, position: P): string {
  return Buffer.from(JSON.stringify(order.toCursor(position))).toString('base64url');
}

export function decodeCursor<P>(order: ListOrder<P>, cursor: string | undefined): P | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = order.cursor.safeParse(json);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

/**
 * One page of a list merged from our service and the legacy CRM (docs/legacy.md, "Paging over two sources").
 * Both sources are asked for what comes strictly after ONE position, the last one the previous page showed; a
 * legacy record that is in our service (migrated, perhaps since the walk began) yields to our copy. A record keeps
 * its position when it migrates (same ref, same sort key), so a walk neither repeats nor skips it.
 */
export async function mergedPage<P, V>(
  order: ListOrder<P>,
  sources: MergeSources<P, V>,
  cursor: string | undefined,
  limit: number,
): Promise<MergedPage<V>> {
  const byPosition = (a: Positioned<P, V>, b: Positioned<P, V>) => order.compare(a.position, b.position);
  let after = decodeCursor(order, cursor);
  const items: V[] = [];
  let partial = false;
  let more = false;
  for (let round = 0; round < MAX_ROUNDS && items.length < limit; round++) {
    const want = limit - items.length;
    // One more than wanted tells whether a source goes on.
    const [ours, legacy] = await Promise.all([sources.ours(after, want + 1), sources.legacy?.(after, want + 1)]);
    partial ||= legacy?.partial ?? false;
    const oursRefs = new Set(ours.map((record) => record.ref));
    const legacyItems = legacy?.items ?? [];
    // Asked after our page was read: a record migrated in between is found here, and read from ours below.
    const moved =
      legacyItems.length > 0 ? await sources.migrated(legacyItems.map((record) => record.ref)) : new Set<string>();
    const movedSince = [...moved].filter((ref) => !oursRefs.has(ref));
    const late = movedSince.length > 0 ? await sources.oursByRefs(movedSince) : [];
    const merged = [
      ...ours,
      ...late.filter((record) => after === undefined || order.compare(record.position, after) > 0),
      ...legacyItems.filter((record) => !moved.has(record.ref) && !oursRefs.has(record.ref)),
    ].sort(byPosition);

    // Each source is known completely only up to where its answer ended, if it had more.
    const ends: P[] = [];
    const oursEnd = ours[want];
    if (oursEnd) ends.push(oursEnd.position);
    if (legacy?.hasMore) {
      const legacyEnd = legacy.last ?? legacyItems.at(-1)?.position;
      if (legacyEnd) ends.push(legacyEnd);
    }
    const end = ends.sort(order.compare)[0];
    const known = end === undefined ? merged : merged.filter((record) => order.compare(record.position, end) <= 0);
    const taken = known.slice(0, want);
    items.push(...taken.map((record) => record.value));
    if (taken.length === want) {
      more = known.length > want || end !== undefined;
      after = taken.at(-1)?.position;
      break;
    }
    // Fewer than wanted up to where both sources are known: go on from there, if anything lies beyond.
    more = end !== undefined;
    if (!more) break;
    after = end;
  }
  return { items, nextCursor: more && after !== undefined ? encodeCursor(order, after) : null, partial };
}
