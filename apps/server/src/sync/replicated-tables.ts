import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';

/**
 * How a table replicates (ARCHITECTURE.md, Sync):
 * - `reference`: written on the hub only; every node holds a read-only copy.
 * - `owned`: a node creates rows it owns (`ownerColumn` holds its node id); changes by anyone else but the hub
 *   are refused.
 * - `shared`: any node writes; concurrent changes merge column by column, the newest stamp winning
 *   (see shared-rows.ts).
 */
export type ReplicationPolicy = 'reference' | 'owned' | 'shared';

export interface ReplicatedTable {
  /** `schema.table`. */
  table: string;
  policy: ReplicationPolicy;
  key: string[];
  /** The columns that travel; the rest stay node-local (a failed sign-in count, say). */
  columns: string[];
  ownerColumn?: string;
  /**
   * Limits which nodes get a row: a node whose scope lists values under `key` (e.g. `{ "units": [...] }`) gets
   * only the rows whose `column` holds one of them; a node without that key in its scope gets every row.
   */
  scope?: { column: string; key: string };
  /**
   * The owning module's rules for a node's change to an `owned` row, checked on the hub (the place every order
   * passes), after the policy's own checks: why it is refused, or undefined. The row's earlier changes in the
   * same batch are already written when it runs.
   */
  validate?: (db: Db, change: ProposedChange) => Promise<string | undefined>;
}

/** A node's change to an `owned` row as a module's `validate` sees it. */
export interface ProposedChange {
  op: 'upsert' | 'delete';
  key: Record<string, unknown>;
  data: Record<string, unknown> | null;
  /** The node that made it, and the rows the registry limits that node to. */
  origin: { nodeId: string; scope: NodeScope };
}

/** A node's scope: for each scope key, the values it is limited to. */
export type NodeScope = Record<string, string[]>;

/** Whether a row (or a change's data) is within a node's scope for this table. */
export function inScope(table: ReplicatedTable, data: Record<string, unknown> | null, scope: NodeScope): boolean {
  const allowed = table.scope ? scope[table.scope.key] : undefined;
  const value = table.scope ? data?.[table.scope.column] : undefined;
  return !allowed || value === undefined || value === null || allowed.includes(String(value));
}

/** `inScope` as a WHERE clause over the table's rows (none when the node is not limited on this table's key). */
export function scopeFilter(table: ReplicatedTable, scope: NodeScope) {
  const allowed = table.scope ? scope[table.scope.key] : undefined;
  if (!table.scope || !allowed) return sql``;
  const column = sql.ref(table.scope.column);
  return sql`where ${column} is null or ${column}::text = any(${allowed}::text[])`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export const quoteTable = (table: string) =>
  table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');

export function checkDeclaration(table: ReplicatedTable) {
  const parts = table.table.split('.');
  const names = [...parts, ...table.key, ...table.columns, ...(table.ownerColumn ? [table.ownerColumn] : [])];
  if (table.scope && !table.columns.includes(table.scope.column)) {
    throw new Error(`Replicated table ${table.table}: its scope column must be among its replicated columns`);
  }
  if (parts.length !== 2 || names.some((name) => !IDENTIFIER.test(name))) {
    throw new Error(`Replicated table ${table.table}: names must be plain lower-case SQL identifiers`);
  }
  if (table.key.some((column) => !table.columns.includes(column))) {
    throw new Error(`Replicated table ${table.table}: its key columns must be among its replicated columns`);
  }
}

/** (Re)creates the capture trigger of each replicated table; runs at every start, so declarations may change. */
export async function installCapture(db: Db, tables: ReplicatedTable[], schemaVersion: number) {
  for (const table of tables) {
    checkDeclaration(table);
    const args = [table.policy, table.key.join(','), table.columns.join(','), String(schemaVersion)].map(
      (arg) => `'${arg}'`,
    );
    await sql
      .raw(
        `create or replace trigger kontor_sync_capture after insert or update or delete on ${quoteTable(table.table)}
         for each row execute function sync.capture(${args.join(', ')})`,
      )
      .execute(db);
  }
}

/**
 * Writes rows given as JSON into a replicated table, insert-or-update by key, touching only replicated columns
 * (node-local ones keep their values). One row or many; used by the applier and by snapshot loading.
 */
export async function upsertRows(
  db: Db,
  table: ReplicatedTable,
  rows: Record<string, unknown> | Array<Record<string, unknown>>,
  /** The columns an existing row takes from `rows` (default: every replicated one given); a new row takes all. */
  updateColumns?: string[],
) {
  const many = Array.isArray(rows);
  const sample = many ? rows[0] : rows;
  if (!sample) return;
  const target = sql.raw(quoteTable(table.table));
  const columns = table.columns.filter((column) => column in sample);
  const list = sql.join(columns.map((column) => sql.ref(column)));
  const updates = columns.filter((column) => !table.key.includes(column) && (updateColumns?.includes(column) ?? true));
  const source = many
    ? sql`jsonb_populate_recordset(null::${target}, ${JSON.stringify(rows)}::jsonb)`
    : sql`jsonb_populate_record(null::${target}, ${JSON.stringify(rows)}::jsonb)`;
  const onConflict =
    updates.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(updates.map((column) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`))}`;
  await sql`insert into ${target} (${list}) select ${list} from ${source}
    on conflict (${sql.join(table.key.map((column) => sql.ref(column)))}) ${onConflict}`.execute(db);
}

/** Deletes every row of the table whose key is not among `rows`'. */
export async function deleteRowsBut(db: Db, table: ReplicatedTable, rows: Array<Record<string, unknown>>) {
  const target = sql.raw(quoteTable(table.table));
  await sql`delete from ${target} t where not exists (
      select 1 from jsonb_populate_recordset(null::${target}, ${JSON.stringify(rows)}::jsonb) k where ${keyMatch(table)})`.execute(
    db,
  );
}

/** Joins a table alias `t` to a JSON key `k` on every key column. */
export const keyMatch = (table: ReplicatedTable) =>
  sql.join(
    table.key.map((column) => sql`t.${sql.ref(column)} = k.${sql.ref(column)}`),
    sql` and `,
  );
