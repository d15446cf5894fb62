import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import type { Vector } from './change-log.js';
import type { ReplicatedTable } from './replicated-tables.js';

export interface CompactionOutcome {
  removed: number;
  /** Peers left out because they have not synced for longer than the stale limit; they will be reset. */
  stalePeers: number;
}

/**
 * Folds the change log (docs/sync.md, Compaction). A change goes only when every known peer holds it (its seq is
 * at most what each peer last reported for its origin) and nothing still needs it: a change superseded by a
 * newer change of the same row, a filtered stub, or a tombstone — the latter only once this node holds every
 * change each peer had made when it last reported, so no older write to that row can still arrive and bring it
 * back. Rows of `shared` tables keep their history (their merge reads it). Peers that have not synced within
 * `staleAfterDays` are not waited for; when they return they are reset from a snapshot.
 */
export async function compact(
  trx: Db,
  self: string,
  tables: ReplicatedTable[],
  staleAfterDays: number,
): Promise<CompactionOutcome> {
  const peers = await sql<{ node_id: string; vector: Vector; fresh: boolean }>`
    select p.node_id, p.vector, p.last_seen_at > now() - make_interval(days => ${staleAfterDays}) as fresh
    from sync.peers p join sync.nodes n on n.node_id = p.node_id
    where n.revoked_at is null and p.node_id <> ${self}`.execute(trx);
  const known = peers.rows.filter((peer) => peer.fresh);
  const outcome = { removed: 0, stalePeers: peers.rows.length - known.length };
  if (known.length === 0) return outcome;
  const mine = Object.fromEntries(
    (await sql<{ origin: string; seq: number }>`select origin, seq from sync.vector`.execute(trx)).rows.map((row) => [
      row.origin,
      Number(row.seq),
    ]),
  );
  // Held by every known peer: per origin, the least seq they reported.
  const origins = Object.keys(mine);
  const acknowledged = origins.map((origin) => Math.min(...known.map((peer) => Number(peer.vector[origin] ?? 0))));
  const holdsAllTheirs = known.every((peer) => (mine[peer.node_id] ?? 0) >= Number(peer.vector[peer.node_id] ?? 0));
  const shared = tables.filter((table) => table.policy === 'shared').map((table) => table.table);
  const removed = await sql<{ origin: string; seq: number }>`
    with acked(origin, seq) as (select * from unnest(${origins}::uuid[], ${acknowledged}::bigint[]))
    delete from sync.changes c using acked a
    where c.origin = a.origin and c.seq <= a.seq and c.status in ('applied', 'filtered')
      and not (c.tbl = any(${shared}::text[]))
      and (
        c.status = 'filtered'
        or exists (select 1 from sync.changes n where n.tbl = c.tbl and n.pk = c.pk and n.hlc > c.hlc
                   and n.status = 'applied')
        or (c.op = 'delete' and ${holdsAllTheirs}::boolean
            and not exists (select 1 from sync.changes n where n.tbl = c.tbl and n.pk = c.pk and n.hlc > c.hlc))
      )
    returning c.origin, c.seq`.execute(trx);
  outcome.removed = removed.rows.length;
  const horizon = new Map<string, number>();
  for (const row of removed.rows) horizon.set(row.origin, Math.max(horizon.get(row.origin) ?? 0, Number(row.seq)));
  for (const [origin, seq] of horizon) {
    await sql`insert into sync.horizon (origin, seq) values (${origin}, ${seq})
      on conflict (origin) do update set seq = greatest(sync.horizon.seq, excluded.seq)`.execute(trx);
  }
  return outcome;
}

/** The first origin for which a peer's vector lies below what compaction removed here, if any. */
export async function staleOrigin(db: Db, vector: Vector): Promise<string | undefined> {
  const horizon = await sql<{ origin: string; seq: number }>`select origin, seq from sync.horizon`.execute(db);
  return horizon.rows.find((row) => (vector[row.origin] ?? 0) < Number(row.seq))?.origin;
}
