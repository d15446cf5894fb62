import { randomUUID } from 'node:crypto';
import type {
  CatalogProduct,
  catalogProductInput,
  catalogProductListQuery,
  catalogProductPatch,
  catalogVariantInput,
} from '@kontor/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldError, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/platform.js';
import { type AttributeType, attributeProblems } from './attribute-values.js';
import { type CatalogContext, catalogDb, iso, isUniqueViolation } from './catalog-context.js';
import { type ProductFields, productRepository as repo, type VariantFields } from './product-repository.js';
import { axesProblems, optionCombination, optionValueProblems, problem, refuse } from './product-rules.js';
import { adminProducts } from './product-view.js';
import { slugRedirects } from './slug-redirects.js';
import type { CatalogDb } from './tables.js';
import { taxonomyRepository } from './taxonomy-repository.js';
import { compact, translationProblems } from './translations.js';

type ProductInput = z.output<typeof catalogProductInput>;
type ProductPatch = z.output<typeof catalogProductPatch>;
type VariantInput = z.output<typeof catalogVariantInput>;

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);
const badCursor = () =>
  new AppError(400, 'commerce.bad_cursor', 'The cursor is not one this list gave out', {
    errors: [{ path: 'querystring.cursor', message: 'is not one this list gave out', code: 'bad_cursor' }],
  });

/** Attribute types by key, for checking values. */
export async function attributeTypes(db: CatalogDb): Promise<Map<string, AttributeType>> {
  return new Map((await taxonomyRepository.attributes(db)).map((row) => [row.key, row]));
}

/** A unique index met in a race the pre-checks lost: the same answer the pre-check gives. */
export function uniqueRace(error: unknown, path: string): never {
  if (isUniqueViolation(error, 'variants_sku_key'))
    refuse([problem('sku_taken', `${path}.sku`, 'is taken by another variant')]);
  if (isUniqueViolation(error, 'variants_ean'))
    refuse([problem('ean_taken', `${path}.ean`, 'is taken by another variant')]);
  if (isUniqueViolation(error, 'products_slug_key'))
    refuse([problem('slug_taken', 'body.slug', 'is taken by another product')]);
  throw error;
}

/** Products and their variants and fitment, for admins. Every change is audited and reindexed for search. */
export class ProductService {
  constructor(private readonly catalog: CatalogContext) {}

  get #platform() {
    return this.catalog.platform;
  }

  async list(_ctx: RequestContext, query: z.output<typeof catalogProductListQuery>) {
    let after: { updated: string; id: string } | undefined;
    if (query.cursor) {
      let parsed: z.ZodSafeParseResult<[string, string]>;
      try {
        parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')));
      } catch {
        throw badCursor();
      }
      if (!parsed.success) throw badCursor();
      after = { updated: parsed.data[0], id: parsed.data[1] };
    }
    const rows = await repo.page(catalogDb(this.#platform.db), { ...query, after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      products: page.map((row) => ({
        id: row.id,
        slug: row.slug,
        status: row.status,
        name: row.name,
        brandId: row.brand_id,
        variantCount: row.variant_count ?? 0,
        updatedAt: iso(row.updated_at),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify([last.page_updated, last.id])).toString('base64url')
          : null,
    };
  }

  async get(_ctx: RequestContext, id: string): Promise<CatalogProduct> {
    const [product] = await adminProducts(catalogDb(this.#platform.db), [id]);
    if (!product) throw notFound('The product');
    return product;
  }

  /** The problems of a product's own fields (not its variants) against the catalog as it is. */
  async #productProblems(db: CatalogDb, fields: Partial<ProductFields> & { categoryIds?: string[] }) {
    const locales = this.#platform.config.commerceLocales;
    const problems: FieldError[] = [
      ...translationProblems(fields.name, 'body.name', locales, true),
      ...translationProblems(fields.description, 'body.description', locales, false),
      ...translationProblems(fields.seoTitle, 'body.seoTitle', locales, false),
      ...translationProblems(fields.seoDescription, 'body.seoDescription', locales, false),
    ].map((entry) => ({ ...entry, code: 'invalid_catalog_text' }));
    if (fields.options) problems.push(...axesProblems(fields.options, 'body.options', locales));
    if (fields.brandId && (await repo.existingIds(db, 'commerce.brands', [fields.brandId])).size === 0)
      problems.push(problem('unknown_brand', 'body.brandId', 'is not a brand'));
    if (fields.categoryIds) {
      const known = await repo.existingIds(db, 'commerce.categories', fields.categoryIds);
      fields.categoryIds.forEach((id, index) => {
        if (!known.has(id))
          problems.push(problem('unknown_category', `body.categoryIds.${index}`, 'is not a category'));
        if (fields.categoryIds?.indexOf(id) !== index)
          problems.push(problem('unknown_category', `body.categoryIds.${index}`, 'repeats a category'));
      });
    }
    if (fields.attributes)
      problems.push(
        ...attributeProblems(await attributeTypes(db), fields.attributes, 'body.attributes').map((entry) => ({
          ...entry,
          code: 'invalid_attribute',
        })),
      );
    return problems;
  }

  /**
   * The problems of variants about to exist side by side: SKUs and EANs unique (in the request and in the catalog,
   * except the variant itself), option values matching the axes and not repeated, attributes of their types.
   */
  async #variantProblems(
    db: CatalogDb,
    axes: ProductFields['options'],
    variants: Array<{ id?: string; path: string; fields: Partial<VariantFields> }>,
    siblings: Array<{ id: string; option_values: Record<string, string> }>,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const types = await attributeTypes(db);
    const skus = variants.flatMap((variant) => (variant.fields.sku ? [variant.fields.sku] : []));
    const eans = variants.flatMap((variant) => (variant.fields.ean ? [variant.fields.ean] : []));
    const takenSkus = new Map((await repo.variantsBySku(db, skus)).map((row) => [row.sku, row.id]));
    const takenEans = new Map((await repo.variantsByEan(db, eans)).map((row) => [row.ean, row.id]));
    const combinations = new Map(
      siblings
        .filter((sibling) => !variants.some((variant) => variant.id === sibling.id))
        .map((sibling) => [optionCombination(axes, sibling.option_values), sibling.id]),
    );
    variants.forEach((variant, index) => {
      const { fields, path } = variant;
      if (fields.sku) {
        const holder = takenSkus.get(fields.sku);
        if ((holder && holder !== variant.id) || skus.indexOf(fields.sku) !== skus.lastIndexOf(fields.sku))
          problems.push(problem('sku_taken', `${path}.sku`, `${fields.sku} is taken by another variant`));
      }
      if (fields.ean) {
        const holder = takenEans.get(fields.ean);
        if ((holder && holder !== variant.id) || eans.indexOf(fields.ean) !== eans.lastIndexOf(fields.ean))
          problems.push(problem('ean_taken', `${path}.ean`, `${fields.ean} is taken by another variant`));
      }
      if (fields.optionValues) {
        const mismatch = optionValueProblems(axes, fields.optionValues, `${path}.optionValues`);
        problems.push(...mismatch);
        const combination = optionCombination(axes, fields.optionValues);
        if (mismatch.length === 0 && axes.length > 0) {
          if (combinations.has(combination))
            problems.push(problem('option_repeated', `${path}.optionValues`, 'another variant has the same options'));
          combinations.set(combination, variant.id ?? `new-${index}`);
        }
      }
      if (fields.attributes)
        problems.push(
          ...attributeProblems(types, fields.attributes, `${path}.attributes`).map((entry) => ({
            ...entry,
            code: 'invalid_attribute',
          })),
        );
    });
    return problems;
  }

  async create(ctx: RequestContext, input: ProductInput): Promise<CatalogProduct> {
    const id = randomUUID();
    const fields: ProductFields = {
      ...input,
      name: compact(input.name),
      description: compact(input.description),
      seoTitle: compact(input.seoTitle),
      seoDescription: compact(input.seoDescription),
    };
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const problems = await this.#productProblems(db, { ...fields, categoryIds: input.categoryIds });
      if (await repo.productBySlug(db, input.slug))
        problems.push(problem('slug_taken', 'body.slug', `another product has the slug ${input.slug}`));
      const variants = input.variants.map((variant, index) => ({
        path: `body.variants.${index}`,
        fields: { ...variant, position: variant.position ?? index },
      }));
      problems.push(...(await this.#variantProblems(db, fields.options, variants, [])));
      refuse(problems);
      const at = new Date();
      try {
        await repo.insertProduct(db, id, fields, at);
        await repo.setCategories(db, id, input.categoryIds);
        for (const variant of variants) await repo.insertVariant(db, randomUUID(), id, variant.fields);
      } catch (error) {
        uniqueRace(error, 'body.variants');
      }
      await slugRedirects.claimed(db, 'product', input.slug);
      const [after] = await adminProducts(db, [id]);
      await this.#audit(trx, ctx, 'product.create', id, undefined, after);
      await this.catalog.search.reindex(trx, [id]);
      return after as CatalogProduct;
    });
  }

  async update(ctx: RequestContext, id: string, patch: ProductPatch): Promise<CatalogProduct> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const row = await repo.lockProduct(db, id);
      if (!row) throw notFound('The product');
      const [before] = await adminProducts(db, [id]);
      const fields: ProductFields = {
        slug: patch.slug ?? row.slug,
        status: patch.status ?? row.status,
        brandId: patch.brandId === undefined ? row.brand_id : patch.brandId,
        vatClass: patch.vatClass ?? row.vat_class,
        bulky: patch.bulky ?? row.bulky,
        name: patch.name ? compact(patch.name) : row.name,
        description: patch.description ? compact(patch.description) : row.description,
        seoTitle: patch.seoTitle ? compact(patch.seoTitle) : row.seo_title,
        seoDescription: patch.seoDescription ? compact(patch.seoDescription) : row.seo_description,
        attributes: patch.attributes ?? row.attributes,
        options: patch.options ?? row.options,
      };
      const problems = await this.#productProblems(db, {
        ...patch,
        name: patch.name,
        brandId: patch.brandId ?? undefined,
        categoryIds: patch.categoryIds,
      });
      const holder = patch.slug ? await repo.productBySlug(db, patch.slug) : undefined;
      if (holder && holder.id !== id)
        problems.push(problem('slug_taken', 'body.slug', `another product has the slug ${patch.slug}`));
      if (patch.options) {
        // Variants keep their values: the axes may be renamed and reordered, not changed, while variants exist.
        const variants = await repo.variantsOf(db, [id]);
        const keys = (axes: ProductFields['options']) => JSON.stringify(axes.map((axis) => axis.key).sort());
        if (variants.length > 0 && keys(patch.options) !== keys(row.options))
          problems.push(
            problem(
              'option_mismatch',
              'body.options',
              `the variants vary by ${row.options.map((axis) => axis.key).join(', ') || 'nothing'}; change them first`,
            ),
          );
      }
      refuse(problems);
      const at = new Date();
      try {
        await repo.updateProduct(db, id, fields, at);
      } catch (error) {
        uniqueRace(error, 'body');
      }
      if (patch.categoryIds) await repo.setCategories(db, id, patch.categoryIds);
      await slugRedirects.moved(db, 'product', row.slug, fields.slug, id);
      const [after] = await adminProducts(db, [id]);
      await this.#audit(trx, ctx, 'product.update', id, withoutVariants(before), withoutVariants(after));
      await this.catalog.search.reindex(trx, [id]);
      return after as CatalogProduct;
    });
  }

  async createVariant(ctx: RequestContext, productId: string, input: VariantInput): Promise<CatalogProduct> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const product = await repo.lockProduct(db, productId);
      if (!product) throw notFound('The product');
      const siblings = await repo.variantsOf(db, [productId]);
      const fields: VariantFields = { ...input, position: input.position ?? siblings.length };
      refuse(await this.#variantProblems(db, product.options, [{ path: 'body', fields }], siblings));
      const id = randomUUID();
      try {
        await repo.insertVariant(db, id, productId, fields);
      } catch (error) {
        uniqueRace(error, 'body');
      }
      await repo.touch(db, [productId], new Date());
      await this.#audit(trx, ctx, 'variant.create', id, undefined, { productId, ...fields });
      await this.catalog.search.reindex(trx, [productId]);
      return (await adminProducts(db, [productId]))[0] as CatalogProduct;
    });
  }

  async updateVariant(ctx: RequestContext, id: string, patch: Partial<VariantFields>): Promise<CatalogProduct> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.variant(db, id);
      if (!before) throw notFound('The variant');
      const product = await repo.lockProduct(db, before.product_id);
      if (!product) throw notFound('The product');
      const fields: VariantFields = {
        sku: patch.sku ?? before.sku,
        ean: patch.ean === undefined ? before.ean : patch.ean,
        optionValues: patch.optionValues ?? before.option_values,
        attributes: patch.attributes ?? before.attributes,
        weightGrams: patch.weightGrams ?? before.weight_grams,
        position: patch.position ?? before.position,
        active: patch.active ?? before.active,
      };
      const siblings = await repo.variantsOf(db, [before.product_id]);
      refuse(await this.#variantProblems(db, product.options, [{ id, path: 'body', fields: patch }], siblings));
      try {
        await repo.updateVariant(db, id, fields);
      } catch (error) {
        uniqueRace(error, 'body');
      }
      await repo.touch(db, [before.product_id], new Date());
      await this.#audit(trx, ctx, 'variant.update', id, variantAudit(before), {
        productId: before.product_id,
        ...fields,
      });
      await this.catalog.search.reindex(trx, [before.product_id]);
      return (await adminProducts(db, [before.product_id]))[0] as CatalogProduct;
    });
  }

  /** Replaces the models and years a variant fits. */
  async setFitments(
    ctx: RequestContext,
    variantId: string,
    fitments: Array<{ make: string; model: string; yearFrom: number; yearTo: number }>,
  ): Promise<CatalogProduct> {
    const problems = fitments.flatMap((fitment, index) => [
      ...(fitment.yearTo < fitment.yearFrom
        ? [problem('invalid_fitment', `body.fitments.${index}.yearTo`, `must not be before ${fitment.yearFrom}`)]
        : []),
      ...(fitments.findIndex(
        (other) =>
          other.make.toLowerCase() === fitment.make.toLowerCase() &&
          other.model.toLowerCase() === fitment.model.toLowerCase() &&
          other.yearFrom === fitment.yearFrom,
      ) !== index
        ? [problem('invalid_fitment', `body.fitments.${index}`, 'repeats a model and first year')]
        : []),
    ]);
    refuse(problems);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const variant = await repo.variant(db, variantId);
      if (!variant) throw notFound('The variant');
      const before = (await repo.fitmentsOf(db, [variantId])).map((row) => ({
        make: row.make,
        model: row.model,
        yearFrom: row.year_from,
        yearTo: row.year_to,
      }));
      await repo.replaceFitments(
        db,
        variantId,
        fitments.map((fitment) => ({ ...fitment, id: randomUUID() })),
      );
      await repo.touch(db, [variant.product_id], new Date());
      await this.#audit(trx, ctx, 'fitment.replace', variantId, before, fitments);
      await this.catalog.search.reindex(trx, [variant.product_id]);
      return (await adminProducts(db, [variant.product_id]))[0] as CatalogProduct;
    });
  }

  async #audit(trx: Db, ctx: RequestContext, action: string, entityId: string, before: unknown, after: unknown) {
    const entity = `commerce.${action.split('.')[0]}`;
    await this.#platform.audit.record(trx, ctx, { action: `commerce.${action}`, entity, entityId, before, after });
  }
}

/** A product in the audit log: its own fields; variants have entries of their own. */
function withoutVariants(product: CatalogProduct | undefined) {
  if (!product) return undefined;
  const { variants: _variants, media: _media, ...rest } = product;
  return rest;
}

const variantAudit = (row: NonNullable<Awaited<ReturnType<typeof repo.variant>>>) => ({
  productId: row.product_id,
  sku: row.sku,
  ean: row.ean,
  optionValues: row.option_values,
  attributes: row.attributes,
  weightGrams: row.weight_grams,
  position: row.position,
  active: row.active,
});
