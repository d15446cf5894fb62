import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';

/** The table in which each hub records the epoch it began. */
export const EPOCHS_TABLE = 'sync.epochs';

export interface EpochRecord {
  epoch: number;
  hubNodeId: string;
  hubUrl: string | null;
  /** The epoch covers changes stamped at or after this clock stamp. */
  startedHlc: string;
}

/**
 * The recorded epochs as one JSON array; a node enrolled before epochs were recorded falls back on its cluster's
 * hub. A statement of its own, or a part of the one statement an apply reads everything with (apply-context.ts).
 */
export const EPOCHS = sql<EpochRecord[]>`coalesce(
  (select jsonb_agg(jsonb_build_object('epoch', epoch, 'hubNodeId', hub_node_id, 'hubUrl', hub_url,
      'startedHlc', started_hlc)) from sync.epochs),
  (select jsonb_agg(jsonb_build_object('epoch', epoch, 'hubNodeId', hub_node_id, 'hubUrl', hub_url,
      'startedHlc', '')) from sync.cluster),
  '[]'::jsonb)`;

/**
 * Which node was the hub when. Hub-only changes (reference rows, the registry, other nodes' rows) are judged
 * by the epoch in force at their clock stamp: a hub that went down keeps the authority for what it wrote while
 * it was the hub, and has none for what it writes after a promotion it had not heard of.
 */
export class Authority {
  #epochs: EpochRecord[];

  constructor(epochs: EpochRecord[]) {
    this.#epochs = [...epochs].sort((a, b) => a.epoch - b.epoch);
  }

  static async load(db: Db): Promise<Authority> {
    return new Authority(
      (await sql<{ epochs: EpochRecord[] }>`select ${EPOCHS} as epochs`.execute(db)).rows[0]?.epochs ?? [],
    );
  }

  get current(): EpochRecord | undefined {
    return this.#epochs.at(-1);
  }

  /** The hub of the latest epoch that had begun at `hlc`. */
  hubAt(hlc: string): string | undefined {
    for (let index = this.#epochs.length - 1; index >= 0; index -= 1) {
      const epoch = this.#epochs[index] as EpochRecord;
      if (epoch.startedHlc <= hlc) return epoch.hubNodeId;
    }
    return undefined;
  }

  /**
   * Why a node's claim of an epoch is refused, or undefined. Any enrolled node may promote itself (its admin
   * decides), but only for itself; when two nodes claim the same epoch, the lower node id wins everywhere.
   */
  refusal(claim: EpochRecord, origin: string): string | undefined {
    if (claim.hubNodeId !== origin) return 'a node can only claim an epoch for itself';
    const taken = this.#epochs.find((epoch) => epoch.epoch === claim.epoch);
    if (taken && taken.hubNodeId !== claim.hubNodeId && taken.hubNodeId < claim.hubNodeId)
      return `epoch ${claim.epoch} was taken by node ${taken.hubNodeId}`;
    return undefined;
  }

  accept(claim: EpochRecord) {
    this.#epochs = [...this.#epochs.filter((epoch) => epoch.epoch !== claim.epoch), claim].sort(
      (a, b) => a.epoch - b.epoch,
    );
  }
}

/** An epoch record from a change's row data. */
export const epochFromRow = (data: Record<string, unknown>): EpochRecord => ({
  epoch: Number(data.epoch),
  hubNodeId: String(data.hub_node_id),
  hubUrl: typeof data.hub_url === 'string' ? data.hub_url : null,
  startedHlc: String(data.started_hlc),
});
