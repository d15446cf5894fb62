import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import type { ReplicatedTable } from './replicated-tables.js';
import type { WireChange } from './signing.js';
import { keyText } from './write-buffer.js';

/** Where a change to a shared row lists the columns it changed (absent: all, as for an insert). */
export const CHANGED_COLUMNS = '$columns';
const DELETED = '$deleted';

/** What applying a change to a shared row comes to. */
export type SharedVerdict = { write: 'delete' } | { write: 'upsert'; columns: string[] } | { superseded: string };

/**
 * Column clocks of `shared` rows: for each column, the stamp of the newest change that wrote it, and when the row
 * was last deleted. A change writes only the columns it changed whose clock it beats (last writer wins per
 * column); a delete wins over older writes and loses to newer ones, which bring the row back. Every node that
 * applies the same changes, in whatever order, ends with the same values.
 */
export class CellClocks {
  readonly #rows = new Map<string, Map<string, string>>();

  /** The clocks of every shared row these changes touch, from the changes this node applied before. */
  static async load(trx: Db, tables: Map<string, ReplicatedTable>, changes: WireChange[]): Promise<CellClocks> {
    const clocks = new CellClocks();
    const shared = changes.filter((change) => tables.get(change.table)?.policy === 'shared');
    if (shared.length === 0) return clocks;
    const result = await sql<{ tbl: string; pk: Record<string, unknown>; hlc: string; op: string; data: unknown }>`
      select c.tbl, c.pk, c.hlc, c.op, c.data
      from (select distinct * from unnest(${shared.map((change) => change.table)}::text[],
              ${shared.map((change) => JSON.stringify(change.key))}::jsonb[]) as k(tbl, pk)) k
      cross join lateral (select * from sync.changes c
          where c.tbl = k.tbl and c.pk = k.pk and c.status = 'applied') c`.execute(trx);
    for (const row of result.rows) {
      const table = tables.get(row.tbl) as ReplicatedTable;
      const data = row.data as Record<string, unknown> | null;
      clocks.#advance(table, row.pk, row.op === 'delete' ? [DELETED] : changedColumns(table, data), row.hlc);
    }
    return clocks;
  }

  decide(table: ReplicatedTable, change: WireChange): SharedVerdict {
    const clocks = this.#rows.get(rowId(table, change.key)) ?? new Map<string, string>();
    const newest = [...clocks.values()].sort().at(-1);
    if (change.op === 'delete') {
      return newest !== undefined && newest > change.hlc
        ? { superseded: `the row was written again at ${newest}` }
        : { write: 'delete' };
    }
    const deleted = clocks.get(DELETED);
    if (deleted !== undefined && deleted > change.hlc) return { superseded: `the row was deleted at ${deleted}` };
    const columns = changedColumns(table, change.data).filter((column) => {
      const clock = clocks.get(column);
      return clock === undefined || clock < change.hlc;
    });
    return columns.length === 0
      ? { superseded: 'newer changes wrote every column it changed' }
      : { write: 'upsert', columns };
  }

  /** Records what a change just applied wrote. */
  record(table: ReplicatedTable, change: WireChange, verdict: SharedVerdict) {
    if ('superseded' in verdict) return;
    this.#advance(table, change.key, verdict.write === 'delete' ? [DELETED] : verdict.columns, change.hlc);
  }

  #advance(table: ReplicatedTable, key: Record<string, unknown>, columns: string[], hlc: string) {
    const id = rowId(table, key);
    const clocks = this.#rows.get(id) ?? new Map<string, string>();
    for (const column of columns) if ((clocks.get(column) ?? '') < hlc) clocks.set(column, hlc);
    this.#rows.set(id, clocks);
  }
}

const rowId = (table: ReplicatedTable, key: Record<string, unknown>) => `${table.table} ${keyText(table, key)}`;

function changedColumns(table: ReplicatedTable, data: Record<string, unknown> | null): string[] {
  const listed = data?.[CHANGED_COLUMNS];
  const columns = Array.isArray(listed) ? listed.map(String) : table.columns;
  return columns.filter((column) => table.columns.includes(column) && !table.key.includes(column));
}
