import { randomBytes, randomUUID } from 'node:crypto';
import type {
  ChangeRequest,
  ChangeRequestInput,
  HubOrderStatus,
  Order,
  OrderEdit,
  OrderInput,
  OrderListQuery,
  OrderStatus,
  RequestDecisionInput,
  StatusChange,
} from '@kontor/contracts';
import {
  changeRequestInput,
  nextStatuses,
  orderEdit,
  orderInput,
  orderListQuery,
  requestDecisionInput,
  statusChange,
} from '@kontor/contracts';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { type Delivery, nodeNames, type SyncService } from '../sync/index.js';
import { membersRepository } from './members-repository.js';
import { type OrderRow, orderRepository, type RequestRow } from './order-repository.js';
import {
  checkLines,
  dateProblems,
  managesSupplies,
  type Orderer,
  refuseProblems,
  unitProblems,
} from './order-rules.js';
import type { StoredLine, SuppliesDb } from './tables.js';
import type { UnitNames } from './units.js';

/** Live topic: orders, their delivery or their hub status changed on this node; order pages re-read. */
export const ORDERS_TOPIC = 'supplies.orders';

/** Crockford's base-32 without I, L, O, U: an order number read aloud over a crackling line survives. */
const NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const orderNumber = () =>
  `KO-${[...randomBytes(6)].map((byte) => NUMBER_ALPHABET[byte % NUMBER_ALPHABET.length]).join('')}`;

const iso = (value: Date | string) => new Date(value).toISOString();
const lineArray = (lines: unknown): StoredLine[] =>
  typeof lines === 'string' ? JSON.parse(lines) : (lines as StoredLine[]);

/**
 * Ordering, on every node: an order is written to this node's database first and travels to the hub with the
 * replication engine, which also says where it stands (saved locally, sent, rejected). The hub's staff move it on
 * (received, confirmed, delivered, cancelled) and answer change requests; that flows back the same way.
 */
export class OrderService {
  readonly #db: SuppliesDb;
  #names: Map<string, string> | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly sync: () => SyncService,
    private readonly units: UnitNames,
  ) {
    this.#db = platform.db as SuppliesDb;
  }

  async list(ctx: RequestContext, query: OrderListQuery): Promise<{ orders: Order[]; total: number }> {
    const filter = orderListQuery.parse(query);
    const visible = await this.#visibleUnits(ctx);
    const unitIds = filter.unitId
      ? visible
        ? visible.filter((id) => id === filter.unitId)
        : [filter.unitId]
      : visible;
    const ids = filter.delivery ? await this.#withDelivery(filter.delivery, unitIds) : undefined;
    const { rows, total } = await orderRepository.list(this.#db, {
      unitIds,
      ids,
      statuses: filter.status?.split(',') as OrderStatus[] | undefined,
      text: filter.q?.toLowerCase(),
      openRequests: filter.openRequests === 'true',
      from: filter.from,
      to: filter.to,
      limit: filter.limit,
      offset: filter.offset,
    });
    return { orders: await this.#toOrders(rows), total };
  }

  async get(ctx: RequestContext, id: string): Promise<Order> {
    const row = await this.#visible(ctx, id);
    const [order] = await this.#toOrders([row]);
    return order as Order;
  }

  async place(ctx: RequestContext, input: OrderInput): Promise<Order> {
    const parsed = orderInput.parse(input);
    const orderer = this.#orderer(ctx);
    const id = randomUUID();
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const { problems, stored } = await checkLines(db, parsed.lines);
      refuseProblems([
        ...(await unitProblems(db, this.units, orderer, parsed.unitId)),
        ...problems,
        ...dateProblems(parsed.requestedDate, new Date().toISOString().slice(0, 10)),
      ]);
      await orderRepository.insert(db, {
        id,
        number: orderNumber(),
        unit_id: parsed.unitId,
        owner: this.sync().identity.nodeId,
        delivery_address: parsed.deliveryAddress,
        requested_date: parsed.requestedDate,
        note: parsed.note,
        lines: stored,
        created_by: orderer.userId,
        created_by_name: ctx.actor?.displayName ?? 'Kontor',
        withdrawn_at: null,
      });
      await Outbox.add(trx, ORDERS_TOPIC, { orderId: id });
    });
    return this.get(ctx, id);
  }

  /** Changes an order before the hub has taken it in; afterwards only a request can. */
  async edit(ctx: RequestContext, id: string, input: OrderEdit): Promise<Order> {
    const parsed = orderEdit.parse(input);
    await this.#changeOwn(ctx, id, async (db, order) => {
      const { problems, stored } = await checkLines(db, parsed.lines);
      refuseProblems([...problems, ...dateProblems(parsed.requestedDate, iso(order.created_at).slice(0, 10))]);
      await orderRepository.update(db, id, {
        delivery_address: parsed.deliveryAddress,
        requested_date: parsed.requestedDate,
        note: parsed.note,
        lines: stored,
      });
    });
    return this.get(ctx, id);
  }

  async withdraw(ctx: RequestContext, id: string): Promise<Order> {
    await this.#changeOwn(ctx, id, (db) => orderRepository.update(db, id, { withdrawn: true }));
    return this.get(ctx, id);
  }

  /** Asks the hub to change or withdraw an order it has taken in. */
  async request(ctx: RequestContext, orderId: string, input: ChangeRequestInput): Promise<Order> {
    const parsed = changeRequestInput.parse(input);
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const order = await this.#visible(ctx, orderId, db);
      if (this.#editable(order))
        throw conflict('supplies.still_editable', 'The hub has not taken this order in yet: change it directly');
      if (['delivered', 'cancelled', 'withdrawn'].includes(order.status))
        throw conflict('supplies.order_closed', `The order is already ${order.status}`);
      const lines = parsed.kind === 'change' ? await checkLines(db, parsed.lines) : undefined;
      refuseProblems(lines?.problems ?? []);
      await orderRepository.insertRequest(db, {
        id: randomUUID(),
        order_id: orderId,
        unit_id: order.unit_id,
        owner: this.sync().identity.nodeId,
        kind: parsed.kind,
        lines: lines?.stored ?? null,
        comment: parsed.comment,
        created_by: ctx.actor?.userId ?? null,
        created_by_name: ctx.actor?.displayName ?? 'Kontor',
      });
      await Outbox.add(trx, ORDERS_TOPIC, { orderId });
    });
    return this.get(ctx, orderId);
  }

  /** The hub's staff move an order on; the unit sees it at its next sync. */
  async setStatus(ctx: RequestContext, id: string, input: StatusChange): Promise<Order> {
    const change = statusChange.parse(input);
    this.#hubOnly();
    if (change.status === 'cancelled' && !change.reason)
      throw badRequest('supplies.reason_required', 'Say why the order is cancelled', [
        { path: 'body.reason', message: 'Say why the order is cancelled' },
      ]);
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const order = await this.#visible(ctx, id, db);
      if (!nextStatuses(order.status).includes(change.status))
        throw conflict('supplies.status_order', `An order that is ${order.status} cannot become ${change.status}`);
      await this.#setStatus(db, ctx, order, change.status, change.reason);
    });
    return this.get(ctx, id);
  }

  /** The hub's staff answer a change request; an accepted one changes the order here, on the hub. */
  async decide(ctx: RequestContext, requestId: string, input: RequestDecisionInput): Promise<Order> {
    const answer = requestDecisionInput.parse(input);
    this.#hubOnly();
    if (answer.decision === 'refused' && !answer.reason)
      throw badRequest('supplies.reason_required', 'Say why the request is refused', [
        { path: 'body.reason', message: 'Say why the request is refused' },
      ]);
    const request = await orderRepository.request(this.#db, requestId);
    if (!request) throw notFound('The change request');
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const order = await this.#visible(ctx, request.order_id, db);
      if (request.decision) throw conflict('supplies.already_decided', `The request was already ${request.decision}`);
      if (answer.decision === 'accepted') {
        if (request.kind === 'withdraw') {
          if (!nextStatuses(order.status).includes('cancelled'))
            throw conflict('supplies.order_closed', `The order is already ${order.status}`);
          await this.#setStatus(db, ctx, order, 'cancelled', request.comment || 'Withdrawn at the unit’s request');
        } else {
          const lines = await checkLines(db, lineArray(request.lines ?? []));
          refuseProblems(lines.problems);
          await orderRepository.update(db, order.id, { lines: lines.stored });
        }
      }
      await orderRepository.decide(db, {
        request_id: requestId,
        unit_id: order.unit_id,
        decision: answer.decision,
        reason: answer.reason,
        decided_by_name: ctx.actor?.displayName ?? 'Kontor',
      });
      await this.platform.audit.record(trx, ctx, {
        action: `supplies.request.${answer.decision}`,
        entity: 'supplies.order',
        entityId: order.id,
        before: { request: { id: requestId, kind: request.kind } },
        after: { decision: answer.decision, reason: answer.reason },
      });
      await Outbox.add(trx, ORDERS_TOPIC, { orderId: order.id });
    });
    return this.get(ctx, request.order_id);
  }

  /** Orders as the feed and exports show them, by id, in the order asked. */
  async byIds(ids: string[]): Promise<Order[]> {
    const { rows } = await orderRepository.list(this.#db, { ids, limit: ids.length || 1, offset: 0 });
    const byId = new Map((await this.#toOrders(rows)).map((order) => [order.id, order]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async #setStatus(db: SuppliesDb, ctx: RequestContext, order: OrderRow, status: HubOrderStatus, reason: string) {
    await orderRepository.setStatus(db, {
      order_id: order.id,
      unit_id: order.unit_id,
      status,
      reason,
      changed_by_name: ctx.actor?.displayName ?? 'Kontor',
    });
    await this.platform.audit.record(db, ctx, {
      action: 'supplies.order.status',
      entity: 'supplies.order',
      entityId: order.id,
      before: { status: order.status },
      after: { status, reason },
    });
    await Outbox.add(db, ORDERS_TOPIC, { orderId: order.id });
  }

  async #changeOwn(ctx: RequestContext, id: string, change: (db: SuppliesDb, order: OrderRow) => Promise<void>) {
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const order = await this.#visible(ctx, id, db);
      if (order.owner !== this.sync().identity.nodeId)
        throw conflict(
          'supplies.not_here',
          'The order was placed on another workstation: change it there, or ask the hub',
        );
      if (!this.#editable(order))
        throw conflict(
          'supplies.received',
          order.status === 'withdrawn'
            ? 'The order is withdrawn'
            : 'The hub has taken this order in: ask for a change or a withdrawal instead',
        );
      await change(db, order);
      await Outbox.add(trx, ORDERS_TOPIC, { orderId: id });
    });
  }

  /** Node names seldom change; a node not yet known here (just enrolled) makes the list be read again. */
  async #nodeNames(ids: string[]): Promise<Map<string, string>> {
    if (!this.#names || ids.some((id) => !this.#names?.has(id))) this.#names = await nodeNames(this.platform.db);
    return this.#names;
  }

  #editable(order: OrderRow) {
    return order.owner === this.sync().identity.nodeId && order.status === 'new';
  }

  #hubOnly() {
    if (!this.sync().isHub)
      throw conflict('supplies.hub_only', 'Orders are taken in on the hub; this node is a workstation');
  }

  #orderer(ctx: RequestContext): Orderer {
    return { userId: ctx.actor?.userId ?? null, permissions: ctx.actor?.permissions ?? new Set() };
  }

  /** The units whose orders the caller sees; undefined: all (staff). */
  async #visibleUnits(ctx: RequestContext, db = this.#db): Promise<string[] | undefined> {
    const orderer = this.#orderer(ctx);
    if (managesSupplies(orderer.permissions)) return undefined;
    return orderer.userId ? membersRepository.unitsOf(db, orderer.userId) : [];
  }

  async #visible(ctx: RequestContext, id: string, db = this.#db): Promise<OrderRow> {
    const order = await orderRepository.find(db, id);
    const units = await this.#visibleUnits(ctx, db);
    if (!order || (units && !units.includes(order.unit_id))) throw notFound('The order');
    return order;
  }

  async #withDelivery(state: Delivery['state'], unitIds: string[] | undefined): Promise<string[]> {
    const own = await orderRepository.ownIds(this.#db, this.sync().identity.nodeId, unitIds);
    const delivery = await this.sync().delivery(
      'supplies.orders',
      own.map((id) => ({ id })),
    );
    return own.filter((_id, index) => delivery[index]?.state === state);
  }

  async #toOrders(rows: OrderRow[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const sync = this.sync();
    const ids = rows.map((row) => row.id);
    const [units, names, deliveries, requests] = await Promise.all([
      this.units.all(),
      this.#nodeNames(rows.map((row) => row.owner)),
      sync.delivery(
        'supplies.orders',
        ids.map((id) => ({ id })),
      ),
      orderRepository.requests(this.#db, ids),
    ]);
    const requestDeliveries = await sync.delivery(
      'supplies.change_requests',
      requests.map((request) => ({ id: request.id })),
    );
    const requestDelivery = new Map(requests.map((request, index) => [request.id, requestDeliveries[index] ?? null]));
    return rows.map((row, index) => {
      const delivery = deliveries[index] ?? null;
      const own = requests
        .filter((request) => request.order_id === row.id)
        .map((request) => toRequest(request, requestDelivery.get(request.id) ?? null));
      const moments = [
        iso(row.updated_at),
        row.status_changed_at ? iso(row.status_changed_at) : '',
        delivery?.changedAt ? iso(delivery.changedAt) : '',
        ...own.flatMap((request) => [request.createdAt, request.decidedAt ?? '']),
      ];
      return {
        id: row.id,
        number: row.number,
        unitId: row.unit_id,
        unitName: units.get(row.unit_id)?.name ?? '',
        deliveryAddress: row.delivery_address,
        requestedDate: row.requested_date,
        note: row.note,
        lines: lineArray(row.lines),
        createdByName: row.created_by_name,
        createdAt: iso(row.created_at),
        originNode: row.owner,
        originNodeName: names.get(row.owner) ?? null,
        ...deliveryFields(delivery),
        status: row.status,
        statusReason: row.status_reason,
        lastChangedAt: moments.sort().at(-1) as string,
        editable: this.#editable(row),
        requests: own,
      };
    });
  }
}

/** What the engine says of this node's last change to a record, as orders and requests carry it. */
const deliveryFields = (delivery: Delivery | null) => ({
  delivery: delivery?.state ?? null,
  deliveryReason: delivery?.reason ?? null,
  deliveryChangedAt: delivery ? iso(delivery.changedAt) : null,
});

function toRequest(row: RequestRow, delivery: Delivery | null): ChangeRequest {
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    lines: row.lines ? lineArray(row.lines) : null,
    comment: row.comment,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    ...deliveryFields(delivery),
    decision: row.decision,
    decisionReason: row.decision_reason ?? '',
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
  };
}
