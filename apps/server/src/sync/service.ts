import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SyncProblemCode, SyncStatus } from '@kontor/contracts';
import { sql } from 'kysely';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { AppError } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { Applier, type ApplyOutcome } from './applier.js';
import { Authority } from './authority.js';
import { changeLog, toWire, type Vector } from './change-log.js';
import { type CompactionOutcome, compact } from './compaction.js';
import { NodeAdmin } from './node-admin.js';
import { PROTOCOL_VERSION } from './node-auth.js';
import { generateIdentity, identityFrom, type NodeIdentity } from './node-identity.js';
import { PeerConnection, PeerError } from './peer-connection.js';
import { type RegisteredNode, registry } from './registry.js';
import { inScope, type NodeScope, type ReplicatedTable } from './replicated-tables.js';
import { signChange, type WireChange } from './signing.js';
import { Snapshots } from './snapshots.js';
import { keyText } from './write-buffer.js';

const SIGN_BATCH = 500;
const PEER_RECORD_MS = 10_000;

export type Rejection = { seq: number; reason: string };

/** In-process event: the hub confirmed or refused some of this node's changes, so their delivery state moved. */
export const SYNC_DELIVERY_TOPIC = 'sync.delivery';

/** Where a record this node wrote stands on its way to the hub. */
export interface Delivery {
  state: 'local' | 'sent' | 'rejected';
  reason: string | null;
  changedAt: string;
}

/** What two nodes tell each other first (POST /api/sync/hello), before any change is exchanged. */
export interface Hello {
  protocol: number;
  schemaVersion: number;
  nodeId: string;
  role: 'hub' | 'client';
  clusterId: string | null;
  epoch: number | null;
  hubNodeId: string | null;
  hubUrl: string | null;
}

/**
 * The node's side of replication that does not depend on being hub or client: its record and clock, signing
 * its own changes, serving changes beyond a peer's vector, receiving a peer's changes, snapshots, enrollment.
 */
export class SyncService {
  readonly applier: Applier;
  /** The hub's side of the registry: enrollment codes, enrolling, scopes, revocation. */
  readonly nodes = new NodeAdmin(this);
  readonly snapshots = new Snapshots(this);
  /** What the hub last said it holds of this node's own changes; drives "sent" and pending counts. */
  confirmedSeq = 0;
  /** Why the last attempt to sync failed, until one succeeds. */
  lastError: { code: SyncProblemCode; message: string } | null = null;
  /** When the hub last answered on the nudge socket, while it is open: this node is in sync with it then. */
  hubHeardAt: Date | undefined;
  readonly #authorityListeners = new Set<() => void>();
  readonly #peerRecorded = new Map<string, number>();

  constructor(
    readonly platform: Platform,
    readonly tables: ReplicatedTable[],
    readonly schemaVersion: number,
  ) {
    this.applier = new Applier(platform, new Map(tables.map((table) => [table.table, table])), schemaVersion, () => ({
      nodeId: this.identity.nodeId,
      isHub: this.isHub,
    }));
  }

  /** What this node is. Chosen by --role on first start, then kept in the node's own record (ARCHITECTURE.md). */
  role: 'hub' | 'client' = 'client';

  get isHub() {
    return this.role === 'hub';
  }

  #identity: NodeIdentity | undefined;

  get identity(): NodeIdentity {
    if (!this.#identity) throw new Error('sync is used before init');
    return this.#identity;
  }

  /**
   * Loads this node's identity and role, creating them on first start; a hub also founds its cluster and
   * registers itself then.
   */
  async init() {
    const { db, config, logger } = this.platform;
    await changeLog.initLocalNode(db, { ...generateIdentity(), role: config.role === 'server' ? 'hub' : 'client' });
    const local = await changeLog.localNode(db);
    if (!local) throw new Error('sync.local_node is missing');
    this.#identity = identityFrom({
      nodeId: local.node_id,
      publicKey: local.public_key,
      privateKeyPem: local.private_key,
    });
    this.#setRole(local.role);
    this.confirmedSeq = Number((await changeLog.cluster(db))?.confirmed_seq ?? 0);
    // Changes held for a newer schema apply once this node runs it: after an upgrade, here.
    if ((await changeLog.pendingCount(db)) > 0) await this.applier.apply([], true);
    if ((this.role === 'hub') !== (config.role === 'server')) {
      logger.warn(
        { role: this.role },
        `this data directory belongs to a ${this.role} node; --role ${config.role} is ignored`,
      );
    }
    if (!this.isHub || (await changeLog.cluster(db))) return;
    await this.platform.transaction(async (trx) => {
      // Instances of a hub starting together on one PostgreSQL: the first founds the cluster, the others see it.
      await changeLog.lockLocalNode(trx);
      if (await changeLog.cluster(trx)) return;
      await registry.register(trx, {
        nodeId: this.identity.nodeId,
        name: this.platform.config.nodeName ?? hostname(),
        publicKey: this.identity.publicKey,
        role: 'hub',
      });
      await changeLog.setCluster(trx, {
        clusterId: randomUUID(),
        epoch: 1,
        hubNodeId: this.identity.nodeId,
        hubUrl: null,
      });
      await changeLog.addEpoch(trx, {
        epoch: 1,
        hubNodeId: this.identity.nodeId,
        hubUrl: config.publicUrl ?? null,
        startedHlc: '',
      });
      await changeLog.markBootstrapped(trx);
    });
  }

  #setRole(role: 'hub' | 'client') {
    this.role = role;
    this.platform.node.role = role === 'hub' ? 'server' : 'client';
  }

  /** Called whenever this node's hub changes: it was promoted, or it learnt of a newer epoch. */
  onAuthorityChange(listener: () => void): () => void {
    this.#authorityListeners.add(listener);
    return () => this.#authorityListeners.delete(listener);
  }

  #authorityChanged() {
    for (const listener of this.#authorityListeners) listener();
  }

  /**
   * Makes this client the hub, at once and without a restart (ARCHITECTURE.md, Sync: promotion): it claims the
   * next epoch, signed like any change, so every node that hears of it follows, and the old hub, when it
   * returns, becomes a client that merges what it has.
   */
  async promote(ctx: RequestContext) {
    if (this.isHub) throw new AppError(409, 'sync.already_hub', 'This node is the hub already');
    const nodeId = this.identity.nodeId;
    const epoch = await this.platform.transaction(async (trx) => {
      const cluster = await changeLog.cluster(trx);
      if (!cluster?.bootstrapped)
        throw new AppError(
          409,
          'sync.not_enrolled',
          'Only an enrolled node holding the cluster data can become the hub',
        );
      const record = {
        epoch: Math.max(cluster.epoch, (await Authority.load(trx)).current?.epoch ?? 0) + 1,
        hubNodeId: nodeId,
        hubUrl: this.platform.config.publicUrl ?? null,
        startedHlc: await changeLog.clockStamp(trx),
      };
      // The role first: from here on the capture trigger lets this node write what only a hub may.
      await changeLog.setRole(trx, 'hub');
      await changeLog.addEpoch(trx, record);
      await registry.setRole(trx, cluster.hub_node_id, 'client');
      await registry.setRole(trx, nodeId, 'hub');
      await changeLog.setCluster(trx, {
        clusterId: cluster.cluster_id,
        epoch: record.epoch,
        hubNodeId: nodeId,
        hubUrl: null,
      });
      await this.platform.audit.record(trx, ctx, {
        action: 'node.promote',
        entity: 'node',
        entityId: nodeId,
        before: { epoch: cluster.epoch, hubNodeId: cluster.hub_node_id },
        after: { epoch: record.epoch, hubNodeId: nodeId },
      });
      return record.epoch;
    });
    this.#setRole('hub');
    this.platform.logger.warn({ epoch }, 'this node was promoted: it is now the hub');
    this.#authorityChanged();
  }

  /** Points this client at another hub address (the hub moved, or a fallback is to be used first). */
  async setUpstream(ctx: RequestContext, url: string) {
    if (this.isHub) throw new AppError(409, 'sync.is_hub', 'The hub has no upstream; promote another node instead');
    await this.platform.transaction(async (trx) => {
      const before = await changeLog.cluster(trx);
      if (!before) throw new AppError(409, 'sync.not_enrolled', 'Enroll this node first');
      await changeLog.setHubUrl(trx, url);
      await this.platform.audit.record(trx, ctx, {
        action: 'node.upstream',
        entity: 'node',
        entityId: this.identity.nodeId,
        before: { hubUrl: before.hub_url },
        after: { hubUrl: url },
      });
    });
    this.#authorityChanged();
  }

  /** Records what the hub said it holds of this node's own changes. */
  /**
   * Records what the hub said it holds of this node's own changes. Refusals arrive separately
   * (`hearRejections`), so a change shows as sent until the hub's reason for refusing it is heard.
   */
  async confirm(seq: number) {
    if (seq <= this.confirmedSeq) return;
    this.confirmedSeq = seq;
    await this.platform.transaction(async (trx) => {
      await changeLog.confirm(trx, seq);
      await Outbox.add(trx, SYNC_DELIVERY_TOPIC, { confirmedSeq: seq });
    });
  }

  /** Up to which of its own changes this node has heard the hub's refusals. */
  async rejectionsHeardSeq(): Promise<number> {
    return Number((await changeLog.cluster(this.platform.db))?.rejections_heard_seq ?? 0);
  }

  /** Records the hub's refusals of this node's changes, all of them heard up to `upTo`. */
  async hearRejections(rejections: Rejection[], upTo: number) {
    if (rejections.length === 0 && upTo <= (await this.rejectionsHeardSeq())) return;
    await this.platform.transaction(async (trx) => {
      await changeLog.markRejected(trx, this.identity.nodeId, rejections, upTo);
      if (rejections.length > 0) await Outbox.add(trx, SYNC_DELIVERY_TOPIC, { rejected: rejections.length });
    });
  }

  /** The changes of `origin` after `after` that this node refused, for telling the origin why. */
  rejectionsOf(origin: string, after: number): Promise<Rejection[]> {
    return changeLog.rejectionsOf(this.platform.db, origin, after);
  }

  /**
   * Where each of these rows of `table` stands, as far as this node's own last change to it goes: saved here
   * only, sent (the hub holds it), or rejected by the hub with its reason. Answers one entry per key, in order:
   * undefined for a row this node never wrote; on the hub everything it wrote is sent. Modules show it beside the
   * records their users create.
   */
  async delivery(table: string, keys: Array<Record<string, unknown>>): Promise<Array<Delivery | undefined>> {
    const declared = this.tables.find((candidate) => candidate.table === table);
    if (!declared) throw new Error(`${table} is not a replicated table`);
    const own = await changeLog.lastOwnChanges(this.platform.db, this.identity.nodeId, table, keys);
    const states = new Map<string, Delivery>();
    for (const change of own) {
      const state =
        change.status === 'rejected' ? 'rejected' : this.isHub || change.seq <= this.confirmedSeq ? 'sent' : 'local';
      states.set(keyText(declared, change.pk), {
        state,
        reason: change.reason,
        changedAt: change.receivedAt.toISOString(),
      });
    }
    return keys.map((key) => states.get(keyText(declared, key)));
  }

  async hello(): Promise<Hello> {
    const cluster = await changeLog.cluster(this.platform.db);
    return {
      protocol: PROTOCOL_VERSION,
      schemaVersion: this.schemaVersion,
      nodeId: this.identity.nodeId,
      role: this.role,
      clusterId: cluster?.cluster_id ?? null,
      epoch: cluster?.epoch ?? null,
      hubNodeId: cluster?.hub_node_id ?? null,
      hubUrl: this.isHub ? (this.platform.config.publicUrl ?? null) : (cluster?.hub_url ?? null),
    };
  }

  /** Signs this node's new changes; run before any of them leaves the node. */
  async signPending() {
    for (;;) {
      const rows = await changeLog.unsigned(this.platform.db, this.identity.nodeId, SIGN_BATCH);
      const signed = rows.map((row) => {
        const { signature: _unsigned, ...change } = toWire(row);
        return { seq: Number(row.seq), signature: signChange(this.identity.privateKey, change) };
      });
      await changeLog.setSignatures(this.platform.db, this.identity.nodeId, signed);
      if (rows.length < SIGN_BATCH) return;
    }
  }

  /** What this node holds beyond `vector`; for a peer with a scope, changes outside it go as stubs. */
  async changesBeyond(
    vector: Vector,
    limit: number,
    scope: NodeScope = {},
  ): Promise<{ changes: WireChange[]; more: boolean }> {
    await this.signPending();
    const rows = await changeLog.beyond(this.platform.db, vector, limit);
    return { changes: rows.map((row) => this.withinScope(toWire(row), scope)), more: rows.length >= limit };
  }

  /** The change as a peer limited to `scope` receives it: whole, or a stub that only advances its vector. */
  withinScope(change: WireChange, scope: NodeScope): WireChange {
    const table = this.tables.find((candidate) => candidate.table === change.table);
    if (!table?.scope || change.filtered || inScope(table, change.data, scope)) return change;
    const { column } = table.scope;
    return { ...change, data: { [column]: change.data?.[column] ?? null }, signature: '', filtered: true };
  }

  /**
   * What a peer reported it holds, for compaction, which needs it only roughly: written at most every
   * PEER_RECORD_MS per peer, so frequent pulls cost no write each.
   */
  async recordPeer(nodeId: string, vector: Vector) {
    const now = Date.now();
    if (now - (this.#peerRecorded.get(nodeId) ?? 0) < PEER_RECORD_MS) return;
    this.#peerRecorded.set(nodeId, now);
    await registry.recordPeer(this.platform.db, nodeId, vector);
  }

  /** The rows a node is limited to, as the registry says. */
  async scopeOf(nodeId: string): Promise<NodeScope> {
    return (await registry.find(this.platform.db, nodeId))?.scope ?? {};
  }

  async receive(peer: RegisteredNode | null, changes: WireChange[]): Promise<ApplyOutcome> {
    const outcome = await this.applier.apply(changes);
    if (outcome.rejected > 0)
      this.platform.logger.warn({ peer: peer?.nodeId, rejected: outcome.rejected }, 'refused changes from a peer');
    if (outcome.epoch) {
      if (outcome.epoch.demoted) {
        this.#setRole('client');
        this.platform.logger.warn({ epoch: outcome.epoch }, 'another node was promoted: this node is a client now');
      }
      this.#authorityChanged();
    }
    return outcome;
  }

  vector(): Promise<Vector> {
    return changeLog.vector(this.platform.db);
  }

  /** Folds the change log; see compaction.ts. */
  async compact(): Promise<CompactionOutcome> {
    const outcome = await this.platform.transaction((trx) =>
      compact(trx, this.identity.nodeId, this.tables, this.platform.config.syncStaleAfterDays),
    );
    if (outcome.removed > 0) this.platform.logger.info(outcome, 'compacted the change log');
    return outcome;
  }

  /**
   * Enrolls this client with the hub at `hubUrl` using a one-time code. The hub's key is taken on the strength
   * of the code, before any snapshot arrives; the sync loop then loads the hub's data.
   */
  async joinCluster(hubUrl: string, code: string) {
    if (await changeLog.cluster(this.platform.db))
      throw new AppError(409, 'sync.already_enrolled', 'This node is enrolled');
    const { identity } = this;
    const answer = await new PeerConnection(identity, hubUrl)
      .enroll({
        code,
        nodeId: identity.nodeId,
        name: this.platform.config.nodeName ?? hostname(),
        publicKey: identity.publicKey,
      })
      .catch((error: unknown) => {
        if (!(error instanceof PeerError)) throw error;
        if (error.status) throw new AppError(422, 'sync.enrollment_refused', error.message);
        throw new AppError(502, 'sync.hub_unreachable', error.message);
      });
    await this.platform.transaction(async (trx) => {
      await changeLog.setCluster(trx, {
        clusterId: answer.clusterId,
        epoch: answer.epoch,
        hubNodeId: answer.hubNodeId,
        hubUrl,
      });
      await this.trustHub(trx, answer.hubNodeId, answer.hubPublicKey);
    });
    this.platform.logger.info({ hub: hubUrl, clusterId: answer.clusterId }, 'enrolled with the hub');
    this.#authorityChanged();
  }

  /** On enrollment: the hub's key, taken on the strength of the one-time code, before any snapshot arrives. */
  async trustHub(trx: Db, hubNodeId: string, publicKey: string) {
    await sql`select set_config('kontor.applying', 'on', true)`.execute(trx);
    await registry.register(trx, { nodeId: hubNodeId, name: 'hub', publicKey, role: 'hub' });
  }

  async publicKeyOf(nodeId: string): Promise<string | undefined> {
    return (await registry.find(this.platform.db, nodeId))?.publicKey;
  }

  /** The hub a client talks to: as given at start, else the one it enrolled with. */
  async hubUrl(): Promise<string | undefined> {
    return this.platform.config.upstream ?? (await changeLog.cluster(this.platform.db))?.hub_url ?? undefined;
  }

  async status(): Promise<SyncStatus> {
    const { db, config } = this.platform;
    const cluster = await changeLog.cluster(db);
    const pendingChanges = this.isHub
      ? 0
      : await changeLog.unconfirmedCount(db, this.identity.nodeId, this.confirmedSeq);
    const syncedAt = latest(cluster?.last_sync_at ?? undefined, this.hubHeardAt);
    return {
      role: this.isHub ? 'server' : 'client',
      nodeId: this.identity.nodeId,
      hub: this.isHub ? (config.publicUrl ?? null) : (cluster?.hub_url ?? config.upstream ?? null),
      hubNodeId: cluster?.hub_node_id ?? null,
      clusterId: cluster?.cluster_id ?? null,
      epoch: cluster?.epoch ?? null,
      enrolled: Boolean(cluster),
      lastSyncAt: syncedAt?.toISOString() ?? null,
      lagSeconds: this.isHub || !syncedAt ? null : Math.floor((Date.now() - syncedAt.getTime()) / 1000),
      pendingChanges,
      waitingChanges: await changeLog.pendingCount(db),
      lastError: this.lastError?.message ?? null,
      lastErrorCode: this.lastError?.code ?? null,
    };
  }
}

const latest = (...dates: Array<Date | undefined>) =>
  dates.reduce<Date | undefined>((newest, date) => (date && (!newest || date > newest) ? date : newest), undefined);
