import { randomUUID } from 'node:crypto';
import { type Article, type ArticleInput, articleInput, catalogQuery, type SupplyCategory } from '@kontor/contracts';
import type { z } from 'zod';
import { foldForSearch, swedishSortKey } from '../directory/index.js';
import type { RequestContext } from '../platform/context.js';
import { badRequest, notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { type ArticleRow, catalogRepository } from './catalog-repository.js';
import type { SuppliesDb } from './tables.js';

/** The row of an article as stored, with its sort and search keys computed here so every node agrees. */
export function articleRow(id: string, input: z.output<typeof articleInput>): ArticleRow {
  return {
    id,
    article_number: input.articleNumber,
    name: input.name,
    manufacturer: input.manufacturer,
    unit: input.unit,
    pack_size: input.packSize,
    category_id: input.categoryId,
    supplier: input.supplier,
    price_minor: input.priceMinor,
    active: input.active,
    image_url: input.imageUrl,
    sort_key: swedishSortKey(input.name, input.articleNumber),
    search_text: foldForSearch(`${input.articleNumber} ${input.name} ${input.manufacturer} ${input.supplier}`),
  };
}

/** The consumables catalog: read on every node, maintained on the hub. */
export class CatalogService {
  readonly #db: SuppliesDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as SuppliesDb;
  }

  categories(_ctx: RequestContext): Promise<SupplyCategory[]> {
    return catalogRepository.categories(this.#db);
  }

  async articles(_ctx: RequestContext, query: z.input<typeof catalogQuery>) {
    const filter = catalogQuery.parse(query);
    return catalogRepository.search(this.#db, {
      folded: filter.q ? foldForSearch(filter.q) : undefined,
      categoryId: filter.categoryId,
      includeInactive: filter.includeInactive === 'true',
      limit: filter.limit,
      offset: filter.offset,
    });
  }

  async createArticle(ctx: RequestContext, input: ArticleInput): Promise<Article> {
    return this.#write(ctx, randomUUID(), input, 'create');
  }

  async updateArticle(ctx: RequestContext, id: string, input: ArticleInput): Promise<Article> {
    return this.#write(ctx, id, input, 'update');
  }

  async #write(ctx: RequestContext, id: string, input: ArticleInput, kind: 'create' | 'update'): Promise<Article> {
    const parsed = articleInput.parse(input);
    return this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const [before] = kind === 'update' ? await catalogRepository.byIds(db, [id]) : [];
      if (kind === 'update' && !before) throw notFound('The article');
      if (!(await catalogRepository.categoryExists(db, parsed.categoryId)))
        throw badRequest('supplies.unknown_category', 'There is no such category', [
          { path: 'body.categoryId', message: 'There is no such category' },
        ]);
      if (await catalogRepository.numberTaken(db, parsed.articleNumber, id))
        throw badRequest('supplies.article_number_taken', `Article number ${parsed.articleNumber} is taken`, [
          { path: 'body.articleNumber', message: `Article number ${parsed.articleNumber} is taken` },
        ]);
      const row = articleRow(id, parsed);
      if (kind === 'create') await catalogRepository.insertArticles(db, [row]);
      else await catalogRepository.updateArticle(db, row);
      const [after] = await catalogRepository.byIds(db, [id]);
      await this.platform.audit.record(trx, ctx, {
        action: `supplies.article.${kind}`,
        entity: 'supplies.article',
        entityId: id,
        before,
        after,
      });
      return after as Article;
    });
  }
}
