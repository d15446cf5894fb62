import type { KontorConfig } from '../../config.js';
import type { RequestContext } from '../../platform/context.js';
import type { FieldError } from '../../platform/http/errors.js';
import type { TranslatedText } from './tables.js';

/** The languages every catalog text is written in (the rest of commerceLocales are optional). */
export const REQUIRED_LOCALES = ['sv', 'en'] as const;

/**
 * The problems of a translated text: a language the shop is not written in, or a required one left empty.
 * `path` names the field as the request has it (`body.name`).
 */
export function translationProblems(
  text: TranslatedText | undefined,
  path: string,
  locales: readonly string[],
  required: boolean,
): FieldError[] {
  if (!text) return [];
  const problems: FieldError[] = [];
  for (const locale of Object.keys(text)) {
    if (!locales.includes(locale))
      problems.push({
        path: `${path}.${locale}`,
        message: `the shop is not written in "${locale}" (${locales.join(', ')})`,
      });
  }
  if (required) {
    for (const locale of REQUIRED_LOCALES) {
      if (!text[locale]?.trim()) problems.push({ path: `${path}.${locale}`, message: 'is required' });
    }
  }
  return problems;
}

/** Drops empty translations, so a cleared field falls back to another language rather than showing nothing. */
export const compact = (text: TranslatedText | undefined): TranslatedText =>
  Object.fromEntries(Object.entries(text ?? {}).filter(([, value]) => value.trim() !== ''));

/** The text in `locale`, else in Swedish (the shop's own language), else English, else any. */
export function localized(text: TranslatedText | null | undefined, locale: string): string {
  if (!text) return '';
  return text[locale] || text.sv || text.en || Object.values(text).find(Boolean) || '';
}

/**
 * The language the shop answers a reader in: the one asked for (when the shop is written in it), else the
 * browser's (when it sent Accept-Language and the shop has it), else the shop's first (Swedish).
 */
export function shopLocale(
  config: Pick<KontorConfig, 'commerceLocales'>,
  asked: string | undefined,
  ctx: RequestContext,
  acceptLanguage: string | undefined,
): string {
  const locales = config.commerceLocales;
  if (asked && locales.includes(asked)) return asked;
  if (acceptLanguage && locales.includes(ctx.locale)) return ctx.locale;
  return locales[0] ?? 'sv';
}
