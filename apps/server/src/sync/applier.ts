import { randomUUID } from 'node:crypto';
import type { Db, Platform } from '../platform/platform.js';
import { type ApplyContext, readApplyContext } from './apply-context.js';
import { type Authority, EPOCHS_TABLE, type EpochRecord, epochFromRow } from './authority.js';
import { changeLog, toWire, type Vector } from './change-log.js';
import { parseHlc, tooFarAhead } from './hlc.js';
import { publicKeyObject } from './node-identity.js';
import { type RegisteredNode, registry } from './registry.js';
import { inScope, type NodeScope, type ReplicatedTable, upsertRows } from './replicated-tables.js';
import { CellClocks } from './shared-rows.js';
import { changeSignatureValid, type WireChange } from './signing.js';
import { keyText, ownersOf, WriteBuffer } from './write-buffer.js';

/** A batch that must not be stored at all: forged, from an unknown node, or from the future. */
export class SyncRefusal extends Error {
  override name = 'SyncRefusal';
}

export interface ApplyOutcome {
  applied: number;
  rejected: number;
  duplicates: number;
  /** Held back until an earlier seq of the same origin arrives. */
  waiting: number;
  tables: string[];
  /** Set when the batch brought a new epoch: the hub it names, and whether this node stopped being the hub. */
  epoch?: EpochRecord & { demoted: boolean };
}

/**
 * What applying one batch carries along: pending writes, the owners of the rows it touches, the newest clock
 * stamp applied to each of those rows, and who was the hub when.
 */
type DrainState = {
  buffer: WriteBuffer;
  owners: Map<string, Map<string, unknown>>;
  newest: Map<string, string>;
  authority: Authority;
  epochChanged: boolean;
  cells: CellClocks;
  /** Vector entries the drains moved, written when the batch settles. */
  moved: Vector;
};

/** A received change and what became of it here. */
type Settled = {
  change: WireChange;
  status: 'applied' | 'rejected' | 'pending' | 'filtered';
  reason: string | null;
};

/** Topic of the in-process event announcing that replicated tables changed under a module's feet. */
export const SYNC_APPLIED_TOPIC = 'sync.applied';
/**
 * The NOTIFY channel on which a commit announces new changes in the log: with an empty payload from the capture
 * trigger (this node's own writes), with `APPLIED_PAYLOAD` from an apply (changes received from peers).
 */
export const SYNC_CHANNEL = 'kontor_sync';
export const APPLIED_PAYLOAD = 'applied';

/**
 * Applies changes from peers: verified (signature, registry, clock drift) before anything is written, then
 * idempotent (a held (origin, seq) is skipped), gap-free (seq n only after n-1; later ones wait) and atomic
 * (the whole batch in one transaction). A change this node's rules refuse is recorded as rejected, so the
 * origin's sequence stays gap-free and the refusal travels back to it.
 */
export class Applier {
  constructor(
    private readonly platform: Platform,
    private readonly tables: Map<string, ReplicatedTable>,
    private readonly schemaVersion: number,
    /** This node now: only the hub runs the modules' rules (`ReplicatedTable.validate`). */
    private readonly self: () => { nodeId: string; isHub: boolean },
  ) {}

  /** `resume`: also applies whatever was held back before and can be applied now (after an upgrade). */
  async apply(received: WireChange[], resume = false): Promise<ApplyOutcome> {
    const outcome: ApplyOutcome = { applied: 0, rejected: 0, duplicates: 0, waiting: 0, tables: [] };
    if (received.length === 0 && !resume) return outcome; // an empty page: the common answer to a routine pull
    const stray = received.find((change) => change.filtered && !this.tables.get(change.table)?.scope);
    if (stray)
      throw new SyncRefusal(`change ${stray.origin}:${stray.seq} is filtered, but ${stray.table} has no scopes`);
    const selfId = this.self().nodeId;
    const touched = new Set<string>();
    await this.platform.transaction(async (trx) => {
      // Every workstation applies every change with these same few statements, none of which needs its values to be
      // planned right; the hub's module rules (`validate`) run on such plans too.
      await this.platform.database.reusePlans(trx);
      const origins = [...new Set(received.map((change) => change.origin))];
      // This node's own entry and every origin's, the vector, the epochs, the held changes and the newest stamps.
      const context = await readApplyContext(trx, {
        nodeIds: [...new Set([selfId, ...origins])],
        origins: resume ? undefined : origins,
        rows: received,
      });
      const { vector, authority } = context;
      // The rows this node is limited to: a stub for a row within them is not taken (see `filtered`).
      const localScope = context.nodes.get(selfId)?.scope ?? {};
      // The change itself must come for a row this node should hold, from a node that has it.
      const changes = received.filter(
        (change) =>
          !change.filtered || !inScope(this.tables.get(change.table) as ReplicatedTable, change.data, localScope),
      );
      // A batch failing these checks is refused whole: the transaction has written nothing yet.
      const nodes = this.#verify(changes, authority, context.nodes);
      if (changes.length === 0 && !resume) return;
      const beyond = changes.filter((change) => change.seq > (vector[change.origin] ?? 0));
      // Changes held back before (a gap, a newer schema) continue with this batch; resuming takes them all. What
      // the log holds beyond the vector is exactly what is held back (applying, refusing or filtering a change
      // moves the vector, as a local write does), so these are also the changes of this batch already held.
      const beyondOrigins = new Set(beyond.map(({ origin }) => origin));
      const heldBack = resume ? context.held : context.held.filter((row) => beyondOrigins.has(row.origin));
      const held = new Set(heldBack.map((row) => `${row.origin}:${row.seq}`));
      // This batch's new changes by origin and seq; a change sent twice in one batch counts once.
      const fresh = new Map<string, Map<number, WireChange>>();
      for (const change of beyond) {
        if (held.has(`${change.origin}:${change.seq}`)) continue;
        const ofOrigin = fresh.get(change.origin) ?? new Map<number, WireChange>();
        ofOrigin.set(change.seq, change);
        fresh.set(change.origin, ofOrigin);
      }
      outcome.duplicates = changes.length - [...fresh.values()].reduce((sum, ofOrigin) => sum + ofOrigin.size, 0);
      const heldBefore = new Set<WireChange>();
      for (const row of heldBack) {
        const ofOrigin = fresh.get(row.origin) ?? new Map<number, WireChange>();
        const change = toWire(row);
        heldBefore.add(change);
        if (!ofOrigin.has(change.seq)) ofOrigin.set(change.seq, change);
        fresh.set(row.origin, ofOrigin);
      }
      const settled: Settled[] = [];
      const state: DrainState = {
        buffer: new WriteBuffer(trx),
        owners: await this.#owners(trx, fresh, nodes, authority),
        newest: this.#newest(context.newest),
        cells: await CellClocks.load(
          trx,
          this.tables,
          [...fresh.values()].flatMap((ofOrigin) => [...ofOrigin.values()]),
        ),
        authority,
        epochChanged: false,
        moved: {},
      };
      for (const [origin, ofOrigin] of fresh) {
        await this.#drain(trx, origin, ofOrigin, vector, nodes, settled, touched, state);
        for (const change of ofOrigin.values())
          if (!heldBefore.has(change)) settled.push({ change, status: 'pending', reason: null });
      }
      await state.buffer.flush();
      const current = state.authority.current;
      if (state.epochChanged && current) {
        outcome.epoch = { ...current, demoted: await changeLog.followEpoch(trx, current) };
      }
      for (const { status } of settled)
        if (status !== 'filtered') outcome[status === 'pending' ? 'waiting' : status] += 1;
      // Stamps sort as text in clock order (wall, then counter): the newest one moves this node's clock.
      const newest = parseHlc(
        changes
          .map((change) => change.hlc)
          .sort()
          .at(-1) ?? '',
      );
      await changeLog.settle(trx, {
        settled,
        vector: state.moved,
        clock: newest ?? undefined,
        // Changes arrived that other peers of this node may want: wake them as a local write would.
        notify:
          outcome.applied + outcome.rejected > 0 ? { channel: SYNC_CHANNEL, payload: APPLIED_PAYLOAD } : undefined,
      });
    });
    outcome.tables = [...touched];
    if (touched.size > 0) await this.#announce(outcome.tables);
    return outcome;
  }

  /**
   * Tells the modules which tables changed under their feet, after the commit. Not through the outbox: the event
   * only wakes caches, live pages and pollers, which also expire or poll, so one lost to a crash right after the
   * commit costs nothing a restart does not, and a streamed change is applied with five statements fewer.
   */
  async #announce(tables: string[]) {
    await this.platform.bus
      .publish({ id: randomUUID(), topic: SYNC_APPLIED_TOPIC, payload: { tables }, at: new Date().toISOString() })
      .catch((error: unknown) =>
        this.platform.logger.warn({ err: error, tables }, 'could not announce replicated changes'),
      );
  }

  /**
   * Everything that can be checked before writing: a batch failing any of it is refused whole. A node enrolled
   * after this node last synced is known from the hub's registry change in the same batch (bundles carry both).
   */
  #verify(
    changes: WireChange[],
    authority: Authority,
    known: Map<string, RegisteredNode>,
  ): Map<string, RegisteredNode> {
    const nodes = new Map<string, RegisteredNode>();
    const enrolledInBatch = new Map<string, RegisteredNode>();
    const maxDrift = this.platform.config.syncMaxDriftMs;
    let unverified = changes;
    for (let progress = true; unverified.length > 0 && progress; ) {
      progress = false;
      const later: WireChange[] = [];
      for (const change of unverified) {
        const node = known.get(change.origin) ?? enrolledInBatch.get(change.origin);
        if (!node) {
          later.push(change);
          continue;
        }
        nodes.set(change.origin, node);
        this.#check(change, node, maxDrift);
        progress = true;
        const enrolled = authority.hubAt(change.hlc) === change.origin ? registryEntry(change) : undefined;
        if (enrolled) enrolledInBatch.set(enrolled.nodeId, enrolled);
      }
      unverified = later;
    }
    const stranger = unverified[0];
    if (stranger)
      throw new SyncRefusal(`change ${stranger.origin}:${stranger.seq} comes from a node that is not enrolled`);
    return nodes;
  }

  #check(change: WireChange, node: RegisteredNode, maxDrift: number) {
    // A stub carries no signature, and nothing of it is applied: it only stands for a change out of scope.
    if (!change.filtered && !changeSignatureValid(publicKeyObject(node.publicKey), change)) {
      throw new SyncRefusal(`change ${change.origin}:${change.seq} does not carry its origin's valid signature`);
    }
    const hlc = parseHlc(change.hlc);
    if (!hlc || hlc.node !== change.origin)
      throw new SyncRefusal(`change ${change.origin}:${change.seq} has a malformed clock`);
    if (tooFarAhead(hlc, Date.now(), maxDrift)) {
      throw new SyncRefusal(`change ${change.origin}:${change.seq} is stamped more than ${maxDrift} ms in the future`);
    }
  }

  /**
   * Applies one origin's changes in seq order for as long as there is no gap: from this batch (`fresh`, emptied
   * as it goes) or held back from an earlier one. What is left in `fresh` waits for a missing seq.
   */
  async #drain(
    trx: Db,
    origin: string,
    fresh: Map<number, WireChange>,
    vector: Vector,
    nodes: Map<string, RegisteredNode>,
    settled: Settled[],
    touched: Set<string>,
    state: DrainState,
  ) {
    const start = vector[origin] ?? 0;
    let next = start + 1;
    for (; ; next += 1) {
      const change = fresh.get(next);
      if (!change) break;
      fresh.delete(next);
      if (change.schemaVersion > this.schemaVersion) {
        fresh.set(next, change); // applied after this node is upgraded
        break;
      }
      if (change.filtered) {
        settled.push({ change, status: 'filtered', reason: null });
        continue;
      }
      const refusal =
        change.rejected ??
        (await this.#refusal(trx, change, nodes.get(origin) ?? (await registry.find(trx, origin)), state));
      if (refusal) settled.push({ change, status: 'rejected', reason: refusal });
      else if (this.tables.get(change.table)?.policy === 'shared') {
        const table = this.tables.get(change.table) as ReplicatedTable;
        const verdict = state.cells.decide(table, change);
        if ('superseded' in verdict) {
          settled.push({ change, status: 'applied', reason: `superseded: ${verdict.superseded}` });
          continue;
        }
        if (verdict.write === 'delete') await state.buffer.write(table, 'delete', change.key, null);
        else {
          await state.buffer.flush();
          await upsertRows(trx, table, change.data ?? {}, verdict.columns);
        }
        state.cells.record(table, change, verdict);
        settled.push({ change, status: 'applied', reason: null });
        touched.add(change.table);
      } else {
        const table = this.tables.get(change.table) as ReplicatedTable;
        const row = `${table.table} ${keyText(table, change.key)}`;
        const newer = state.newest.get(row);
        // Last writer wins per row: an older change that arrives late (an old hub merging back) is kept in the
        // log but does not overwrite what a newer one wrote.
        if (newer !== undefined && newer > change.hlc) {
          settled.push({ change, status: 'applied', reason: `superseded by the change stamped ${newer}` });
          continue;
        }
        state.newest.set(row, change.hlc);
        await state.buffer.write(table, change.op, change.key, change.data);
        if (table.ownerColumn)
          state.owners.get(table.table)?.set(keyText(table, change.key), change.data?.[table.ownerColumn]);
        if (change.table === EPOCHS_TABLE && change.data) {
          state.authority.accept(epochFromRow(change.data));
          state.epochChanged = true;
        }
        settled.push({ change, status: 'applied', reason: null });
        touched.add(change.table);
      }
    }
    if (next - 1 > start) {
      state.moved[origin] = next - 1;
      vector[origin] = next - 1;
    }
  }

  /** Why this node's rules refuse the change, or undefined when they accept it. */
  async #refusal(
    trx: Db,
    change: WireChange,
    origin: RegisteredNode | undefined,
    state: DrainState,
  ): Promise<string | undefined> {
    if (!origin) return 'the origin is not enrolled';
    if (origin.revokedAt) return 'the origin node was revoked';
    const table = this.tables.get(change.table);
    if (!table) return `${change.table} is not a replicated table here`;
    if (change.table === EPOCHS_TABLE) {
      if (change.op !== 'upsert' || !change.data) return 'an epoch is never deleted';
      return state.authority.refusal(epochFromRow(change.data), origin.nodeId);
    }
    if (state.authority.hubAt(change.hlc) === origin.nodeId) return undefined;
    if (table.policy === 'reference') return `${change.table} is maintained on the hub only`;
    if (table.policy === 'shared') return undefined;
    const owner = table.ownerColumn as string;
    if (change.op === 'upsert' && change.data?.[owner] !== change.origin)
      return `a node may only create rows it owns (${owner})`;
    // A change older than the row's newest overwrites nothing: whose row it is now (which depends on the order
    // this node heard of the changes) must not decide its fate.
    const newer = state.newest.get(`${table.table} ${keyText(table, change.key)}`);
    if (newer !== undefined && newer > change.hlc) return undefined;
    const current = await this.#ownerOf(trx, table, change.key, state);
    if (current !== undefined && current !== null && current !== change.origin)
      return `the row belongs to node ${String(current)}`;
    if (!table.validate || !this.self().isHub) return undefined;
    await state.buffer.flush();
    return table.validate(trx, {
      op: change.op,
      key: change.key,
      data: change.data,
      origin: { nodeId: origin.nodeId, scope: origin.scope },
    });
  }

  /** Owners of the rows this batch's owned changes touch, read once: table -> key -> owner. */
  async #owners(
    trx: Db,
    fresh: Map<string, Map<number, WireChange>>,
    nodes: Map<string, RegisteredNode>,
    authority: Authority,
  ) {
    const keysByTable = new Map<string, Array<Record<string, unknown>>>();
    for (const [origin, ofOrigin] of fresh) {
      if (!nodes.has(origin)) continue;
      for (const change of ofOrigin.values()) {
        if (this.tables.get(change.table)?.policy !== 'owned' || authority.hubAt(change.hlc) === origin) continue;
        keysByTable.set(change.table, [...(keysByTable.get(change.table) ?? []), change.key]);
      }
    }
    const owners = new Map<string, Map<string, unknown>>();
    for (const [name, keys] of keysByTable) {
      const table = this.tables.get(name) as ReplicatedTable;
      const found = await ownersOf(trx, table, keys);
      // Keys looked up and found without a row are recorded as null, so they need no second look.
      for (const key of keys) if (!found.has(keyText(table, key))) found.set(keyText(table, key), null);
      owners.set(name, found);
    }
    return owners;
  }

  /** The newest clock stamp applied so far to each row this batch touches: `table key` -> stamp. */
  #newest(rows: ApplyContext['newest']) {
    const newest = new Map<string, string>();
    for (const row of rows) {
      const table = this.tables.get(row.tbl);
      if (table) newest.set(`${table.table} ${keyText(table, row.pk)}`, row.hlc);
    }
    return newest;
  }

  /** The owner of a row as this batch has left it so far (null: no such row). */
  async #ownerOf(trx: Db, table: ReplicatedTable, key: Record<string, unknown>, state: DrainState) {
    const known = state.owners.get(table.table);
    const text = keyText(table, key);
    if (known?.has(text)) return known.get(text);
    await state.buffer.flush();
    return (await ownersOf(trx, table, [key])).get(text) ?? null;
  }
}

/** The node a hub's change to the registry enrolls or updates, if it is one. */
function registryEntry(change: WireChange): RegisteredNode | undefined {
  const data = change.data;
  if (change.table !== 'sync.nodes' || change.op !== 'upsert' || !data) return undefined;
  return {
    nodeId: String(data.node_id),
    name: String(data.name),
    publicKey: String(data.public_key),
    role: data.role === 'hub' ? 'hub' : 'client',
    enrolledAt: new Date(String(data.enrolled_at)),
    revokedAt: data.revoked_at ? new Date(String(data.revoked_at)) : null,
    scope: (data.scope ?? {}) as NodeScope,
  };
}
