import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { AppError, badRequest, type FieldError, notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { type EditedRecord, editRepository } from './edit-repository.js';
import type { Editable } from './editable.js';
import { readRepository } from './read-repository.js';

/** Live topic: something in the directory changed; pages showing it re-read. */
export const DIRECTORY_TOPIC = 'directory.changed';

/**
 * Changes to the directory, made on the hub: each one checked, written in one transaction with its audit
 * entry, and announced live. On a client node the sync capture trigger refuses the write (409 sync.read_only)
 * and the transaction leaves nothing behind.
 */
export class DirectoryAdminService {
  constructor(private readonly platform: Platform) {}

  async create<I extends object>(ctx: RequestContext, editable: Editable<I>, input: I): Promise<EditedRecord> {
    const id = randomUUID();
    return this.#change(ctx, editable, id, 'create', async (trx) => {
      await this.#check(trx, editable, input);
      await editRepository.insert(trx, editable.table, id, this.#columns(editable, input));
      return { before: undefined, after: await this.#mustRead(trx, editable, id) };
    });
  }

  async update<I extends object>(ctx: RequestContext, editable: Editable<I>, id: string, input: I) {
    return this.#change(ctx, editable, id, 'update', async (trx) => {
      const before = await this.#mustRead(trx, editable, id);
      await this.#check(trx, editable, input, id);
      await editRepository.update(trx, editable.table, id, this.#columns(editable, input));
      return { before, after: await this.#mustRead(trx, editable, id) };
    });
  }

  async delete<I>(ctx: RequestContext, editable: Editable<I>, id: string): Promise<void> {
    await this.#change(ctx, editable, id, 'delete', async (trx) => {
      const before = await this.#mustRead(trx, editable, id);
      const remaining: string[] = [];
      for (const blocker of editable.blockers) {
        const count = await editRepository.count(trx, blocker.table, blocker.column, id);
        if (count > 0) remaining.push(`${count} ${blocker.what}`);
      }
      if (remaining.length > 0) {
        throw new AppError(
          409,
          `directory.${editable.entity}_not_empty`,
          `Move or delete what belongs to it first: ${remaining.join(', ')}`,
        );
      }
      await editRepository.delete(trx, editable.table, id);
      return { before, after: undefined };
    });
  }

  async #change<I>(
    ctx: RequestContext,
    editable: Editable<I>,
    id: string,
    verb: 'create' | 'update' | 'delete',
    work: (trx: Db) => Promise<{ before: EditedRecord | undefined; after: EditedRecord | undefined }>,
  ): Promise<EditedRecord> {
    return this.platform.transaction(async (trx) => {
      const { before, after } = await work(trx);
      await this.platform.audit.record(trx, ctx, {
        action: `directory.${editable.entity}.${verb}`,
        entity: `directory.${editable.entity}`,
        entityId: id,
        before,
        after,
      });
      await Outbox.add(trx, DIRECTORY_TOPIC, { entity: editable.entity, id, by: ctx.actor?.username ?? null });
      return after ?? { id };
    });
  }

  #columns<I>(editable: Editable<I>, input: I): Record<string, unknown> {
    const columns: Record<string, unknown> = editable.derived(input);
    for (const [field, column] of Object.entries<string>(editable.fields)) {
      columns[column] = (input as Record<string, unknown>)[field];
    }
    return columns;
  }

  /** The records the input refers to exist, and a unit is not moved below itself. */
  async #check<I>(trx: Db, editable: Editable<I>, input: I, id?: string): Promise<void> {
    const errors: FieldError[] = [];
    const values = input as Record<string, unknown>;
    for (const [field, table] of Object.entries(editable.references)) {
      const value = values[field];
      if (typeof value === 'string' && !(await editRepository.exists(trx, table as string, value))) {
        errors.push({ path: `body.${field}`, message: `no such ${field.replace(/Id$/, '')}: ${value}` });
      }
    }
    const parentId = editable.treeParent && values[editable.treeParent];
    if (id && typeof parentId === 'string' && (await readRepository.isWithin(trx.withTables(), parentId, id))) {
      errors.push({
        path: `body.${editable.treeParent}`,
        message: `a ${editable.entity} cannot be placed below itself`,
      });
    }
    if (errors.length > 0) {
      throw badRequest('directory.invalid_reference', errors.map((error) => error.message).join('; '), errors);
    }
  }

  async #mustRead<I>(trx: Db, editable: Editable<I>, id: string): Promise<EditedRecord> {
    const record = await editRepository.read(trx, editable, id);
    if (!record) throw notFound(`The ${editable.entity} ${id}`);
    return record;
  }
}
