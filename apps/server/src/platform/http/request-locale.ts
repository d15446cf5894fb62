import { type Locale, locales } from '@kontor/contracts';

/**
 * The caller's language among Kontor's own, from Accept-Language in the order of its q-values; English when the header
 * names none of them. Services can hand `ctx.locale` to Intl without guarding against `*` or garbage.
 */
export function requestLocale(header: string | undefined): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { base: tag.trim().slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (
    ranked.map((entry) => entry.base).find((base): base is Locale => (locales as readonly string[]).includes(base)) ??
    'en'
  );
}
