import { sql } from 'kysely';
import type { CatalogDb, TranslatedText } from './tables.js';
import { json } from './tables.js';

const META = ['id', 'product_id', 'position', 'content_type', 'width', 'height', 'alt', 'created_at'] as const;

/** Product pictures (bytes in commerce.media): the SQL. Listing never reads the bytes. */
export const mediaRepository = {
  metaOf: (db: CatalogDb, productIds: string[]) =>
    productIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('commerce.media')
          .select(META)
          .where('product_id', 'in', productIds)
          .orderBy('product_id')
          .orderBy('position')
          .orderBy('created_at')
          .execute(),

  meta: (db: CatalogDb, id: string) =>
    db.selectFrom('commerce.media').select(META).where('id', '=', id).executeTakeFirst(),

  /** The picture itself, whatever its product's status (the admin's preview; the storefront serves the shop's). */
  content: (db: CatalogDb, id: string) =>
    db
      .selectFrom('commerce.media')
      .select(['content_type', 'bytes', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** The picture with its product's status: what decides whether the shop may serve it. */
  withStatus: (db: CatalogDb, id: string) =>
    db
      .selectFrom('commerce.media as m')
      .innerJoin('commerce.products as p', 'p.id', 'm.product_id')
      .select(['m.content_type', 'm.bytes', 'p.status'])
      .where('m.id', '=', id)
      .executeTakeFirst(),

  async nextPosition(db: CatalogDb, productId: string): Promise<number> {
    const row = await db
      .selectFrom('commerce.media')
      .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow();
    return row.next;
  },

  insert: (
    db: CatalogDb,
    media: {
      id: string;
      productId: string;
      position: number;
      contentType: string;
      width: number;
      height: number;
      bytes: Buffer;
      alt: TranslatedText;
    },
  ) =>
    db
      .insertInto('commerce.media')
      .values({
        id: media.id,
        product_id: media.productId,
        position: media.position,
        content_type: media.contentType,
        width: media.width,
        height: media.height,
        bytes: media.bytes,
        alt: json(media.alt),
      })
      .execute(),

  setAlt: (db: CatalogDb, id: string, alt: TranslatedText) =>
    db
      .updateTable('commerce.media')
      .set({ alt: json(alt) })
      .where('id', '=', id)
      .execute(),

  setPosition: (db: CatalogDb, id: string, position: number) =>
    db.updateTable('commerce.media').set({ position }).where('id', '=', id).execute(),

  delete: (db: CatalogDb, id: string) => db.deleteFrom('commerce.media').where('id', '=', id).execute(),
};
