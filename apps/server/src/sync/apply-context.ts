import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import { Authority, EPOCHS, type EpochRecord } from './authority.js';
import { type ChangeRow, VECTOR, type Vector } from './change-log.js';
import { type NodeJson, nodesById, nodesWithIds, type RegisteredNode } from './registry.js';

/** What applying a batch must know before it writes anything. */
export interface ApplyContext {
  vector: Vector;
  /** The registered nodes among those asked for, by id. */
  nodes: Map<string, RegisteredNode>;
  authority: Authority;
  /** Changes held back (waiting for an earlier seq, or for a newer schema here) of the origins asked for. */
  held: ChangeRow[];
  /** The newest stamp applied to each row the batch or its held changes touch; rows never changed are left out. */
  newest: Array<{ tbl: string; pk: Record<string, unknown>; hlc: string }>;
}

/**
 * Everything an apply reads before it writes, in one statement, which also marks the transaction as applying
 * (the capture trigger logs nothing then). On PGlite each statement costs a crossing into the WebAssembly and a
 * turn of PostgreSQL's executor, and a streamed change is applied on every workstation: six reads as one.
 *
 * `origins`: whose held changes to read; all of them when undefined (resuming after an upgrade).
 */
export async function readApplyContext(
  trx: Db,
  batch: { nodeIds: string[]; origins: string[] | undefined; rows: Array<{ table: string; key: unknown }> },
): Promise<ApplyContext> {
  const result = await sql<{
    vector: Vector;
    nodes: NodeJson[];
    epochs: EpochRecord[];
    held: ChangeRow[];
    newest: ApplyContext['newest'];
  }>`with held as (
      select * from sync.changes
      where status = 'pending' and (${batch.origins ?? null}::uuid[] is null or origin = any(${batch.origins ?? null}::uuid[])))
    select set_config('kontor.applying', 'on', true) as applying,
      ${VECTOR} as vector,
      ${nodesWithIds(batch.nodeIds)} as nodes,
      ${EPOCHS} as epochs,
      (select coalesce(jsonb_agg(to_jsonb(h) order by h.origin, h.seq), '[]'::jsonb) from held h) as held,
      (select coalesce(jsonb_agg(jsonb_build_object('tbl', k.tbl, 'pk', k.pk, 'hlc', n.hlc)), '[]'::jsonb)
        from (select tbl, pk from unnest(${batch.rows.map((row) => row.table)}::text[],
                ${batch.rows.map((row) => JSON.stringify(row.key))}::jsonb[]) as r(tbl, pk)
              union select tbl, pk from held) k
        -- One index lookup per row: a join lets the planner scan the whole log once per key.
        cross join lateral (select max(c.hlc) as hlc from sync.changes c
          where c.tbl = k.tbl and c.pk = k.pk and c.status = 'applied' and c.reason is null) n
        where n.hlc is not null) as newest`.execute(trx);
  const row = result.rows[0] as (typeof result.rows)[number];
  return {
    vector: row.vector,
    nodes: nodesById(row.nodes),
    authority: new Authority(row.epochs),
    held: row.held,
    newest: row.newest,
  };
}
