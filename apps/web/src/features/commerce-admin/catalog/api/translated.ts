/** The shop's languages every catalog text must have; the others are optional (the server's REQUIRED_LOCALES). */
export const REQUIRED_SHOP_LOCALES = ['sv', 'en'] as const;

/** A translated text in the language asked for, else Swedish (the shop's own), else English, else any. */
export function pickText(text: Record<string, string> | undefined, language: string): string {
  if (!text) return '';
  return text[language] || text.sv || text.en || Object.values(text).find(Boolean) || '';
}

/** Trims every language and drops the empty ones, so a cleared field is not sent as an empty text. */
export function compactText(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(text)
      .map(([locale, value]) => [locale, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

/** Whether two translated texts say the same once compacted. */
export function sameText(a: Record<string, string>, b: Record<string, string>): boolean {
  const left = compactText(a);
  const right = compactText(b);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}
