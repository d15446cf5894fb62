import { describe, expect, it } from 'vitest';
import en from './en.json';
import pl from './pl.json';
import ru from './ru.json';
import sv from './sv.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `a.b.c`, with its value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const entry of leaves(value, path)) result.set(...entry);
    else result.set(path, value);
  }
  return result;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * The keys without i18next's plural suffixes (`tooShort_one` → `tooShort`), each with the plural forms it has.
 * A language has the forms its own grammar needs: Russian `few` and `many`, English only `one` and `other`.
 */
function baseKeys(entries: Map<string, unknown>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const key of entries.keys()) {
    const base = key.replace(PLURAL, '');
    const form = PLURAL.exec(key)?.[1];
    result.set(base, [...(result.get(base) ?? []), ...(form ? [form] : [])]);
  }
  return result;
}

const files = { en, sv, pl, ru } as Record<string, Tree>;
const reference = leaves(en as Tree);
const referenceBases = baseKeys(reference);

describe.each(Object.entries(files))('%s.json', (language, tree) => {
  const entries = leaves(tree);
  const bases = baseKeys(entries);

  it('has exactly the keys of en.json, plural forms aside', () => {
    expect([...bases.keys()].sort()).toEqual([...referenceBases.keys()].sort());
  });

  it("has every plural form of its language's grammar, and only those", () => {
    const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    for (const [base, forms] of bases) {
      if (referenceBases.get(base)?.length) expect(forms.sort(), base).toEqual(categories);
      else expect(forms, base).toEqual([]);
    }
  });

  it('has only non-empty strings', () => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('keeps the interpolation placeholders of en.json', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of entries) {
      const english = reference.get(key) ?? reference.get(key.replace(PLURAL, '_other'));
      expect(placeholders(value), key).toEqual(placeholders(english));
    }
  });
});

describe('translations', () => {
  it('are not copies of the English text', () => {
    for (const [language, tree] of Object.entries(files)) {
      if (language === 'en') continue;
      const entries = leaves(tree);
      const same = [...reference].filter(([key, value]) => entries.get(key) === value).map(([key]) => key);
      // A few words are the same in both languages (Status, System, Server); most must differ.
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThan(reference.size * 0.05);
    }
  });
});
