import { type Insertable, type Selectable, sql } from 'kysely';
import type { AddressRow, CustomerRow, OrdersDb } from './orders-tables.js';
import { containing, foldedSql } from './text-search.js';

export type StoredCustomer = Selectable<CustomerRow>;
export type StoredAddress = Selectable<AddressRow>;

export interface CustomerFilter {
  words: string[];
  /** Keyset: customers created before this one (by created_at, then id). */
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** The shop's customers and their saved addresses: the SQL of `commerce.customers` and `commerce.addresses`. */
export const customersRepository = {
  async get(db: OrdersDb, id: string): Promise<StoredCustomer | undefined> {
    return db.selectFrom('commerce.customers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byUser(db: OrdersDb, userId: string): Promise<StoredCustomer | undefined> {
    return db.selectFrom('commerce.customers').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  /** Customers with this address, account holders first, then the oldest. */
  async byEmail(db: OrdersDb, email: string): Promise<StoredCustomer[]> {
    return db
      .selectFrom('commerce.customers')
      .selectAll()
      .where(sql`lower(email)`, '=', email.trim().toLowerCase())
      .orderBy(sql`user_id is null`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  /** The guest customer (no account) with this address, locked; concurrent guest checkouts wait for each other. */
  async lockGuestByEmail(db: OrdersDb, email: string): Promise<StoredCustomer | undefined> {
    const folded = email.trim().toLowerCase();
    // Two first orders with one address at once must not make two customers: serialise on the address.
    await sql`select pg_advisory_xact_lock(hashtext(${`commerce.customer:${folded}`}))`.execute(db);
    return db
      .selectFrom('commerce.customers')
      .selectAll()
      .where(sql`lower(email)`, '=', folded)
      .where('user_id', 'is', null)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  },

  async insert(db: OrdersDb, customer: Insertable<CustomerRow>): Promise<StoredCustomer> {
    return db.insertInto('commerce.customers').values(customer).returningAll().executeTakeFirstOrThrow();
  },

  /** The account's customer, made on first use; concurrent first uses meet on the unique user_id. */
  async ensureForUser(db: OrdersDb, customer: Insertable<CustomerRow> & { user_id: string }): Promise<StoredCustomer> {
    await db
      .insertInto('commerce.customers')
      .values(customer)
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    return db
      .selectFrom('commerce.customers')
      .selectAll()
      .where('user_id', '=', customer.user_id)
      .executeTakeFirstOrThrow();
  },

  async update(
    db: OrdersDb,
    id: string,
    changes: Partial<Pick<CustomerRow, 'name' | 'phone' | 'kind' | 'company_name' | 'org_number' | 'locale'>>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await db
      .updateTable('commerce.customers')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async search(db: OrdersDb, filter: CustomerFilter): Promise<StoredCustomer[]> {
    let query = db.selectFrom('commerce.customers').selectAll();
    for (const word of filter.words) {
      query = query.where(
        foldedSql(
          sql`name || ' ' || email || ' ' || coalesce(company_name, '') || ' ' || coalesce(org_number, '') || ' ' || coalesce(phone, '')`,
        ),
        'like',
        containing(word),
      );
    }
    if (filter.after) {
      const { createdAt, id } = filter.after;
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
      );
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  },

  async addresses(db: OrdersDb, customerId: string): Promise<StoredAddress[]> {
    return db
      .selectFrom('commerce.addresses')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async address(db: OrdersDb, customerId: string, id: string): Promise<StoredAddress | undefined> {
    return db
      .selectFrom('commerce.addresses')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertAddress(db: OrdersDb, address: Insertable<AddressRow>): Promise<void> {
    await db.insertInto('commerce.addresses').values(address).execute();
  },

  async updateAddress(
    db: OrdersDb,
    id: string,
    changes: Partial<Omit<Insertable<AddressRow>, 'id' | 'customer_id' | 'created_at'>>,
  ): Promise<void> {
    await db.updateTable('commerce.addresses').set(changes).where('id', '=', id).execute();
  },

  async deleteAddress(db: OrdersDb, customerId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('commerce.addresses')
      .where('customer_id', '=', customerId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** At most one default shipping and one default billing address per customer: a new default ends the old one. */
  async clearDefaults(db: OrdersDb, customerId: string, which: { shipping: boolean; billing: boolean }): Promise<void> {
    if (which.shipping)
      await db
        .updateTable('commerce.addresses')
        .set({ default_shipping: false })
        .where('customer_id', '=', customerId)
        .execute();
    if (which.billing)
      await db
        .updateTable('commerce.addresses')
        .set({ default_billing: false })
        .where('customer_id', '=', customerId)
        .execute();
  },
};
