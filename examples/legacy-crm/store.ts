import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import lockfile from 'proper-lockfile';
import { foldName } from './fold.js';
import {
  type Client,
  clientId,
  MAX_CLIENTS,
  MAX_ORDERS,
  type Order,
  type OrderStatus,
  orderId,
  orderNumber,
  type Page,
} from './records.js';
import { DROP_INDEXES, INDEXES, TABLES } from './schema.js';
import { type SeedOptions, type SeedResult, seedRecords, seedSchema } from './seed.js';

export interface ClientFields {
  name: string;
  email?: string | null;
  phone?: string | null;
  orgNumber?: string | null;
  city?: string | null;
}

export interface OrderFields {
  clientId: string;
  text: string;
  status: OrderStatus;
  amountMinor: number;
  currency: string;
  orderedAt?: string;
}

export interface ClientQuery {
  words: string[];
  /** Strictly after this position of the (sortName, id) order. */
  after?: { sortName: string; id: string };
  limit: number;
}

export interface OrderQuery {
  clientId?: string;
  words: string[];
  status?: OrderStatus;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Strictly before this position of the (orderedAt, id) order, which is walked newest first. */
  before?: { at: Date; id: string };
  limit: number;
}

/** Why a write did not happen; the API turns each into its problem. */
export type WriteRefusal = 'not_found' | 'stale' | 'no_client' | 'full';

interface ClientRow {
  id: string;
  version: number;
  name: string;
  email: string | null;
  phone: string | null;
  org_number: string | null;
  city: string | null;
  created_at: Date;
  updated_at: Date;
}

interface OrderRow {
  id: string;
  version: number;
  number: string;
  client_id: string;
  text: string;
  status: OrderStatus;
  amount_minor: number;
  currency: string;
  ordered_at: Date;
  updated_at: Date;
}

const CLIENT_COLUMNS = 'id, version, name, email, phone, org_number, city, created_at, updated_at';
const ORDER_COLUMNS = 'id, version, number, client_id, text, status, amount_minor, currency, ordered_at, updated_at';

const toClient = (row: ClientRow): Client => ({
  id: row.id,
  version: row.version,
  name: row.name,
  email: row.email,
  phone: row.phone,
  orgNumber: row.org_number,
  city: row.city,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  version: row.version,
  number: row.number,
  clientId: row.client_id,
  text: row.text,
  status: row.status,
  amountMinor: Number(row.amount_minor),
  currency: row.currency,
  orderedAt: row.ordered_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The rows of a `limit + 1` query as a page: the extra row only says that more exist. */
const toPage = <R, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> => ({
  items: rows.slice(0, limit).map(map),
  hasMore: rows.length > limit,
});

/** The positional parameters of one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const where = (conditions: string[]) => (conditions.length ? `where ${conditions.join(' and ')}` : '');
/** Each word occurs in the column (`like` rather than `strpos`, so the trigram index can answer it). */
const wordsIn = (column: string, words: string[], params: Params) =>
  words.map((word) => `${column} like ${params.add(`%${word.replace(/[\\%_]/g, '\\$&')}%`)}`);

type Db = PGlite | Transaction;

/** The CRM's database: PGlite in memory, or in a directory this process holds a lock on. */
export class CrmStore {
  private constructor(
    private readonly db: PGlite,
    private readonly unlock: () => Promise<void>,
  ) {}

  static async open(dataDir?: string): Promise<CrmStore> {
    let unlock: () => Promise<void> = async () => undefined;
    if (dataDir) {
      // PGlite does not stop a second process opening the same directory, and silently loses writes when it does.
      mkdirSync(dataDir, { recursive: true });
      const lockfilePath = `${dataDir}/legacy-crm.lock`;
      // Generous staleness: PGlite's first start blocks the event loop for seconds on a busy machine.
      unlock = await lockfile
        .lock(dataDir, {
          lockfilePath,
          stale: 60_000,
          update: 10_000,
          onCompromised: (error) => console.error(`legacy-crm: lost the lock on ${dataDir}`, error),
        })
        .catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ELOCKED') throw error;
          throw new Error(`Another process uses ${dataDir} (${lockfilePath}); stop it, or wait a minute after a crash`);
        });
    }
    const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    await db.exec(TABLES + INDEXES);
    return new CrmStore(db, unlock);
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.unlock();
  }

  async clientsByName(query: ClientQuery): Promise<Page<Client>> {
    const params = new Params();
    const conditions = wordsIn('sort_name', query.words, params);
    if (query.after)
      conditions.push(`(sort_name, id) > (${params.add(query.after.sortName)}, ${params.add(query.after.id)})`);
    const { rows } = await this.db.query<ClientRow>(
      `select ${CLIENT_COLUMNS} from clients ${where(conditions)}
       order by sort_name, id limit ${params.add(query.limit + 1)}`,
      params.values,
    );
    return toPage(rows, query.limit, toClient);
  }

  async clientsById(afterId: string | undefined, limit: number): Promise<Page<Client>> {
    const { rows } = await this.db.query<ClientRow>(
      `select ${CLIENT_COLUMNS} from clients where id > $1 order by id limit $2`,
      [afterId ?? '', limit + 1],
    );
    return toPage(rows, limit, toClient);
  }

  async client(id: string, db: Db = this.db): Promise<Client | undefined> {
    const { rows } = await db.query<ClientRow>(`select ${CLIENT_COLUMNS} from clients where id = $1`, [id]);
    return rows[0] && toClient(rows[0]);
  }

  createClient(fields: ClientFields): Promise<Client | WriteRefusal> {
    return this.db.transaction(async (tx) => {
      const no = (await lastNo(tx, 'clients')) + 1;
      if (no > MAX_CLIENTS) return 'full';
      const { rows } = await tx.query<ClientRow>(
        `insert into clients (id, version, name, sort_name, email, phone, org_number, city, created_at, updated_at)
         values ($1, 1, $2, $3, $4, $5, $6, $7, now(), now()) returning ${CLIENT_COLUMNS}`,
        [clientId(no), ...clientValues(fields)],
      );
      return toClient(rows[0] as ClientRow);
    });
  }

  patchClient(id: string, patch: Partial<ClientFields>, version?: number): Promise<Client | WriteRefusal> {
    return this.db.transaction(async (tx) => {
      const current = await this.client(id, tx);
      if (!current) return 'not_found';
      if (version !== undefined && version !== current.version) return 'stale';
      const { rows } = await tx.query<ClientRow>(
        `update clients set name = $2, sort_name = $3, email = $4, phone = $5, org_number = $6, city = $7,
           version = version + 1, updated_at = now()
         where id = $1 returning ${CLIENT_COLUMNS}`,
        [id, ...clientValues({ ...current, ...patch })],
      );
      return toClient(rows[0] as ClientRow);
    });
  }

  async ordersByTime(query: OrderQuery): Promise<Page<Order>> {
    const params = new Params();
    const conditions = wordsIn('search_text', query.words, params);
    if (query.clientId) conditions.push(`client_id = ${params.add(query.clientId)}`);
    if (query.status) conditions.push(`status = ${params.add(query.status)}`);
    if (query.from) conditions.push(`ordered_at >= ${params.add(query.from)}`);
    if (query.to) conditions.push(`ordered_at < ${params.add(query.to)}`);
    if (query.before)
      conditions.push(`(ordered_at, id) < (${params.add(query.before.at)}, ${params.add(query.before.id)})`);
    const { rows } = await this.db.query<OrderRow>(
      `select ${ORDER_COLUMNS} from orders ${where(conditions)}
       order by ordered_at desc, id desc limit ${params.add(query.limit + 1)}`,
      params.values,
    );
    return toPage(rows, query.limit, toOrder);
  }

  async ordersById(afterId: string | undefined, limit: number): Promise<Page<Order>> {
    const { rows } = await this.db.query<OrderRow>(
      `select ${ORDER_COLUMNS} from orders where id > $1 order by id limit $2`,
      [afterId ?? '', limit + 1],
    );
    return toPage(rows, limit, toOrder);
  }

  async order(id: string, db: Db = this.db): Promise<Order | undefined> {
    const { rows } = await db.query<OrderRow>(`select ${ORDER_COLUMNS} from orders where id = $1`, [id]);
    return rows[0] && toOrder(rows[0]);
  }

  createOrder(fields: OrderFields): Promise<Order | WriteRefusal> {
    return this.db.transaction(async (tx) => {
      if (!(await this.client(fields.clientId, tx))) return 'no_client';
      const no = (await lastNo(tx, 'orders')) + 1;
      if (no > MAX_ORDERS) return 'full';
      const number = orderNumber(no);
      const { rows } = await tx.query<OrderRow>(
        `insert into orders (id, version, number, client_id, text, search_text, status, amount_minor, currency,
           ordered_at, updated_at)
         values ($1, 1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), now())
         returning ${ORDER_COLUMNS}`,
        [orderId(no), number, ...orderValues(number, fields), fields.orderedAt ?? null],
      );
      return toOrder(rows[0] as OrderRow);
    });
  }

  patchOrder(id: string, patch: Partial<OrderFields>, version?: number): Promise<Order | WriteRefusal> {
    return this.db.transaction(async (tx) => {
      const current = await this.order(id, tx);
      if (!current) return 'not_found';
      if (version !== undefined && version !== current.version) return 'stale';
      if (patch.clientId && !(await this.client(patch.clientId, tx))) return 'no_client';
      const next = { ...current, ...patch };
      const { rows } = await tx.query<OrderRow>(
        `update orders set client_id = $2, text = $3, search_text = $4, status = $5, amount_minor = $6, currency = $7,
           ordered_at = $8, version = version + 1, updated_at = now()
         where id = $1 returning ${ORDER_COLUMNS}`,
        [id, ...orderValues(current.number, next), next.orderedAt],
      );
      return toOrder(rows[0] as OrderRow);
    });
  }

  async stats(): Promise<{ clients: number; orders: number }> {
    const { rows } = await this.db.query<{ clients: number; orders: number }>(
      'select (select count(*) from clients)::int as clients, (select count(*) from orders)::int as orders',
    );
    return rows[0] as { clients: number; orders: number };
  }

  async reset(): Promise<void> {
    await this.db.exec('truncate clients, orders');
  }

  seed(input: SeedOptions): Promise<SeedResult | WriteRefusal> {
    const options = seedSchema.parse(input);
    return this.db.transaction(async (tx) => {
      const [clientStart, orderStart] = [await lastNo(tx, 'clients'), await lastNo(tx, 'orders')];
      const orders = options.clients * options.ordersPerClient;
      if (clientStart + options.clients > MAX_CLIENTS || orderStart + orders > MAX_ORDERS) return 'full';
      const rebuild = options.clients > clientStart;
      if (rebuild) await tx.exec(DROP_INDEXES);
      await seedRecords(tx, options, clientStart, orderStart);
      if (rebuild) await tx.exec(INDEXES);
      // Fresh statistics, or the planner does not know a rare word is best found through the trigrams.
      await tx.exec('analyze clients, orders');
      return { clients: options.clients, orders };
    });
  }
}

/** The number of the last record made (its id without the letter), 0 when there is none. */
const lastNo = async (db: Db, table: 'clients' | 'orders') => {
  const { rows } = await db.query<{ id: string | null }>(`select max(id) as id from ${table}`);
  return Number(rows[0]?.id?.slice(1) ?? 0);
};

const clientValues = (fields: ClientFields) => [
  fields.name,
  foldName(fields.name),
  fields.email ?? null,
  fields.phone ?? null,
  fields.orgNumber ?? null,
  fields.city ?? null,
];

const orderValues = (number: string, fields: OrderFields) => [
  fields.clientId,
  fields.text,
  foldName(`${number} ${fields.text}`),
  fields.status,
  fields.amountMinor,
  fields.currency,
];
