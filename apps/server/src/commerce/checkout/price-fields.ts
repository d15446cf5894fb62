import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../platform/http/errors.js';

/** Names a client might use to smuggle a price in: unitPrice, total, amountMinor, vat, shippingCost, discount … */
const PRICE_FIELD = /price|total|amount|vat|tax|cost|sum|discount|minor/i;

function priceFieldPaths(value: unknown, path: string, found: string[]) {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) priceFieldPaths(item, `${path}.${index}`, found);
  } else if (value && typeof value === 'object')
    for (const [key, member] of Object.entries(value)) {
      if (PRICE_FIELD.test(key)) found.push(`${path}.${key}`);
      priceFieldPaths(member, `${path}.${key}`, found);
    }
}

/**
 * Refuses, before validation, a body naming a price, total or amount anywhere: the server prices carts and orders
 * from the catalog alone. The strict schemas would refuse such fields too; this says plainly why.
 */
export async function refusePriceFields(request: FastifyRequest) {
  const found: string[] = [];
  priceFieldPaths(request.body, 'body', found);
  if (found.length > 0)
    throw badRequest(
      'commerce.price_fields_refused',
      'Prices are computed by the server from the catalog; a request may not name any',
      found.map((path) => ({ path, message: 'prices are not taken from the request' })),
    );
}
