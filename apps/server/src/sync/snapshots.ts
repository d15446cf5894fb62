import { sql } from 'kysely';
import { AppError } from '../platform/http/errors.js';
import type { Db } from '../platform/platform.js';
import { Authority } from './authority.js';
import { changeLog, type Vector } from './change-log.js';
import { deleteRowsBut, type NodeScope, quoteTable, scopeFilter, upsertRows } from './replicated-tables.js';
import type { SyncService } from './service.js';

/**
 * Rows per statement when a snapshot is loaded. One statement per table sent the whole table as one JSON parameter,
 * and encoding a parameter of tens of megabytes into the wire message cost more than the insert.
 */
const LOAD_BATCH_ROWS = 5_000;

/** Every replicated row (of a scope) and the vector they correspond to, read in one consistent view. */
export interface Snapshot {
  clusterId: string;
  epoch: number;
  vector: Vector;
  tables: Array<{ table: string; rows: Array<Record<string, unknown>> }>;
}

/** Snapshots: taken by a hub for a new node or a bundle; loaded by a new node, or by one reset after a long absence. */
export class Snapshots {
  constructor(private readonly sync: SyncService) {}

  /** Every replicated row (within `scope`) and the vector it corresponds to. */
  async take(scope: NodeScope = {}): Promise<Snapshot> {
    return JSON.parse(await this.json(scope)) as Snapshot;
  }

  /**
   * The same as JSON text, written by the database table by table: what a hub sends a new node as it is. Building
   * the rows as objects and serialising them again took twice as long.
   */
  async json(scope: NodeScope = {}): Promise<string> {
    await this.sync.signPending();
    return this.sync.platform.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const cluster = await changeLog.cluster(trx);
        if (!cluster) throw new AppError(503, 'sync.not_ready', 'This node has no cluster yet');
        const tables: string[] = [];
        for (const table of this.sync.tables) {
          const result = await sql<{ rows: string }>`select coalesce(json_agg(s), '[]')::text as rows
            from (select ${sql.join(table.columns.map((column) => sql.ref(column)))}
                  from ${sql.raw(quoteTable(table.table))} ${scopeFilter(table, scope)}) s`.execute(trx);
          tables.push(`{"table":${JSON.stringify(table.table)},"rows":${result.rows[0]?.rows ?? '[]'}}`);
        }
        const vector = JSON.stringify(await changeLog.vector(trx));
        const head = `"clusterId":${JSON.stringify(cluster.cluster_id)},"epoch":${cluster.epoch},"vector":${vector}`;
        return `{${head},"tables":[${tables.join(',')}]}`;
      });
  }

  /** Loads a hub's snapshot into this (fresh) node: rows as they are, then the hub's vector as ours. */
  async load(snapshot: Snapshot) {
    await this.sync.platform.transaction((trx) => this.loadIn(trx, snapshot));
  }

  /** The same within the caller's transaction, for a caller that checks the node's state before loading. */
  async loadIn(trx: Db, snapshot: Snapshot) {
    await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
    for (const { table, rows } of snapshot.tables) {
      const declared = this.sync.tables.find((candidate) => candidate.table === table);
      if (!declared) continue;
      for (let from = 0; from < rows.length; from += LOAD_BATCH_ROWS) {
        await upsertRows(trx, declared, rows.slice(from, from + LOAD_BATCH_ROWS));
      }
    }
    for (const [origin, seq] of Object.entries(snapshot.vector)) {
      if (origin !== this.sync.identity.nodeId) await changeLog.setVectorEntry(trx, origin, seq);
    }
    const current = (await Authority.load(trx)).current;
    if (current) await changeLog.followEpoch(trx, current);
    await changeLog.markBootstrapped(trx);
  }

  /**
   * Starts over from the hub's snapshot, for a node that was away longer than the hub kept the changes it
   * lacks. Its own changes the hub has not confirmed must have been sent first: they are not kept.
   */
  async resetFrom(snapshot: Snapshot) {
    await this.sync.platform.transaction(async (trx) => {
      await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
      for (const declared of [...this.sync.tables].reverse()) {
        const rows = snapshot.tables.find(({ table }) => table === declared.table)?.rows ?? [];
        await deleteRowsBut(trx, declared, rows);
      }
      await changeLog.forgetOthers(trx, this.sync.identity.nodeId);
      await this.loadIn(trx, snapshot);
    });
    this.sync.platform.logger.warn(
      'this node was away too long for the change log: it was reset from the hub’s snapshot',
    );
  }
}
