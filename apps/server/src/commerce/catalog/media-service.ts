import { randomUUID } from 'node:crypto';
import type { CatalogMediaList } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { unprocessable } from '../errors.js';
import { type CatalogContext, catalogDb } from './catalog-context.js';
import { ImageError, imageInfo } from './image-info.js';
import { mediaRepository as repo } from './media-repository.js';
import { productRepository } from './product-repository.js';
import { mediaUrl } from './product-view.js';
import type { CatalogDb, TranslatedText } from './tables.js';
import { compact, translationProblems } from './translations.js';

/** The largest picture the shop takes: a product photo needs no more, and every byte goes to phones. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];

/** Product pictures: upload (format and size read from the image itself), alt text, order, removal. */
export class MediaService {
  constructor(private readonly catalog: CatalogContext) {}

  get #platform() {
    return this.catalog.platform;
  }

  async listOf(_ctx: RequestContext, productId: string): Promise<CatalogMediaList> {
    const db = catalogDb(this.#platform.db);
    if (!(await productRepository.product(db, productId))) throw notFound('The product');
    return this.list(db, productId);
  }

  /** A picture itself, of a draft product too, for the admin's preview. */
  async content(_ctx: RequestContext, id: string) {
    const row = await repo.content(catalogDb(this.#platform.db), id);
    if (!row) throw notFound('The picture');
    return row;
  }

  async list(db: CatalogDb, productId: string): Promise<CatalogMediaList> {
    return {
      media: (await repo.metaOf(db, [productId])).map((row) => ({
        id: row.id,
        contentType: row.content_type,
        width: row.width,
        height: row.height,
        alt: row.alt,
        position: row.position,
        url: mediaUrl(row.id),
      })),
    };
  }

  /**
   * Adds a picture at the end of a product's pictures. The declared Content-Type must be what the bytes are: a
   * PNG sent as image/jpeg, or a document sent as an image, is refused (415).
   */
  async upload(ctx: RequestContext, productId: string, declaredType: string, bytes: Buffer, alt: TranslatedText) {
    if (bytes.length === 0)
      throw unprocessable('media_empty', 'The upload is empty', [{ path: 'body', message: 'is empty' }]);
    let info: ReturnType<typeof imageInfo>;
    try {
      info = imageInfo(bytes);
    } catch (error) {
      if (error instanceof ImageError) throw new AppError(415, 'commerce.media_unreadable', error.message);
      throw error;
    }
    const declared = declaredType.split(';')[0]?.trim().toLowerCase();
    if (declared !== info.contentType)
      throw new AppError(415, 'commerce.media_type_mismatch', `The file is ${info.contentType}, not ${declared}`);
    const problems = translationProblems(alt, 'querystring.alt', this.#platform.config.commerceLocales, false);
    if (problems.length > 0) throw unprocessable('invalid_catalog_text', 'The alt text cannot be saved', problems);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const product = await productRepository.lockProduct(db, productId);
      if (!product) throw notFound('The product');
      const id = randomUUID();
      const media = {
        id,
        productId,
        position: await repo.nextPosition(db, productId),
        contentType: info.contentType,
        width: info.width,
        height: info.height,
        bytes,
        alt: compact(alt),
      };
      await repo.insert(db, media);
      await productRepository.touch(db, [productId], new Date());
      const { bytes: _bytes, ...audited } = media;
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.media.create',
        entity: 'commerce.media',
        entityId: id,
        after: { ...audited, size: bytes.length },
      });
      await this.catalog.search.reindex(trx, [productId]);
      return this.#one(db, productId, id);
    });
  }

  async #one(db: CatalogDb, productId: string, id: string) {
    const item = (await this.list(db, productId)).media.find((entry) => entry.id === id);
    if (!item) throw notFound('The picture');
    return item;
  }

  async setAlt(ctx: RequestContext, id: string, alt: TranslatedText) {
    const problems = translationProblems(alt, 'body.alt', this.#platform.config.commerceLocales, false);
    if (problems.length > 0) throw unprocessable('invalid_catalog_text', 'The alt text cannot be saved', problems);
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.meta(db, id);
      if (!before) throw notFound('The picture');
      await repo.setAlt(db, id, compact(alt));
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.media.update',
        entity: 'commerce.media',
        entityId: id,
        before: { alt: before.alt },
        after: { alt: compact(alt) },
      });
      await this.catalog.search.reindex(trx, [before.product_id]);
      return this.#one(db, before.product_id, id);
    });
  }

  /** Puts a product's pictures in this order; the list must name each of them once. */
  async reorder(ctx: RequestContext, productId: string, ids: string[]): Promise<CatalogMediaList> {
    return this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      if (!(await productRepository.lockProduct(db, productId))) throw notFound('The product');
      const current = await repo.metaOf(db, [productId]);
      const known = new Set(current.map((row) => row.id));
      if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id)))
        throw unprocessable('media_order_mismatch', 'Name every picture of the product once', [
          { path: 'body.ids', message: `expected the ${current.length} pictures of the product, each once` },
        ]);
      for (const [position, id] of ids.entries()) await repo.setPosition(db, id, position);
      await productRepository.touch(db, [productId], new Date());
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.media.reorder',
        entity: 'commerce.product',
        entityId: productId,
        before: current.map((row) => row.id),
        after: ids,
      });
      await this.catalog.search.reindex(trx, [productId]);
      return this.list(db, productId);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.#platform.transaction(async (trx) => {
      const db = catalogDb(trx);
      const before = await repo.meta(db, id);
      if (!before) throw notFound('The picture');
      await repo.delete(db, id);
      await productRepository.touch(db, [before.product_id], new Date());
      await this.#platform.audit.record(trx, ctx, {
        action: 'commerce.media.delete',
        entity: 'commerce.media',
        entityId: id,
        before: { productId: before.product_id, contentType: before.content_type, alt: before.alt },
      });
      await this.catalog.search.reindex(trx, [before.product_id]);
    });
  }
}
