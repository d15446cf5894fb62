import type { Vector } from '../../src/sync/change-log.js';
import { SyncService } from '../../src/sync/service.js';
import type { WireChange } from '../../src/sync/signing.js';
import type { TestNode } from '../test-node.js';

/** What a node's sync module exposes; the harness drives the node's sync itself, so it stops the module's loop. */
type SyncModule = { service(): SyncService; stop(): Promise<void> };

export const syncModuleOf = (node: TestNode) =>
  node.modules.find((module) => module.name === 'sync') as unknown as SyncModule;

/**
 * A real Kontor node as the simulation sees it: its database (the "disk", which keeps whatever committed) and a
 * `SyncService` (its memory, which a crash loses).
 */
export class SimNode {
  up = true;
  /**
   * Changes this node reported as applied or rejected. Kept by the harness, not the node, so it survives the
   * node's crashes and can prove that no change was applied twice.
   */
  settled = 0;
  /** What this node last heard the hub holds, so it pushes only what lies beyond: memory, lost in a crash. */
  hubVector: Vector = {};

  private constructor(
    readonly name: string,
    readonly node: TestNode,
    public service: SyncService,
  ) {}

  /** Wraps a started node whose own sync loop is stopped, loading its identity from its database. */
  static async boot(name: string, node: TestNode): Promise<SimNode> {
    return new SimNode(name, node, await freshService(node));
  }

  get id(): string {
    return this.service.identity.nodeId;
  }

  get db() {
    return this.node.platform.db;
  }

  crash() {
    this.up = false;
  }

  /** Starts again from disk: a new `SyncService` over the same database, nothing of the old one's memory. */
  async restart() {
    this.service = await freshService(this.node);
    this.hubVector = {};
    this.up = true;
  }

  async receive(changes: WireChange[]) {
    const outcome = await this.service.receive(null, changes);
    this.settled += outcome.applied + outcome.rejected;
  }

  vector(): Promise<Vector> {
    return this.service.vector();
  }
}

async function freshService(node: TestNode): Promise<SyncService> {
  const { platform, tables, schemaVersion } = syncModuleOf(node).service();
  const service = new SyncService(platform, tables, schemaVersion);
  await service.init();
  return service;
}

/** A vector as text that does not depend on the order the database returned its entries in. */
export const vectorText = (vector: Vector) =>
  JSON.stringify(Object.entries(vector).sort(([a], [b]) => a.localeCompare(b)));
