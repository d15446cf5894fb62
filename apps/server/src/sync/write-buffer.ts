import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import { keyMatch, quoteTable, type ReplicatedTable, upsertRows } from './replicated-tables.js';

const MAX_ROWS = 500;

/** A row's key as text, the same whether read from a change's key or from its data. */
export const keyText = (table: ReplicatedTable, values: Record<string, unknown>) =>
  JSON.stringify(table.key.map((column) => values[column]));

/**
 * Writes received changes in order, merging consecutive upserts of one table with distinct keys into one
 * statement. Anything that reads the tables must `flush` first.
 */
export class WriteBuffer {
  #table: ReplicatedTable | undefined;
  #rows: Array<Record<string, unknown>> = [];
  #keys = new Set<string>();

  constructor(private readonly trx: Db) {}

  async write(
    table: ReplicatedTable,
    op: 'upsert' | 'delete',
    key: Record<string, unknown>,
    data: Record<string, unknown> | null,
  ) {
    if (op === 'delete' || !data) {
      await this.flush();
      const target = sql.raw(quoteTable(table.table));
      await sql`delete from ${target} t using jsonb_populate_record(null::${target}, ${JSON.stringify(key)}::jsonb) k
        where ${keyMatch(table)}`.execute(this.trx);
      return;
    }
    const text = keyText(table, data);
    if (this.#table !== table || this.#keys.has(text) || this.#rows.length >= MAX_ROWS) await this.flush();
    this.#table = table;
    this.#rows.push(data);
    this.#keys.add(text);
  }

  async flush() {
    if (this.#table && this.#rows.length > 0) await upsertRows(this.trx, this.#table, this.#rows);
    this.#table = undefined;
    this.#rows = [];
    this.#keys = new Set();
  }
}

/** The owner of each of these rows that exists, keyed by `keyText`; absent keys have no row yet. */
export async function ownersOf(
  trx: Db,
  table: ReplicatedTable,
  keys: Array<Record<string, unknown>>,
): Promise<Map<string, unknown>> {
  const owner = table.ownerColumn as string;
  const target = sql.raw(quoteTable(table.table));
  const result = await sql<Record<string, unknown>>`
    select t.* from ${target} t join jsonb_populate_recordset(null::${target}, ${JSON.stringify(keys)}::jsonb) k
      on ${keyMatch(table)}`.execute(trx);
  return new Map(result.rows.map((row) => [keyText(table, row), row[owner]]));
}
