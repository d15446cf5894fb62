import { randomUUID } from 'node:crypto';
import {
  type ImportApplyQuery,
  type ImportPreview,
  type ImportQuery,
  type ImportResult,
  type ImportRowError,
  type ImportSummary,
  mappingIsComplete,
} from '@kontor/contracts';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { AppError, conflict, notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { DIRECTORY_TOPIC } from './admin-service.js';
import { type ParsedTable, parseTable } from './import-parser.js';
import { type ImportPlan, type ImportTable, planImport } from './import-plan.js';
import { type ChangeSet, type ImportRecord, importRepository } from './import-repository.js';
import { type ColumnMapping, checkMapping, readRows, suggestMapping } from './import-rows.js';

/** Rows of the file a preview shows, and errors any answer lists (the counts are always whole). */
const SAMPLE_ROWS = 20;
const LISTED_ERRORS = 500;
/** Dependency order: what is created first is deleted last. */
const TABLES: ImportTable[] = [
  'directory.units',
  'directory.people',
  'directory.functions',
  'directory.contact_points',
];

/**
 * Import of the directory from CSV or Excel, on the hub: a preview that maps the columns and checks every row,
 * an apply that writes the good rows as one transaction and one audited change set, and an undo of that set.
 */
export class DirectoryImportService {
  constructor(private readonly platform: Platform) {}

  async preview(_ctx: RequestContext, file: Buffer, query: ImportQuery): Promise<ImportPreview> {
    const table = await parseTable(file);
    const mapping = query.columns ? checkMapping(table.header, query.columns) : suggestMapping(table.header);
    const base = {
      format: table.format,
      header: table.header,
      mapping,
      sample: table.rows.slice(0, SAMPLE_ROWS),
      rowCount: table.rows.length,
    };
    if (!mappingIsComplete(mapping)) {
      // A suggestion that misses a field every row needs: nothing can be checked until the user maps it.
      const none = { units: 0, people: 0, functions: 0, contacts: 0 };
      return { ...base, errorRows: 0, errors: [], created: none, updated: none };
    }
    const { plan, errors, errorRows } = await this.#plan(this.platform.db, table, mapping);
    return { ...base, errorRows, errors: errors.slice(0, LISTED_ERRORS), created: plan.created, updated: plan.updated };
  }

  async apply(ctx: RequestContext, file: Buffer, query: ImportApplyQuery): Promise<ImportResult> {
    this.#onHub();
    const table = await parseTable(file);
    const mapping = checkMapping(table.header, query.columns);
    const id = randomUUID();
    const by = ctx.actor?.username ?? 'unknown';
    const errors = await this.platform.transaction(async (trx) => {
      await importRepository.lock(trx);
      const { plan, errors, errorRows } = await this.#plan(trx, table, mapping);
      if (errorRows === table.rows.length) {
        throw new AppError(422, 'directory.import_no_good_rows', 'No row of the file can be imported; see the preview');
      }
      const changes: ChangeSet = {
        created: Object.fromEntries(
          TABLES.map((name) => [name, plan.inserts[name].map((record) => record.id)]),
        ) as ChangeSet['created'],
        before: [],
      };
      for (const name of TABLES) {
        const updated = [...plan.updates].filter(([, update]) => update.table === name).map(([recordId]) => recordId);
        for (const row of await importRepository.rows(trx, name, updated)) changes.before.push({ table: name, row });
      }
      const summary = {
        id,
        fileName: query.fileName,
        byName: by,
        rowCount: table.rows.length,
        skippedRows: errorRows,
        created: plan.created,
        updated: plan.updated,
      };
      await importRepository.addImport(trx, { ...summary, changes, byUserId: ctx.actor?.userId ?? null });
      for (const name of TABLES) await importRepository.insert(trx, name, plan.inserts[name]);
      for (const [recordId, update] of plan.updates)
        await importRepository.update(trx, update.table, recordId, update.columns);
      await this.#audit(trx, ctx, 'apply', id, summary);
      return errors;
    });
    return { ...(await this.#summary(id)), errors: errors.slice(0, LISTED_ERRORS) };
  }

  async undo(ctx: RequestContext, id: string): Promise<ImportSummary> {
    this.#onHub();
    await this.platform.transaction(async (trx) => {
      await importRepository.lock(trx);
      const record = await importRepository.findImport(trx, id, true);
      if (!record) throw notFound(`The import ${id}`);
      if (record.undoneAt) throw conflict('directory.import_undone', 'This import has already been undone');
      await this.#refuseIfChangedSince(trx, record);
      const { changes } = record;
      for (const { table, row } of changes.before) {
        const { id: recordId, ...columns } = row;
        await importRepository.update(trx, table, recordId, columns);
      }
      for (const table of [...TABLES].reverse()) {
        await importRepository.delete(trx, table, [...changes.created[table]].reverse());
      }
      await importRepository.markUndone(trx, id, ctx.actor?.username ?? 'unknown');
      await this.#audit(trx, ctx, 'undo', id, {
        fileName: record.fileName,
        created: record.created,
        updated: record.updated,
      });
    });
    return this.#summary(id);
  }

  async recent(_ctx: RequestContext, limit: number): Promise<ImportSummary[]> {
    const records = await importRepository.recentImports(this.platform.db, limit);
    return records.map(toSummary);
  }

  async #plan(db: Db, table: ParsedTable, mapping: ColumnMapping) {
    const read = readRows(table, mapping);
    const plan: ImportPlan = planImport(await importRepository.snapshot(db), read.rows);
    const errors: ImportRowError[] = [...read.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    return { plan, errors, errorRows: read.errorRows + plan.errors.length };
  }

  /** An undo takes back exactly what the import wrote, so nothing of it may have changed or gained new parts since. */
  async #refuseIfChangedSince(trx: Db, record: ImportRecord): Promise<void> {
    let changed = 0;
    for (const table of TABLES) {
      const ids = [
        ...record.changes.created[table],
        ...record.changes.before.filter((entry) => entry.table === table).map(({ row }) => row.id),
      ];
      changed += await importRepository.changedSince(trx, table, ids, record.id);
    }
    changed += await importRepository.referencesFromOutside(trx, record.changes);
    if (changed > 0) {
      throw conflict(
        'directory.import_changed_since',
        `${changed} of the records this import wrote were changed, deleted or given new entries since; ` +
          'undo those changes first or edit the directory by hand',
      );
    }
  }

  async #summary(id: string): Promise<ImportSummary> {
    const record = await importRepository.findImport(this.platform.db, id);
    if (!record) throw notFound(`The import ${id}`);
    return toSummary(record);
  }

  async #audit(trx: Db, ctx: RequestContext, verb: 'apply' | 'undo', id: string, after: object): Promise<void> {
    await this.platform.audit.record(trx, ctx, {
      action: `directory.import.${verb}`,
      entity: 'directory.import',
      entityId: id,
      after,
    });
    await Outbox.add(trx, DIRECTORY_TOPIC, { entity: 'import', id, by: ctx.actor?.username ?? null });
  }

  /** Client nodes hold a read-only copy; their writes would be refused record by record, so refuse the whole. */
  #onHub(): void {
    if (this.platform.node.role !== 'server') {
      throw conflict('sync.read_only', 'This node holds a read-only copy of the directory; import on the hub');
    }
  }
}

function toSummary(record: Omit<ImportRecord, 'changes'>): ImportSummary {
  return {
    id: record.id,
    fileName: record.fileName,
    at: new Date(record.at).toISOString(),
    by: record.byName,
    rowCount: record.rowCount,
    skippedRows: record.skippedRows,
    created: record.created,
    updated: record.updated,
    undoneAt: record.undoneAt ? new Date(record.undoneAt).toISOString() : null,
    undoneBy: record.undoneBy,
  };
}
