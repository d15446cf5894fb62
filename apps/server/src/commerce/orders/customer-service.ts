import { randomUUID } from 'node:crypto';
import type { ShopAddress, ShopAddressInput, ShopCustomer, ShopOrderSummary } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { customersRepository, type StoredCustomer } from './customers-repository.js';
import { toAddress, toCustomer, toOrderSummary } from './mappers.js';
import type { OrderDraft } from './order-service.js';
import { ordersRepository } from './orders-repository.js';
import type { OrdersDb, OrdersTables } from './orders-tables.js';
import { searchWords } from './text-search.js';

export interface CustomerSearch {
  /** Words of the name, e-mail address, company, organisation number or phone; all must occur. */
  q?: string;
  /** The `nextCursor` of the page before. */
  cursor?: string;
  limit?: number;
}

const encodeCursor = (row: StoredCustomer) => `${row.created_at.toISOString()}_${row.id}`;
function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('_');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new AppError(400, 'validation_failed', 'The cursor is not one this API gave out', {
      errors: [{ path: 'querystring.cursor', message: 'is not a cursor of this list' }],
    });
  return { createdAt, id };
}

/**
 * The shop's customers, persons and companies, as the module's public service: the service desk finds the caller
 * and their orders with it, the legacy migration adds customers through it. A customer is a guest (an e-mail address
 * that ordered) or an account holder (linked to a Kontor user); one person may be both, as two customers.
 */
export class CustomerService {
  readonly #db: OrdersDb;

  constructor(readonly platform: Platform) {
    this.#db = platform.db.withTables();
  }

  async get(_ctx: RequestContext, id: string): Promise<ShopCustomer | undefined> {
    const row = await customersRepository.get(this.#db, id);
    return row && toCustomer(row);
  }

  /** The customers with this address (case does not matter), account holders first. */
  async findByEmail(_ctx: RequestContext, email: string): Promise<ShopCustomer[]> {
    return (await customersRepository.byEmail(this.#db, email)).map(toCustomer);
  }

  /** The customer record of a Kontor account, if it has one. */
  async findByUser(_ctx: RequestContext, userId: string): Promise<ShopCustomer | undefined> {
    const row = await customersRepository.byUser(this.#db, userId);
    return row && toCustomer(row);
  }

  /** Customers whose name, e-mail, company, organisation number or phone hold all the words; newest first. */
  async search(
    _ctx: RequestContext,
    search: CustomerSearch,
  ): Promise<{ items: ShopCustomer[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(search.limit ?? 50, 1), 200);
    const rows = await customersRepository.search(this.#db, {
      words: searchWords(search.q),
      after: decodeCursor(search.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toCustomer), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** A customer's orders, newest first, by pages (`cursor` is the `nextCursor` of the page before). */
  async orders(
    _ctx: RequestContext,
    customerId: string,
    page: { cursor?: number; limit?: number } = {},
  ): Promise<{ items: ShopOrderSummary[]; nextCursor: number | null }> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
    const rows = await ordersRepository.list(this.#db, {
      customerId,
      words: [],
      beforeNumber: page.cursor,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    return {
      items: items.map(toOrderSummary),
      nextCursor: rows.length > limit ? (items.at(-1)?.number ?? null) : null,
    };
  }

  async detail(ctx: RequestContext, id: string) {
    const customer = await customersRepository.get(this.#db, id);
    if (!customer) throw notFound(`Customer ${id}`);
    const addresses = await customersRepository.addresses(this.#db, id);
    const { items } = await this.orders(ctx, id, { limit: 50 });
    return { ...toCustomer(customer), addresses: addresses.map(toAddress), orders: items };
  }

  /**
   * The customer an order belongs to, in the checkout's transaction: the account's own (made on its first order),
   * or for a guest the earlier guest customer with the same address. A guest order never joins an account by e-mail:
   * nobody proved they own that address, so it would show one person's order to another.
   */
  async resolveForOrder(trx: Db, customer: OrderDraft['customer'], locale: string): Promise<StoredCustomer> {
    const db = trx.withTables<OrdersTables>();
    const details = {
      kind: customer.kind,
      name: customer.name,
      phone: customer.phone ?? null,
      company_name: customer.kind === 'company' ? (customer.companyName ?? customer.name) : null,
      org_number: customer.kind === 'company' ? (customer.orgNumber ?? null) : null,
      locale,
    };
    if (customer.userId) {
      const row = await customersRepository.ensureForUser(db, {
        id: randomUUID(),
        user_id: customer.userId,
        email: customer.email,
        ...details,
      });
      // The account's own name and e-mail stay as its holder keeps them; a company order makes the customer one.
      if (customer.kind === 'company' && row.kind !== 'company')
        await customersRepository.update(db, row.id, {
          kind: 'company',
          company_name: details.company_name,
          org_number: details.org_number,
        });
      return row;
    }
    const guest = await customersRepository.lockGuestByEmail(db, customer.email);
    if (guest) {
      await customersRepository.update(db, guest.id, details);
      return { ...guest, ...details };
    }
    return customersRepository.insert(db, { id: randomUUID(), user_id: null, email: customer.email, ...details });
  }

  /** The account's customer record, made now if the account never ordered. */
  async ensureForUser(
    trx: Db,
    user: { userId: string; email: string; name: string; locale: string },
  ): Promise<StoredCustomer> {
    return customersRepository.ensureForUser(trx.withTables(), {
      id: randomUUID(),
      user_id: user.userId,
      email: user.email,
      name: user.name,
      kind: 'person',
      locale: user.locale,
    });
  }

  async addresses(_ctx: RequestContext, customerId: string): Promise<ShopAddress[]> {
    return (await customersRepository.addresses(this.#db, customerId)).map(toAddress);
  }

  async addAddress(_ctx: RequestContext, customerId: string, input: ShopAddressInput): Promise<ShopAddress> {
    const id = randomUUID();
    await this.platform.transaction(async (trx) => {
      const db = trx.withTables<OrdersTables>();
      await customersRepository.clearDefaults(db, customerId, {
        shipping: input.defaultShipping,
        billing: input.defaultBilling,
      });
      await customersRepository.insertAddress(db, { id, customer_id: customerId, ...addressColumns(input) });
    });
    return this.#address(customerId, id);
  }

  async updateAddress(
    _ctx: RequestContext,
    customerId: string,
    id: string,
    input: ShopAddressInput,
  ): Promise<ShopAddress> {
    await this.platform.transaction(async (trx) => {
      const db = trx.withTables<OrdersTables>();
      if (!(await customersRepository.address(db, customerId, id))) throw notFound(`Address ${id}`);
      await customersRepository.clearDefaults(db, customerId, {
        shipping: input.defaultShipping,
        billing: input.defaultBilling,
      });
      await customersRepository.updateAddress(db, id, addressColumns(input));
    });
    return this.#address(customerId, id);
  }

  async deleteAddress(_ctx: RequestContext, customerId: string, id: string): Promise<void> {
    if (!(await customersRepository.deleteAddress(this.#db, customerId, id))) throw notFound(`Address ${id}`);
  }

  async #address(customerId: string, id: string): Promise<ShopAddress> {
    const row = await customersRepository.address(this.#db, customerId, id);
    if (!row) throw notFound(`Address ${id}`);
    return toAddress(row);
  }
}

const addressColumns = (input: ShopAddressInput) => ({
  name: input.name,
  company: input.company ?? null,
  line1: input.line1,
  line2: input.line2 ?? null,
  postal_code: input.postalCode,
  city: input.city,
  country: input.country,
  phone: input.phone ?? null,
  default_shipping: input.defaultShipping,
  default_billing: input.defaultBilling,
});
