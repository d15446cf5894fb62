import { randomUUID } from 'node:crypto';
import { swedishSortKey } from '../directory/index.js';
import { userIdByUsername } from '../identity/index.js';
import type { Platform } from '../platform/platform.js';
import { catalogRepository } from './catalog-repository.js';
import { articleRow } from './catalog-service.js';
import { DEMO_FAMILIES, DEMO_SUPPLIER } from './demo-data.js';
import { membersRepository } from './members-repository.js';
import { standardOrdersRepository } from './standard-orders-repository.js';
import type { SuppliesDb } from './tables.js';
import { UnitNames } from './units.js';

/** The region phased vinyl gloves out: the demo keeps them, inactive, as catalogs keep what orders still name. */
const PHASED_OUT = /vinyl/;
/** The demo orderer (one of identity's demo users) orders for two units of the demo region; the first keeps lists. */
const DEMO_ORDERER = 'maria.ek';
const DEMO_ORDERER_UNITS = ['Ortopedavdelning 71', 'Akutmottagningen'];
const STANDARD_ORDER = [
  'Engångshandskar nitril M 100 st',
  'Engångshandskar nitril S 100 st',
  'Handdesinfektion gel 600 ml pump',
  'Kompress nonwoven osteril 10 x 10 cm 100 st',
  'Munskydd typ IIR med öronsnoddar',
];

/** The demo catalog (217 articles in 15 categories), who orders for which unit, and one unit's usual order. */
export async function seedSuppliesDemo(platform: Platform): Promise<void> {
  await platform.transaction(async (trx) => {
    const db = trx as SuppliesDb;
    if ((await catalogRepository.categories(db)).length > 0) return;
    const categories = new Map<string, string>();
    for (const family of DEMO_FAMILIES)
      if (!categories.has(family.category)) categories.set(family.category, randomUUID());
    await catalogRepository.insertCategories(
      db,
      [...categories].map(([name, id]) => ({ id, name, sort_key: swedishSortKey(name) })),
    );
    let articleNumber = 410_000;
    const rows = DEMO_FAMILIES.flatMap((family) =>
      family.variants.map((variant, index) => {
        articleNumber += 7;
        const name = family.name.replace('{v}', variant);
        return articleRow(randomUUID(), {
          articleNumber: String(articleNumber),
          name,
          manufacturer: family.manufacturer,
          unit: family.unit,
          packSize: family.packSize,
          categoryId: categories.get(family.category) as string,
          supplier: family.supplier ?? DEMO_SUPPLIER,
          priceMinor: Math.round(family.price * (1 + index * 0.04)),
          active: !PHASED_OUT.test(name),
          imageUrl: null,
        });
      }),
    );
    await catalogRepository.insertArticles(db, rows);

    const all = [...(await new UnitNames(trx).all()).values()];
    const units = DEMO_ORDERER_UNITS.flatMap((name) => all.filter((unit) => unit.name === name));
    const orderer = await userIdByUsername(trx, DEMO_ORDERER);
    for (const unit of units) if (orderer) await membersRepository.setMembers(db, unit.id, [orderer]);
    const usual = units[0];
    if (!usual) return;
    const lines = STANDARD_ORDER.flatMap((name) => rows.filter((row) => row.name === name)).map((row) => ({
      articleId: row.id,
      quantity: row.pack_size === 100 ? 4 : 2,
      articleNumber: row.article_number,
      name: row.name,
      unit: row.unit,
      packSize: row.pack_size,
    }));
    await standardOrdersRepository.insert(db, { id: randomUUID(), unit_id: usual.id, name: 'Veckobeställning', lines });
    for (const line of lines.slice(0, 3)) await catalogRepository.addFavourite(db, usual.id, line.articleId);
  });
}
