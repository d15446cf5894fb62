// What the API accepts. Query parameters arrive as strings; an empty one counts as left out.
import { z } from 'zod';
import { ORDER_STATUSES } from './records.js';

const id = z.string().trim().min(1).max(40);
const limit = z.coerce.number().int().min(1).max(1000).default(100);
const q = z.string().max(200).optional();
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

/** Lists walk from a position given by two parameters; one without the other is no position. */
const together = (a: string, b: string) => (query: Record<string, unknown>) =>
  (query[a] === undefined) === (query[b] === undefined);

export const byIdQuery = z.strictObject({ order: z.literal('id'), afterId: id.optional(), limit });

export const clientsQuery = z
  .strictObject({
    order: z.enum(['name', 'id']).optional(),
    q,
    /** The name (or folded name) of the last client seen; folded before comparing. */
    afterName: z.string().max(400).optional(),
    afterId: id.optional(),
    limit,
  })
  .refine(together('afterName', 'afterId'), { message: 'afterName and afterId go together', path: ['afterId'] });

export const ordersQuery = z
  .strictObject({
    order: z.enum(['orderedAt', 'id']).optional(),
    client: id.optional(),
    q,
    status: z.enum(ORDER_STATUSES).optional(),
    /** Ordered at or after: an instant, or a date (that UTC day's start). */
    from: z
      .union([day.transform((date) => new Date(`${date}T00:00:00Z`)), instant.transform((at) => new Date(at))])
      .optional(),
    /** Ordered before: an instant (excluded), or a date (that whole UTC day included). */
    to: z
      .union([
        day.transform((date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000)),
        instant.transform((at) => new Date(at)),
      ])
      .optional(),
    /** The orderedAt and id of the last order seen. */
    beforeAt: instant.transform((at) => new Date(at)).optional(),
    beforeId: id.optional(),
    limit,
  })
  .refine(together('beforeAt', 'beforeId'), { message: 'beforeAt and beforeId go together', path: ['beforeId'] });

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const clientInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable().optional(),
  phone: text(40),
  orgNumber: text(20),
  city: text(100),
});

/** An outside edit: the fields to change, and optionally the version it was made on (refused when stale). */
const version = z.number().int().min(1).optional();
const someField = (patch: Record<string, unknown>) => Object.keys(patch).some((key) => key !== 'version');
const nothingToChange = { message: 'give at least one field to change' };

export const clientPatch = clientInput.partial().extend({ version }).refine(someField, nothingToChange);

const orderFields = z.strictObject({
  clientId: id,
  text: z.string().trim().min(1).max(2000),
  status: z.enum(ORDER_STATUSES),
  amountMinor: z.number().int().min(0).max(100_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as SEK'),
  orderedAt: instant.optional(),
});

export const orderInput = orderFields.extend({
  status: orderFields.shape.status.default('new'),
  currency: orderFields.shape.currency.default('SEK'),
});

export const orderPatch = orderFields.partial().extend({ version }).refine(someField, nothingToChange);
