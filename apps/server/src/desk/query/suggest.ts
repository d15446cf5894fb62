import type { FieldSpec, QueryFields } from './compiler.js';

export interface Suggestion {
  /** What replaces the fragment ending at the cursor (from `from`): `status:`, `open`, `>=`, `OR`. */
  text: string;
  kind: 'field' | 'value' | 'operator';
  description?: string;
  /** Where the fragment this suggestion replaces begins (0-based); it ends at the cursor. */
  from: number;
}

const MAX_SUGGESTIONS = 20;
const COMPARISON = /^(>=|<=|>|<)/;
const DATE_SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['today', 'since midnight'],
  ['yesterday', 'the day before today'],
  ['-1h', 'the last hour'],
  ['-24h', 'the last 24 hours'],
  ['-7d', 'the last 7 days'],
  ['-2w', 'the last 2 weeks'],
  ['-30d', 'the last 30 days'],
];
const COMPARISONS: ReadonlyArray<[string, string]> = [
  ['>', 'after / above'],
  ['>=', 'at or after / at least'],
  ['<', 'before / below'],
  ['<=', 'at or before / at most'],
];

/**
 * Autocomplete at `cursor`: field names where a term begins, the values of the field being typed after `field:`
 * or inside `field:(a OR …`, and comparisons right after the colon of an ordered field.
 */
export function suggest(input: string, cursor: number, fields: QueryFields): Suggestion[] {
  const at = Math.max(0, Math.min(cursor, input.length));
  const context = scan(input.slice(0, at));
  if (context.inQuote) return [];
  const byName = new Map(Object.entries(fields.fields).map(([name, spec]) => [name.toLowerCase(), { name, spec }]));
  const word = input.slice(context.wordStart, at);

  // Inside a value list: the word is a value of the field that opened the list.
  if (context.listField !== null) {
    const field = byName.get(context.listField.toLowerCase());
    const suggestions = field ? valuesOf(field.spec, word, false, context.wordStart) : [];
    if (word === '' || 'OR'.startsWith(word))
      suggestions.push({ text: 'OR', kind: 'operator', from: context.wordStart });
    return suggestions.slice(0, MAX_SUGGESTIONS);
  }

  const negated = word.startsWith('-') ? 1 : 0;
  const term = word.slice(negated);
  const termStart = context.wordStart + negated;
  const colon = term.indexOf(':');
  if (colon >= 0) {
    const field = byName.get(term.slice(0, colon).toLowerCase());
    if (!field) return [];
    const afterColon = term.slice(colon + 1);
    const operator = COMPARISON.exec(afterColon)?.[0] ?? '';
    const valueStart = termStart + colon + 1 + operator.length;
    const fragment = afterColon.slice(operator.length).replace(/^\(/, '');
    const from = at - fragment.length;
    const ordered = field.spec.kind === 'ordinal' || field.spec.kind === 'date' || field.spec.kind === 'number';
    const suggestions: Suggestion[] = [];
    if (ordered && operator === '' && fragment === '' && valueStart === at) {
      for (const [text, description] of COMPARISONS) suggestions.push({ text, kind: 'operator', description, from });
    }
    suggestions.push(...valuesOf(field.spec, fragment, operator !== '', from));
    return suggestions.slice(0, MAX_SUGGESTIONS);
  }

  const lower = term.toLowerCase();
  const suggestions: Suggestion[] = [...byName.values()]
    .filter(({ name }) => name.toLowerCase().startsWith(lower))
    .map(({ name, spec }) => ({
      text: `${name}:`,
      kind: 'field' as const,
      description: spec.description,
      from: termStart,
    }));
  if (term !== '' && negated === 0) {
    for (const keyword of ['OR', 'AND', 'NOT']) {
      if (keyword.startsWith(term)) suggestions.push({ text: keyword, kind: 'operator', from: termStart });
    }
  }
  return suggestions.slice(0, MAX_SUGGESTIONS);
}

function valuesOf(spec: FieldSpec, fragment: string, compared: boolean, from: number): Suggestion[] {
  const candidates: Array<[string, string | undefined]> = [];
  if (spec.kind === 'enum' || spec.kind === 'ordinal') {
    if (!compared) {
      for (const [name, members] of Object.entries(spec.aliases ?? {})) candidates.push([name, members.join(', ')]);
    }
    for (const value of spec.values ?? []) candidates.push([value, undefined]);
  } else if (spec.kind === 'user') {
    candidates.push(['me', 'you'], ['none', 'nobody']);
  } else if (spec.kind === 'date') {
    candidates.push(...DATE_SHORTCUTS);
    if (!compared) candidates.push(['none', 'no date']);
  } else if (!compared) {
    candidates.push(['none', 'empty']);
  }
  const lower = fragment.toLowerCase();
  return candidates
    .filter(([text]) => text.toLowerCase().startsWith(lower))
    .map(([text, description]) => ({
      text,
      kind: 'value' as const,
      from,
      ...(description === undefined ? {} : { description }),
    }));
}

interface CursorContext {
  /** Where the word under the cursor begins (after whitespace, parentheses or the start). */
  wordStart: number;
  inQuote: boolean;
  /** The field whose `field:( … )` value list encloses the cursor, if any. */
  listField: string | null;
}

/** Walks the text before the cursor the way the parser would, keeping only what autocomplete needs. */
function scan(before: string): CursorContext {
  const groups: Array<string | null> = [];
  let wordStart = 0;
  let inQuote = false;
  for (let index = 0; index < before.length; index += 1) {
    const char = before[index] ?? '';
    if (inQuote) {
      if (char === '\\') index += 1;
      else if (char === '"') inQuote = false;
      continue;
    }
    if (char === '"') {
      inQuote = true;
    } else if (char === '(') {
      const field = /(?:^|[\s(-])([^\s()":]+):(?:>=|<=|>|<)?$/.exec(before.slice(0, index));
      groups.push(field?.[1] ?? null);
      wordStart = index + 1;
    } else if (char === ')') {
      groups.pop();
      wordStart = index + 1;
    } else if (/\s/.test(char)) {
      wordStart = index + 1;
    }
  }
  return { wordStart, inQuote, listField: groups[groups.length - 1] ?? null };
}
