import { type RawBuilder, sql } from 'kysely';
import type { SimNode } from './sim-node.js';

/** Tables the workload writes; emptied between schedules. */
export const WORKLOAD_TABLES = ['notes.notes'];

/**
 * - create, createMany: new notes the writer owns (createMany: three in one transaction, so pages must not split it)
 * - update, delete: a note the writer may change (a client: its own; the hub: any)
 * - createForeign: a note owned by another node: the hub may, a client's is refused by the hub's rules
 * - handOver: gives a note the writer may change to another node: the hub may (and then refuses what the old owner
 *   writes to it meanwhile), a client's is refused
 */
export type WriteAction = 'create' | 'createMany' | 'update' | 'delete' | 'createForeign' | 'handOver';

/** Which writes the hub and the clients attempt. */
export interface WriteMix {
  hub: readonly WriteAction[];
  client: readonly WriteAction[];
}

/** Only writes the hub's rules accept, whatever order they arrive in: every one must reach every node. */
export const LAWFUL: WriteMix = {
  hub: ['create', 'createMany', 'update', 'delete', 'createForeign'],
  client: ['create', 'createMany', 'update', 'delete'],
};

/** Every write, including those the hub refuses: the refusal must reach every node, its origin included. */
export const CONTESTED: WriteMix = {
  hub: [...LAWFUL.hub, 'handOver'],
  client: [...LAWFUL.client, 'createForeign', 'handOver'],
};

/**
 * Writes to notes as a module would, in the node's own database, and counts the rows each node changed: each is
 * one change in its log, so after healing every node must hold exactly that many changes of each origin.
 */
export class Workload {
  /** Row changes each node committed, by node id. */
  readonly committed = new Map<string, number>();
  #written = 0;

  constructor(private readonly nodes: SimNode[]) {}

  async write(writer: SimNode, action: WriteAction, pick: number) {
    const count = await this.#perform(writer, action, pick);
    this.committed.set(writer.id, (this.committed.get(writer.id) ?? 0) + count);
  }

  async #perform(writer: SimNode, action: WriteAction, pick: number): Promise<number> {
    switch (action) {
      case 'create':
        return this.#insert(writer, [writer.id]);
      case 'createMany':
        return this.#insert(writer, [writer.id, writer.id, writer.id]);
      case 'createForeign':
        return this.#insert(writer, [this.#other(writer, pick)]);
      case 'update':
        return this.#change(writer, pick, (id) => sql`update notes.notes set body = ${this.#body()} where id = ${id}`);
      case 'delete':
        return this.#change(writer, pick, (id) => sql`delete from notes.notes where id = ${id}`);
      case 'handOver': {
        const owner = this.#other(writer, pick);
        // A hand-over to the node that owns the note already changes nothing, so it must not count as a change.
        return this.#change(
          writer,
          pick,
          (id) => sql`update notes.notes set owner = ${owner} where id = ${id} and owner <> ${owner}`,
        );
      }
    }
  }

  /** Runs `statement` on the note at `pick` among those the writer may change; nothing when there is none. */
  async #change(writer: SimNode, pick: number, statement: (id: string) => RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ id: string }>`select id from notes.notes
      where ${writer.service.isHub} or owner = ${writer.id} order by id`.execute(writer.db);
    const id = rows[pick % Math.max(rows.length, 1)]?.id;
    if (!id) return 0;
    return Number((await statement(id).execute(writer.db)).numAffectedRows ?? 0);
  }

  #other(writer: SimNode, pick: number): string {
    const others = this.nodes.filter((node) => node !== writer);
    return (others[pick % others.length] as SimNode).id;
  }

  /** One insert statement, so one transaction, however many notes. */
  async #insert(writer: SimNode, owners: string[]): Promise<number> {
    const rows = owners.map((owner) => sql`(${this.#nextId()}::uuid, ${owner}::uuid, ${this.#body()})`);
    const result = await sql`insert into notes.notes (id, owner, body) values ${sql.join(rows)}`.execute(writer.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Ids and bodies follow the schedule, so replaying a seed writes the same rows. */
  #nextId(): string {
    this.#written += 1;
    return `00000000-0000-4000-8000-${this.#written.toString(16).padStart(12, '0')}`;
  }

  #body(): string {
    this.#written += 1;
    return `text ${this.#written}`;
  }
}
