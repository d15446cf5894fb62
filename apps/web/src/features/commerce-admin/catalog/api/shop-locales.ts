import { REQUIRED_SHOP_LOCALES } from './translated';

/**
 * The languages the catalog is written in (the server's commerceLocales). The admin API does not tell them yet:
 * Swedish and English are always there, and any other language a text already has is shown too.
 */
export function shopLocales(...texts: Array<Record<string, string> | undefined>): string[] {
  const locales: string[] = [...REQUIRED_SHOP_LOCALES];
  for (const text of texts) {
    for (const locale of Object.keys(text ?? {})) if (!locales.includes(locale)) locales.push(locale);
  }
  return locales;
}
