import type { TFunction } from 'i18next';

/** How the article is ordered: "förp à 100 st" for packs, just the unit ("st", "rle") for single items. */
export function packText(t: TFunction, item: { unit: string; packSize: number }): string {
  return item.packSize > 1 ? t('supplies.article.pack', { unit: item.unit, size: item.packSize }) : item.unit;
}
