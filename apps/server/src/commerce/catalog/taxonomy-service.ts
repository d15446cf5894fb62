import { randomUUID } from 'node:crypto';
import type {
  CatalogAttribute,
  CatalogBrand,
  CatalogCategory,
  catalogAttributeInput,
  catalogCategoryInput,
  catalogCategoryPatch,
} from '@kontor/contracts';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { type FieldError, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/platform.js';
import { stateConflict, unprocessable } from '../errors.js';
import { type CatalogContext, catalogDb, iso } from './catalog-context.js';
import { slugRedirects } from './slug-redirects.js';
import type { CatalogTables } from './tables.js';
import { type CategoryFields, taxonomyRepository as repo } from './taxonomy-repository.js';
import { compact, translationProblems } from './translations.js';

type CategoryRow = Selectable<CatalogTables['commerce.categories']> & { product_count?: number | null };

const toBrand = (row: Selectable<CatalogTables['commerce.brands']>): CatalogBrand => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  updatedAt: iso(row.updated_at),
});

const toCategory = (row: CategoryRow): CatalogCategory => ({
  id: row.id,
  parentId: row.parent_id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  seoTitle: row.seo_title,
  seoDescription: row.seo_description,
  position: row.position,
  productCount: row.product_count ?? 0,
  updatedAt: iso(row.updated_at),
});

const toAttribute = (row: Selectable<CatalogTables['commerce.attributes']>): CatalogAttribute => ({
  key: row.key,
  type: row.type,
  unit: row.unit,
  name: row.name,
  options: row.options,
  facet: row.facet,
  position: row.position,
});

const slugTaken = (what: string, slug: string) =>
  unprocessable('slug_taken', `Another ${what} already has the slug "${slug}"`, [
    { path: 'body.slug', message: 'is taken' },
  ]);

/** Brands, the category tree and the typed attributes. Every change is audited and reindexes what shows it. */
export class TaxonomyService {
  constructor(private readonly catalog: CatalogContext) {}

  get #platform() {
    return this.catalog.platform;
  }

  #locales() {
    return this.#platform.config.commerceLocales;
  }

  #check(problems: FieldError[]) {
    if (problems.length > 0) throw unprocessable('invalid_catalog_text', 'Some fields cannot be saved', problems);
  }

  async #audit(trx: Db, ctx: RequestContext, action: string, entityId: string, before: unknown, after: unknown) {
    const entity = `commerce.${action.split('.')[0]}`;
    await this.#platform.audit.record(trx, ctx, { action: `commerce.${action}`, entity, entityId, before, after });
  }

  async brands(_ctx: RequestContext) {
    return { brands: (await repo.brands(catalogDb(this.#platform.db))).map(toBrand) };
  }

  async createBrand(ctx: RequestContext, input: { slug: string; name: string }): Promise<CatalogBrand> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      if (await repo.brandBySlug(db, input.slug)) throw slugTaken('brand', input.slug);
      const row = await repo.insertBrand(db, { id: randomUUID(), ...input });
      await this.#audit(trx, ctx, 'brand.create', row.id, undefined, toBrand(row));
      return toBrand(row);
    });
  }

  async updateBrand(ctx: RequestContext, id: string, changes: { slug?: string; name?: string }): Promise<CatalogBrand> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.brand(db, id);
      if (!before) throw notFound('The brand');
      const other = changes.slug ? await repo.brandBySlug(db, changes.slug) : undefined;
      if (other && other.id !== id) throw slugTaken('brand', other.slug);
      const after = await repo.updateBrand(db, id, changes);
      await this.#audit(trx, ctx, 'brand.update', id, toBrand(before), toBrand(after));
      await this.catalog.search.reindex(trx, await repo.productIdsOfBrand(db, id));
      return toBrand(after);
    });
  }

  async deleteBrand(ctx: RequestContext, id: string): Promise<void> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.brand(db, id);
      if (!before) throw notFound('The brand');
      const used = await repo.productIdsOfBrand(db, id);
      if (used.length > 0)
        throw stateConflict('brand_in_use', `${used.length} products are of this brand; give them another first`);
      await repo.deleteBrand(db, id);
      await this.#audit(trx, ctx, 'brand.delete', id, toBrand(before), undefined);
    });
  }

  async categories(_ctx: RequestContext) {
    return { categories: (await repo.categories(catalogDb(this.#platform.db))).map(toCategory) };
  }

  async category(_ctx: RequestContext, id: string): Promise<CatalogCategory> {
    const row = (await repo.categories(catalogDb(this.#platform.db))).find((category) => category.id === id);
    if (!row) throw notFound('The category');
    return toCategory(row);
  }

  #categoryProblems(fields: Partial<Pick<CategoryFields, 'name' | 'description' | 'seoTitle' | 'seoDescription'>>) {
    const locales = this.#locales();
    return [
      ...translationProblems(fields.name, 'body.name', locales, true),
      ...translationProblems(fields.description, 'body.description', locales, false),
      ...translationProblems(fields.seoTitle, 'body.seoTitle', locales, false),
      ...translationProblems(fields.seoDescription, 'body.seoDescription', locales, false),
    ];
  }

  async createCategory(ctx: RequestContext, input: z.output<typeof catalogCategoryInput>): Promise<CatalogCategory> {
    this.#check(this.#categoryProblems(input));
    const id = randomUUID();
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      await repo.lockTree(db);
      if (await repo.categoryBySlug(db, input.slug)) throw slugTaken('category', input.slug);
      if (input.parentId && !(await repo.category(db, input.parentId)))
        throw unprocessable('unknown_category', 'The parent category does not exist', [
          { path: 'body.parentId', message: 'is not a category' },
        ]);
      const fields: CategoryFields = {
        ...input,
        name: compact(input.name),
        description: compact(input.description),
        seoTitle: compact(input.seoTitle),
        seoDescription: compact(input.seoDescription),
        position: input.position ?? (await repo.nextPosition(db, input.parentId)),
      };
      await repo.insertCategory(db, id, fields);
      await slugRedirects.claimed(db, 'category', input.slug);
      const after = toCategory((await repo.category(db, id)) as CategoryRow);
      await this.#audit(trx, ctx, 'category.create', id, undefined, after);
      return after;
    });
  }

  async updateCategory(
    ctx: RequestContext,
    id: string,
    changes: z.output<typeof catalogCategoryPatch>,
  ): Promise<CatalogCategory> {
    this.#check(this.#categoryProblems(changes));
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.category(db, id);
      if (!before) throw notFound('The category');
      const slug = changes.slug ?? before.slug;
      const other = await repo.categoryBySlug(db, slug);
      if (other && other.id !== id) throw slugTaken('category', slug);
      await repo.updateCategory(db, id, {
        slug,
        name: changes.name ? compact(changes.name) : before.name,
        description: changes.description ? compact(changes.description) : before.description,
        seoTitle: changes.seoTitle ? compact(changes.seoTitle) : before.seo_title,
        seoDescription: changes.seoDescription ? compact(changes.seoDescription) : before.seo_description,
      });
      await slugRedirects.moved(db, 'category', before.slug, slug, id);
      const after = await repo.category(db, id);
      await this.#audit(trx, ctx, 'category.update', id, toCategory(before), after && toCategory(after));
      await this.catalog.search.reindex(trx, await repo.productIdsIn(db, await repo.subtree(db, id)));
      return this.#withCount(db, id);
    });
  }

  async #withCount(db: ReturnType<typeof catalogDb>, id: string): Promise<CatalogCategory> {
    const row = (await repo.categories(db)).find((category) => category.id === id);
    if (!row) throw notFound('The category');
    return toCategory(row);
  }

  /** Moves a category under another parent (null: to the top) at a place among its new siblings. */
  async moveCategory(
    ctx: RequestContext,
    id: string,
    parentId: string | null,
    position: number | undefined,
  ): Promise<CatalogCategory> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      await repo.lockTree(db);
      const before = await repo.category(db, id);
      if (!before) throw notFound('The category');
      if (parentId !== null) {
        if (!(await repo.category(db, parentId)))
          throw unprocessable('unknown_category', 'The new parent category does not exist', [
            { path: 'body.parentId', message: 'is not a category' },
          ]);
        if ((await repo.subtree(db, id)).includes(parentId))
          throw unprocessable('category_cycle', 'A category cannot move below itself or its own sub-categories', [
            { path: 'body.parentId', message: 'lies below the category being moved' },
          ]);
      }
      const siblings = (await repo.siblings(db, parentId)).filter((sibling) => sibling !== id);
      siblings.splice(Math.min(position ?? siblings.length, siblings.length), 0, id);
      for (const [index, sibling] of siblings.entries()) await repo.placeCategory(db, sibling, parentId, index);
      const after = await repo.category(db, id);
      await this.#audit(
        trx,
        ctx,
        'category.move',
        id,
        { parentId: before.parent_id, position: before.position },
        { parentId: after?.parent_id ?? null, position: after?.position ?? 0 },
      );
      await this.catalog.search.reindex(trx, await repo.productIdsIn(db, await repo.subtree(db, id)));
      return this.#withCount(db, id);
    });
  }

  async deleteCategory(ctx: RequestContext, id: string): Promise<void> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      await repo.lockTree(db);
      const before = await repo.category(db, id);
      if (!before) throw notFound('The category');
      if ((await repo.childCount(db, id)) > 0)
        throw stateConflict('category_not_empty', 'The category has sub-categories; move or delete them first');
      if ((await repo.productIdsIn(db, [id])).length > 0)
        throw stateConflict('category_not_empty', 'Products are filed in this category; file them elsewhere first');
      await repo.deleteCategory(db, id);
      await this.#audit(trx, ctx, 'category.delete', id, toCategory(before), undefined);
    });
  }

  async attributes(_ctx: RequestContext) {
    return { attributes: (await repo.attributes(catalogDb(this.#platform.db))).map(toAttribute) };
  }

  /**
   * Defines or changes an attribute. Its type cannot change while products hold values of it, and an enum cannot
   * lose an option a product or variant still has: both would leave values the type no longer allows.
   */
  async saveAttribute(
    ctx: RequestContext,
    key: string,
    input: z.output<typeof catalogAttributeInput>,
  ): Promise<CatalogAttribute> {
    const problems = [
      ...translationProblems(input.name, 'body.name', this.#locales(), true),
      ...input.options.flatMap((option, index) =>
        translationProblems(option.label, `body.options.${index}.label`, this.#locales(), false),
      ),
    ];
    if (input.type === 'enum' && input.options.length === 0)
      problems.push({ path: 'body.options', message: 'an enum needs at least one option' });
    if (input.type !== 'enum' && input.options.length > 0)
      problems.push({ path: 'body.options', message: `only an enum has options, not a ${input.type}` });
    input.options.forEach((option, index) => {
      if (input.options.findIndex((other) => other.value === option.value) !== index)
        problems.push({ path: `body.options.${index}.value`, message: `repeats "${option.value}"` });
    });
    this.#check(problems);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.attribute(db, key);
      const use = before ? await repo.attributeUse(db, key) : { values: [], productIds: [] };
      if (before && before.type !== input.type && use.values.length > 0)
        throw stateConflict(
          'attribute_in_use',
          `${use.productIds.length} products hold values of "${key}" as ${before.type}; clear them before changing its type`,
        );
      if (input.type === 'enum') {
        const dropped = use.values.filter((value) => !input.options.some((option) => option.value === value));
        if (dropped.length > 0)
          throw stateConflict('attribute_in_use', `Products still hold the options ${dropped.join(', ')} of "${key}"`);
      }
      await repo.upsertAttribute(db, {
        key,
        ...input,
        name: compact(input.name),
        options: input.options.map((option) => ({ value: option.value, label: compact(option.label) })),
      });
      const after = toAttribute((await repo.attribute(db, key)) as Selectable<CatalogTables['commerce.attributes']>);
      await this.#audit(
        trx,
        ctx,
        before ? 'attribute.update' : 'attribute.create',
        key,
        before && toAttribute(before),
        after,
      );
      await this.catalog.search.reindex(trx, use.productIds);
      return after;
    });
  }

  async deleteAttribute(ctx: RequestContext, key: string): Promise<void> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.attribute(db, key);
      if (!before) throw notFound(`The attribute ${key}`);
      const use = await repo.attributeUse(db, key);
      if (use.productIds.length > 0)
        throw stateConflict('attribute_in_use', `${use.productIds.length} products hold values of "${key}"`);
      await repo.deleteAttribute(db, key);
      await this.#audit(trx, ctx, 'attribute.delete', key, toAttribute(before), undefined);
    });
  }
}
