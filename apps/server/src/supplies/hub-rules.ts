import { permissionsOfUser } from '../identity/index.js';
import type { Db } from '../platform/platform.js';
import type { ProposedChange } from '../sync/index.js';
import { orderRepository } from './order-repository.js';
import { checkLines, dateProblems, type Orderer, refusalText, unitProblems } from './order-rules.js';
import type { StoredLine, SuppliesDb } from './tables.js';
import type { UnitNames } from './units.js';

/** The user who made a change on another node, judged by the roles the hub knows them to have. */
async function ordererOf(db: Db, userId: unknown): Promise<Orderer> {
  if (typeof userId !== 'string') return { userId: null, permissions: new Set() };
  return { userId, permissions: await permissionsOfUser(db, userId) };
}

/** A workstation limited to some units (its scope) orders for those units only. */
function scopeRefusal(change: ProposedChange, unitId: string) {
  const units = change.origin.scope.units;
  return units && !units.includes(unitId) ? 'this workstation does not order for that unit' : undefined;
}

const lineInputs = (lines: unknown) =>
  (Array.isArray(lines) ? (lines as StoredLine[]) : []).map((line) => ({
    articleId: line.articleId,
    quantity: line.quantity,
  }));

/**
 * The hub's rules for an order arriving from a client node: the same as the client checked (a node may have
 * been tampered with, or its catalog old), and a placed order is changed directly only until the hub has
 * taken it in; after that a change is a request.
 */
export const hubRules = (units: Pick<UnitNames, 'all'>) => ({
  validateOrder: (db: Db, change: ProposedChange) => validateOrder(db, units, change),
  validateRequest: (db: Db, change: ProposedChange) => validateRequest(db, units, change),
});

async function validateOrder(
  db: Db,
  units: Pick<UnitNames, 'all'>,
  change: ProposedChange,
): Promise<string | undefined> {
  const data = change.data;
  if (change.op === 'delete' || !data) return 'an order is withdrawn, never deleted';
  const orderId = String(data.id);
  const unitId = String(data.unit_id);
  const existing = await orderRepository.find(db as SuppliesDb, orderId);
  if (existing && existing.unit_id !== unitId) return 'an order cannot move to another unit';
  if (existing && existing.status !== 'new' && existing.status !== 'withdrawn')
    return `the hub has already taken the order in (${existing.status}); ask for a change instead`;
  if (existing?.status === 'withdrawn') return 'the order was withdrawn';
  const outOfScope = scopeRefusal(change, unitId);
  if (outOfScope) return outOfScope;
  const placedAt = new Date(String(data.created_at));
  if (Number.isNaN(placedAt.getTime())) return 'the order has no valid time of placing';
  const placedOn = placedAt.toISOString().slice(0, 10);
  const problems = [
    ...(await unitProblems(db as SuppliesDb, units, await ordererOf(db, data.created_by), unitId)),
    ...(await checkLines(db as SuppliesDb, lineInputs(data.lines))).problems,
    ...dateProblems(String(data.requested_date), placedOn),
  ];
  return refusalText(problems);
}

/** The hub's rules for a change request: on an order of the same unit that is still open, made once. */
async function validateRequest(
  db: Db,
  units: Pick<UnitNames, 'all'>,
  change: ProposedChange,
): Promise<string | undefined> {
  const data = change.data;
  if (change.op === 'delete' || !data) return 'a request is answered, never deleted';
  if (await orderRepository.request(db as SuppliesDb, String(data.id))) return 'a request cannot be changed once made';
  const order = await orderRepository.find(db as SuppliesDb, String(data.order_id));
  if (!order) return 'there is no such order';
  if (order.unit_id !== data.unit_id) return 'the request names another unit than its order';
  if (['delivered', 'cancelled', 'withdrawn'].includes(order.status)) return `the order is already ${order.status}`;
  const outOfScope = scopeRefusal(change, order.unit_id);
  if (outOfScope) return outOfScope;
  const problems = await unitProblems(db as SuppliesDb, units, await ordererOf(db, data.created_by), order.unit_id);
  if (data.kind === 'change') problems.push(...(await checkLines(db as SuppliesDb, lineInputs(data.lines))).problems);
  return refusalText(problems);
}
