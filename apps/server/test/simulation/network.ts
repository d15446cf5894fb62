import { handle, type Message } from './protocol.js';
import type { SimNode } from './sim-node.js';

/**
 * The messages in flight between nodes, which the schedule delivers in any order (reorder), leaves waiting while
 * other things happen (delay), drops or duplicates. A partition loses what crosses it; a crash loses what was on
 * the way to or from the crashed node.
 */
export class Network {
  #inFlight: Message[] = [];
  #cut = new Set<string>();

  constructor(private readonly nodes: SimNode[]) {}

  /** Sends a copy through JSON, as the wire would: the receiver shares no object with the sender. */
  send(message: Message | undefined) {
    if (message) this.#inFlight.push(JSON.parse(JSON.stringify(message)) as Message);
  }

  /** Delivers the message at `pick` (modulo what is in flight), unless a partition or a crash loses it. */
  async deliver(pick: number) {
    const message = this.#take(pick);
    if (!message) return;
    const target = this.#node(message.to);
    if (!target.up || this.#cut.has(linkOf(message.from, message.to))) return;
    this.send(await handle(target, message));
  }

  drop(pick: number) {
    this.#take(pick);
  }

  duplicate(pick: number) {
    if (this.#inFlight.length > 0) this.send(this.#inFlight[pick % this.#inFlight.length]);
  }

  togglePartition(a: SimNode, b: SimNode) {
    const link = linkOf(a.id, b.id);
    if (!this.#cut.delete(link)) this.#cut.add(link);
  }

  crash(node: SimNode) {
    node.crash();
    this.#inFlight = this.#inFlight.filter((message) => message.from !== node.id && message.to !== node.id);
  }

  /** Lifts every partition, restarts crashed nodes and delivers what is still in flight, in the order sent. */
  async heal() {
    this.#cut.clear();
    for (const node of this.nodes) if (!node.up) await node.restart();
    while (this.#inFlight.length > 0) await this.deliver(0);
  }

  #take(pick: number): Message | undefined {
    if (this.#inFlight.length === 0) return undefined;
    return this.#inFlight.splice(pick % this.#inFlight.length, 1)[0];
  }

  #node(id: string): SimNode {
    const node = this.nodes.find((candidate) => candidate.id === id);
    if (!node) throw new Error(`no simulated node ${id}`);
    return node;
  }
}

const linkOf = (a: string, b: string) => [a, b].sort().join('|');
