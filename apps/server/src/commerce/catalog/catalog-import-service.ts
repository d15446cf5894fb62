import { randomUUID } from 'node:crypto';
import type { CatalogImport } from '@kontor/contracts';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { CsvSyntaxError, readCsv } from '../../platform/files/spreadsheet.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/platform.js';
import { stateConflict, unprocessable } from '../errors.js';
import { type CatalogContext, catalogDb, iso, isoOrNull } from './catalog-context.js';
import { type ImportProduct, type ParsedCatalog, parseCatalogRows } from './catalog-csv.js';
import { countPlan, emptyCounts, type PlannedProduct, planProducts } from './catalog-import-plan.js';
import { catalogImportRepository as repo } from './catalog-import-repository.js';
import { writePlannedProduct } from './catalog-import-writer.js';
import { recordPriceHistory } from './price-history.js';
import { priceRepository } from './price-repository.js';
import { attributeTypes } from './product-service.js';
import type { CatalogDb, CatalogTables, ImportRowError } from './tables.js';

/** Rows an import may hold; a catalog larger than this is imported in several files. */
export const MAX_IMPORT_ROWS = 50_000;
/** Products written per transaction: progress moves, and no transaction holds locks for long. */
const BATCH_PRODUCTS = 100;
const LISTED_ERRORS = 500;
const LEASE_MS = 120_000;

type ImportRow = Selectable<CatalogTables['commerce.catalog_imports']>;

const toImport = (row: ImportRow): CatalogImport => ({
  id: row.id,
  fileName: row.file_name,
  state: row.state,
  totalRows: row.total_rows,
  processedRows: row.processed_rows,
  errorRows: row.error_rows,
  counts: { ...emptyCounts(), ...row.counts },
  errors: row.errors,
  failure: row.failure,
  by: row.by_name,
  createdAt: iso(row.created_at),
  startedAt: isoOrNull(row.started_at),
  finishedAt: isoOrNull(row.finished_at),
});

const byRow = (a: ImportRowError, b: ImportRowError) => a.row - b.row;

/** The errors of one product: its rows' own (from reading the file) and the plan's (against the catalog). */
function productErrors(parsed: ParsedCatalog, plan: PlannedProduct): ImportRowError[] {
  const rows = new Set(plan.product.rows);
  return [...parsed.errors.filter((error) => rows.has(error.row)), ...plan.errors];
}

/**
 * Bulk import of products, variants, retail prices, stock and fitment from CSV: a preview (a dry run over the whole
 * file: errors per row and column, what would be created and updated), then an apply that a hub works through in
 * batches of products, each batch one transaction and each product written whole or skipped whole, with progress
 * the admin page polls.
 */
export class CatalogImportService {
  readonly #running = new Set<string>();

  constructor(private readonly catalog: CatalogContext) {}

  get #platform() {
    return this.catalog.platform;
  }

  async #parse(db: CatalogDb, file: Buffer): Promise<ParsedCatalog> {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
    } catch {
      throw new AppError(415, 'commerce.import_not_csv', 'The file is not UTF-8 CSV text');
    }
    if (text.includes('\0')) throw new AppError(415, 'commerce.import_not_csv', 'The file is not UTF-8 CSV text');
    let cells: string[][];
    try {
      cells = readCsv(text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw unprocessable('import_unreadable', error.message);
      throw error;
    }
    const [header, ...rest] = cells
      .map((row, index) => ({ row: index + 1, cells: row }))
      .filter(({ cells: row }) => row.some((cell) => cell.trim() !== ''));
    if (!header) throw unprocessable('import_unreadable', 'The file has no header row');
    if (rest.length > MAX_IMPORT_ROWS)
      throw new AppError(413, 'commerce.import_too_many_rows', `An import holds at most ${MAX_IMPORT_ROWS} rows`);
    const currencies = new Map((await priceRepository.currencies(db)).map((row) => [row.code, row.exponent]));
    return parseCatalogRows(header.cells, rest, {
      locales: this.#platform.config.commerceLocales,
      attributes: await attributeTypes(db),
      currencies,
    });
  }

  /** Reads and checks a file without writing the catalog; keeps it for the apply. */
  async preview(ctx: RequestContext, file: Buffer, fileName: string): Promise<CatalogImport> {
    const db = catalogDb(this.#platform.db);
    const parsed = await this.#parse(db, file);
    const plans = await planProducts(db, parsed.products);
    const errors = [...parsed.headerErrors, ...unplacedErrors(parsed)];
    let cleanRows = 0;
    for (const plan of plans) {
      const own = productErrors(parsed, plan);
      errors.push(...own);
      if (own.length === 0) cleanRows += plan.product.rows.length;
      plan.errors = own;
    }
    const id = randomUUID();
    await this.#platform.transaction(async (trx) => {
      await repo.insert(catalogDb(trx), {
        id,
        fileName,
        file,
        totalRows: parsed.totalRows,
        errorRows: parsed.headerErrors.length > 0 ? parsed.totalRows : parsed.totalRows - cleanRows,
        counts: parsed.headerErrors.length > 0 ? emptyCounts() : countPlan(plans),
        errors: errors.sort(byRow).slice(0, LISTED_ERRORS),
        byUserId: ctx.actor?.userId ?? null,
        byName: ctx.actor?.username ?? 'unknown',
      });
    });
    return this.get(ctx, id);
  }

  async get(_ctx: RequestContext, id: string): Promise<CatalogImport> {
    const row = await repo.get(catalogDb(this.#platform.db), id);
    if (!row) throw notFound('The import');
    return toImport(row);
  }

  async recent(_ctx: RequestContext) {
    return { imports: (await repo.recent(catalogDb(this.#platform.db), 20)).map(toImport) };
  }

  /** Starts writing a previewed import; answers at once, the hub works through it in the background. */
  async apply(ctx: RequestContext, id: string): Promise<CatalogImport> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const row = await repo.lockWithFile(db, id);
      if (!row) throw notFound('The import');
      if (row.state !== 'previewed')
        throw stateConflict(
          'import_not_previewed',
          `The import is ${row.state}; upload the file again to import it again`,
        );
      if (row.errors.some((error) => error.row === 1))
        throw unprocessable('import_bad_header', 'The file’s header has errors; fix the columns and upload it again');
      if (row.error_rows >= row.total_rows)
        throw unprocessable('import_no_good_rows', 'No row of the file can be imported; see the preview');
      await repo.start(db, id, new Date());
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.import.apply',
        entity: 'commerce.import',
        entityId: id,
        after: { fileName: row.file_name, totalRows: row.total_rows, previewed: row.counts },
      });
    });
    this.resume(id);
    return this.get(ctx, id);
  }

  /** Works on a running import in the background (after an apply, or taken over from a stopped instance). */
  resume(id: string): void {
    if (this.#running.has(id)) return;
    this.#running.add(id);
    void this.#run(id)
      .catch(async (error: unknown) => {
        this.#platform.logger.error({ err: error, importId: id }, 'catalog import failed');
        await this.#platform
          .transaction((trx) =>
            repo.finish(catalogDb(trx), id, 'failed', new Date(), 'The import stopped on an error; see the log'),
          )
          .catch(() => undefined);
      })
      .finally(() => this.#running.delete(id));
  }

  /** Running imports whose instance stopped (their lease ran out): for the minute job, which resumes them. */
  orphaned = (db: Db) => repo.orphaned(catalogDb(db), new Date());

  async #run(id: string): Promise<void> {
    const claimed = await this.#platform.transaction((trx) =>
      repo.claim(catalogDb(trx), id, new Date(), new Date(Date.now() + LEASE_MS)),
    );
    if (!claimed) return;
    let parsed: ParsedCatalog | undefined;
    for (;;) {
      const finished = await this.#platform.transaction(async (trx) => {
        const db = catalogDb(trx);
        const row = await repo.lockWithFile(db, id);
        if (row?.state !== 'running' || !row.file) return true;
        parsed ??= await this.#parse(db, row.file);
        const batch = nextBatch(parsed.products, row.processed_rows);
        if (batch.length === 0) {
          await repo.finish(db, id, 'done', new Date(), null);
          await this.#platform.audit.record(trx, importer(row), {
            action: 'commerce.import.done',
            entity: 'commerce.import',
            entityId: id,
            after: { counts: row.counts, errorRows: row.error_rows },
          });
          return true;
        }
        await this.#writeBatch(trx, row, parsed, batch);
        return false;
      });
      if (finished) return;
    }
  }

  async #writeBatch(trx: Db, row: ImportRow, parsed: ParsedCatalog, batch: ImportProduct[]): Promise<void> {
    const db = catalogDb(trx);
    const plans = await planProducts(db, batch);
    const counts = { ...emptyCounts(), ...row.counts };
    const errors = [...row.errors];
    let errorRows = row.error_rows;
    const at = new Date();
    const repriced: string[] = [];
    const productIds: string[] = [];
    const priceChanges: unknown[] = [];
    for (const plan of plans) {
      plan.errors = productErrors(parsed, plan);
      if (plan.errors.length === 0) {
        // A savepoint per product: a product the database refuses (a race on a SKU) is skipped whole.
        await sql`savepoint catalog_import_product`.execute(trx);
        try {
          const written = await writePlannedProduct(db, plan, at);
          await sql`release savepoint catalog_import_product`.execute(trx);
          countPlan([plan], counts);
          repriced.push(...written.repriced);
          productIds.push(written.productId);
          priceChanges.push(...written.priceChanges);
          continue;
        } catch (error) {
          await sql`rollback to savepoint catalog_import_product`.execute(trx);
          this.#platform.logger.warn(
            { err: error, slug: plan.product.slug },
            'an imported product could not be written',
          );
          plan.errors = [
            { row: plan.product.rows[0] ?? 0, column: null, message: 'could not be written: it changed meanwhile' },
          ];
        }
      }
      errors.push(...plan.errors);
      errorRows += plan.product.rows.length;
    }
    await recordPriceHistory(db, repriced, at);
    await this.catalog.search.reindex(trx, productIds);
    if (row.processed_rows === 0) {
      const unplaced = unplacedErrors(parsed);
      errors.push(...unplaced);
      errorRows += new Set(unplaced.map((error) => error.row)).size;
    }
    const processed = row.processed_rows + batch.reduce((sum, product) => sum + product.rows.length, 0);
    await repo.progress(db, row.id, {
      processedRows: processed,
      errorRows,
      counts,
      errors: errors.sort(byRow).slice(0, LISTED_ERRORS),
      leaseUntil: new Date(Date.now() + LEASE_MS),
    });
    await this.#platform.audit.record(trx, importer(row), {
      action: 'commerce.import.batch',
      entity: 'commerce.import',
      entityId: row.id,
      after: { products: productIds.length, priceChanges },
    });
  }
}

/** Errors of rows that belong to no product (their slug or SKU is unreadable): reported with the first batch. */
function unplacedErrors(parsed: ParsedCatalog): ImportRowError[] {
  const placed = new Set(parsed.products.flatMap((product) => product.rows));
  return parsed.errors.filter((error) => !placed.has(error.row));
}

/** The importing admin, as the audit log names who did what a batch did on their behalf. */
const importer = (row: ImportRow): RequestContext => ({
  actor: {
    userId: row.by_user_id,
    username: row.by_name,
    displayName: row.by_name,
    locale: null,
    permissions: new Set(),
    via: 'system',
  },
  requestId: `import-${row.id}`,
  locale: 'en',
});

/** The products after the first `processedRows` rows' worth, in file order, a batch's worth. */
function nextBatch(products: ImportProduct[], processedRows: number): ImportProduct[] {
  let skipped = 0;
  let start = 0;
  while (start < products.length && skipped < processedRows) {
    skipped += (products[start] as ImportProduct).rows.length;
    start += 1;
  }
  return products.slice(start, start + BATCH_PRODUCTS);
}
