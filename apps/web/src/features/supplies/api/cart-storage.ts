import { useEffect, useState } from 'react';
import { isoDay, nextWeekday } from './dates';
import type { DraftLine, OrderDraft } from './order-draft';

/**
 * The cart lives in this browser's localStorage, per ordering unit, so a reload, a crash or the hub going away
 * loses nothing. It holds no secrets: article numbers and quantities the unit's staff already see.
 */
const cartKey = (unitId: string) => `kontor.supplies.cart.${unitId}`;
const addressKey = (unitId: string) => `kontor.supplies.address.${unitId}`;
const UNIT_KEY = 'kontor.supplies.unit';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the cart then lasts for this page only.
  }
}

export const lastUnitId = () => read(UNIT_KEY);
export const rememberUnitId = (unitId: string) => write(UNIT_KEY, unitId);

/** Where the unit's last order went, to fill in the next one. */
export const rememberAddress = (unitId: string, address: string) => write(addressKey(unitId), address.trim());

function isLine(value: unknown): value is DraftLine {
  const line = value as DraftLine;
  return typeof line?.articleId === 'string' && typeof line.quantity === 'number' && typeof line.name === 'string';
}

/** A stored cart, or an empty one; a requested day that has passed while it was stored moves to the next weekday. */
export function loadCart(unitId: string, unitName: string): OrderDraft {
  const empty = {
    lines: [],
    deliveryAddress: read(addressKey(unitId)) || unitName,
    requestedDate: nextWeekday(),
    note: '',
  };
  try {
    const stored = JSON.parse(read(cartKey(unitId)) ?? 'null') as Partial<OrderDraft> | null;
    if (!stored || !Array.isArray(stored.lines)) return empty;
    const requestedDate =
      typeof stored.requestedDate === 'string' && stored.requestedDate > isoDay(new Date())
        ? stored.requestedDate
        : empty.requestedDate;
    return {
      lines: stored.lines.filter(isLine),
      deliveryAddress: typeof stored.deliveryAddress === 'string' ? stored.deliveryAddress : empty.deliveryAddress,
      requestedDate,
      note: typeof stored.note === 'string' ? stored.note : '',
    };
  } catch {
    return empty;
  }
}

/** The cart of one unit, saved as it changes. Mount it with `key={unitId}` so another unit starts from its own. */
export function useStoredCart(unitId: string, unitName: string) {
  const [draft, setDraft] = useState(() => loadCart(unitId, unitName));
  useEffect(() => write(cartKey(unitId), JSON.stringify(draft)), [unitId, draft]);
  /** After the order is placed: an empty cart, keeping where it went and the note-free defaults. */
  const clear = () =>
    setDraft((previous) => ({
      lines: [],
      deliveryAddress: previous.deliveryAddress,
      requestedDate: nextWeekday(),
      note: '',
    }));
  return { draft, setDraft, clear };
}
