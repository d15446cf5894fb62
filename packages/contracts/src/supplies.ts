import { z } from 'zod';

/** The hub's states of an order; `withdrawn` is the ordering unit's own, before the hub received it. */
export const orderStatuses = ['new', 'received', 'confirmed', 'delivered', 'cancelled', 'withdrawn'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** What the hub's staff may set. */
export const hubOrderStatuses = ['received', 'confirmed', 'delivered', 'cancelled'] as const;
export type HubOrderStatus = (typeof hubOrderStatuses)[number];
/** The hub's status moves forward only; a delivered, cancelled or withdrawn order stays so. */
const NEXT_STATUSES: Record<OrderStatus, readonly HubOrderStatus[]> = {
  new: ['received', 'confirmed', 'cancelled'],
  received: ['confirmed', 'delivered', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
  withdrawn: [],
};
/** What the hub's staff may set next on an order with this status (the server checks it; the web offers it). */
export const nextStatuses = (status: OrderStatus): readonly HubOrderStatus[] => NEXT_STATUSES[status];

/** Where the replication engine says the order's last change made on this node stands. */
export const deliveryStates = ['local', 'sent', 'rejected'] as const;
export type DeliveryState = (typeof deliveryStates)[number];
export const changeRequestKinds = ['change', 'withdraw'] as const;
export const requestDecisions = ['accepted', 'refused'] as const;

export const MAX_ORDER_QUANTITY = 9_999;
export const MAX_ORDER_LINES = 200;

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const supplyCategory = z.object({ id: z.uuid(), name: z.string(), articles: z.number().int() });
export type SupplyCategory = z.infer<typeof supplyCategory>;

export const article = z.object({
  id: z.uuid(),
  articleNumber: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  /** The unit one orders in: "förp" (a pack of `packSize`), "st", "rle" … */
  unit: z.string(),
  packSize: z.number().int(),
  categoryId: z.uuid(),
  categoryName: z.string(),
  supplier: z.string(),
  /** Öre (SEK minor units) per ordering unit, when known. */
  priceMinor: z.number().int().nullable(),
  active: z.boolean(),
  imageUrl: z.string().nullable(),
});
export type Article = z.infer<typeof article>;

export const articleInput = z.strictObject({
  articleNumber: text(40).min(1),
  name: text(200).min(1),
  manufacturer: text(200).default(''),
  unit: text(20).min(1),
  packSize: z.number().int().min(1).max(100_000),
  categoryId: z.uuid(),
  supplier: text(200).default(''),
  priceMinor: z.number().int().min(0).max(100_000_000).nullable().default(null),
  active: z.boolean().default(true),
  /** A picture of the article, at the supplier or anywhere on https. */
  imageUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .default(null),
});
export type ArticleInput = z.input<typeof articleInput>;

export const catalogQuery = z.strictObject({
  q: text(200).optional(),
  categoryId: z.uuid().optional(),
  /** Staff maintaining the catalog see inactive articles too. */
  includeInactive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const catalogPage = z.object({ articles: z.array(article), total: z.number().int() });

export const orderLineInput = z.strictObject({
  articleId: z.uuid(),
  quantity: z.number().int().min(1).max(MAX_ORDER_QUANTITY),
});
export type OrderLineInput = z.infer<typeof orderLineInput>;

/** A line as ordered: the article's number, name and unit are kept as they were when the order was placed. */
export const orderLine = orderLineInput.extend({
  articleNumber: z.string(),
  name: z.string(),
  unit: z.string(),
  packSize: z.number().int(),
});
export type OrderLine = z.infer<typeof orderLine>;

const lines = z.array(orderLineInput).min(1).max(MAX_ORDER_LINES);

export const orderInput = z.strictObject({
  unitId: z.uuid(),
  deliveryAddress: text(500).min(1),
  requestedDate: isoDate,
  note: text(2000).default(''),
  lines,
});
export type OrderInput = z.input<typeof orderInput>;

export const orderEdit = orderInput.omit({ unitId: true });
export type OrderEdit = z.input<typeof orderEdit>;

export const changeRequestInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('change'), lines, comment: text(2000).default('') }),
  z.strictObject({ kind: z.literal('withdraw'), comment: text(2000).default('') }),
]);
export type ChangeRequestInput = z.input<typeof changeRequestInput>;

/**
 * The engine's word on this node's last change to a record: `delivery` is `local` (saved here only), `sent` (the
 * hub holds it) or `rejected` (with the hub's reason); all three are null for a record another node made.
 */
const deliveryFields = {
  delivery: z.enum(deliveryStates).nullable(),
  deliveryReason: z.string().nullable(),
  deliveryChangedAt: z.iso.datetime({ offset: true }).nullable(),
};

export const changeRequest = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  kind: z.enum(changeRequestKinds),
  lines: z.array(orderLine).nullable(),
  comment: z.string(),
  createdByName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  ...deliveryFields,
  decision: z.enum(requestDecisions).nullable(),
  decisionReason: z.string(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ChangeRequest = z.infer<typeof changeRequest>;

export const order = z.object({
  id: z.uuid(),
  /** Short and readable aloud ("KO-7QX4M2"); made by the ordering node, so it exists offline. */
  number: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  deliveryAddress: z.string(),
  requestedDate: isoDate,
  note: z.string(),
  lines: z.array(orderLine),
  createdByName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The node that placed it. */
  originNode: z.string(),
  originNodeName: z.string().nullable(),
  ...deliveryFields,
  status: z.enum(orderStatuses),
  statusReason: z.string(),
  /** When anything about the order last changed: an edit, its delivery, or the hub's status. */
  lastChangedAt: z.iso.datetime({ offset: true }),
  /** Whether this node may still edit or withdraw it directly (it was placed here and the hub has not received it). */
  editable: z.boolean(),
  requests: z.array(changeRequest),
});
export type Order = z.infer<typeof order>;

const statusWord = `(${orderStatuses.join('|')})`;

export const orderListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  /** One status or several, separated by commas ("new,received": the hub's open orders). */
  status: z
    .string()
    .regex(
      new RegExp(`^${statusWord}(,${statusWord})*$`),
      `one or more of ${orderStatuses.join(', ')}, comma-separated`,
    )
    .optional(),
  delivery: z.enum(deliveryStates).optional(),
  q: text(200).optional(),
  /** Orders with an undecided change request only (the hub's queue). */
  openRequests: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrderListQuery = z.input<typeof orderListQuery>;

export const orderPage = z.object({ orders: z.array(order), total: z.number().int() });

export const orderExportQuery = orderListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const statusChange = z.strictObject({
  status: z.enum(hubOrderStatuses),
  reason: text(500).default(''),
});
export type StatusChange = z.input<typeof statusChange>;

export const requestDecisionInput = z.strictObject({
  decision: z.enum(requestDecisions),
  reason: text(500).default(''),
});
export type RequestDecisionInput = z.input<typeof requestDecisionInput>;

/** A care unit someone may order for, with what the unit keeps at hand. */
export const orderingUnit = z.object({ id: z.uuid(), name: z.string(), path: z.string() });
export type OrderingUnit = z.infer<typeof orderingUnit>;

export const favouriteList = z.object({ unitId: z.uuid(), articleIds: z.array(z.uuid()) });

export const standardOrder = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: z.string(),
  lines: z.array(orderLine),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type StandardOrder = z.infer<typeof standardOrder>;

export const standardOrderInput = z.strictObject({ unitId: z.uuid(), name: text(200).min(1), lines });
export type StandardOrderInput = z.input<typeof standardOrderInput>;

export const unitMembersInput = z.strictObject({ userIds: z.array(z.uuid()).max(10_000) });
/** Who may order for a unit, and the users one may choose from (every user who may sign in). */
export const unitMembers = z.object({
  unitId: z.uuid(),
  userIds: z.array(z.uuid()),
  candidates: z.array(z.object({ id: z.uuid(), username: z.string(), displayName: z.string() })),
});
export type UnitMembers = z.infer<typeof unitMembers>;

export const feedEventKinds = ['order.placed', 'order.changed', 'order.status', 'order.request'] as const;
export const feedQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const feedItem = z.object({
  cursor: z.number().int(),
  kind: z.enum(feedEventKinds),
  at: z.iso.datetime({ offset: true }),
  order: order.omit({
    delivery: true,
    deliveryReason: true,
    deliveryChangedAt: true,
    editable: true,
    originNodeName: true,
  }),
});
export type FeedItem = z.infer<typeof feedItem>;
/** `next` is the cursor to ask after next time; equal to `after` when nothing new came. */
export const feedPage = z.object({ items: z.array(feedItem), next: z.number().int() });
export type FeedPage = z.infer<typeof feedPage>;
