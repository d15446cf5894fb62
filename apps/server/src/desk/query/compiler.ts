import { type RawBuilder, sql } from 'kysely';
import { foldForSearch } from '../../directory/index.js';
import { DATE_FORMS, resolveDate } from './dates.js';
import { QueryError } from './errors.js';
import { type Comparison, parseQuery, type QueryNode, type QueryValue } from './parser.js';

export type FieldKind = 'enum' | 'ordinal' | 'text' | 'date' | 'user' | 'number' | 'labels';

export interface FieldSpec {
  kind: FieldKind;
  /** SQL of the column, e.g. sql`i.priority`; built with kysely's `sql` so it is never user input. */
  column: RawBuilder<unknown>;
  /** enum/ordinal: allowed values; for ordinal in ascending order (low < normal < high < critical). */
  values?: readonly string[];
  /** named sets: status:open → ['new','in_progress','waiting'] */
  aliases?: Record<string, readonly string[]>;
  /** for autocomplete and docs */
  description: string;
  /**
   * text kept in another table (a category's name): `column` names it as `l.<column>` of `table`, and a condition
   * becomes `key in (select l.id from table l where …)`, one look-up for the whole query instead of one per row.
   */
  lookup?: { key: RawBuilder<unknown>; table: RawBuilder<unknown> };
}

export interface QueryFields {
  fields: Record<string, FieldSpec>;
  /** The searchable text, already folded with `foldForSearch`. */
  freeText: RawBuilder<string>;
}

export interface QueryContext {
  /** Whom `me` means; with no user, `me` matches nothing. */
  userId: string | null;
  now: Date;
  /** Where days begin for `2026-11-01`, `today` and `yesterday`; UTC when not given. */
  timeZone?: string;
}

type Condition = RawBuilder<boolean>;

const TRUE: Condition = sql<boolean>`true`;
const FALSE: Condition = sql<boolean>`false`;
const ORDERED_KINDS: readonly FieldKind[] = ['ordinal', 'date', 'number'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^-?\d{1,15}$/;

/**
 * Parses, checks and compiles a filter into one SQL boolean for `.where()`. Everything the user typed reaches
 * the database as a parameter; only the field specs' own columns are spliced in. Empty input matches everything.
 */
export function compileQuery(input: string, fields: QueryFields, context: QueryContext): RawBuilder<boolean> {
  const tree = parseQuery(input);
  const byName = new Map(Object.entries(fields.fields).map(([name, spec]) => [name.toLowerCase(), spec]));
  const compiler = new Compiler(byName, fields.freeText, context);
  return compiler.node(tree);
}

class Compiler {
  readonly #fields: Map<string, FieldSpec>;
  readonly #freeText: RawBuilder<string>;
  readonly #context: QueryContext;

  constructor(fields: Map<string, FieldSpec>, freeText: RawBuilder<string>, context: QueryContext) {
    this.#fields = fields;
    this.#freeText = freeText;
    this.#context = context;
  }

  node(node: QueryNode): Condition {
    switch (node.type) {
      case 'and':
        return joined(
          node.children.map((child) => this.node(child)),
          'and',
        );
      case 'or':
        return joined(
          node.children.map((child) => this.node(child)),
          'or',
        );
      // A missing value (NULL) counts as not matching, so its negation must match: `-assignee:me` includes
      // unassigned incidents. `is not true` turns SQL's unknown into that.
      case 'not':
        return sql<boolean>`((${this.node(node.child)}) is not true)`;
      case 'text':
        return this.#freeTextCondition(node.text);
      case 'field':
        return this.#field(node);
    }
  }

  #freeTextCondition(text: string): Condition {
    const folded = foldForSearch(text);
    if (folded === '') return TRUE;
    return sql<boolean>`(${this.#freeText} like ${`%${escapeLike(folded)}%`} escape '\\')`;
  }

  #field(node: Extract<QueryNode, { type: 'field' }>): Condition {
    const spec = this.#fields.get(node.field.toLowerCase());
    if (!spec) {
      const known = [...this.#fields.keys()].sort();
      throw new QueryError(
        'unknown_field',
        `Unknown field '${node.field}'; known fields: ${known.join(', ')}`,
        node.position,
        node.field.length,
        known,
      );
    }
    if (node.operator !== ':' && !ORDERED_KINDS.includes(spec.kind)) {
      throw new QueryError(
        'bad_operator',
        `'${node.field}' cannot be compared with '${node.operator}'; write ${node.field}:value`,
        node.operatorPosition,
        node.operator.length,
        ["':'"],
      );
    }
    if (spec.kind === 'enum' || spec.kind === 'ordinal') return this.#choice(spec, node.operator, node.values);
    return joined(
      node.values.map((value) => this.#value(spec, node.operator, value)),
      'or',
    );
  }

  /** enum and ordinal fields: every value (and alias, and comparison) becomes a set of allowed values. */
  #choice(spec: FieldSpec, operator: Comparison, values: QueryValue[]): Condition {
    const allowed = spec.values ?? [];
    const aliases = Object.entries(spec.aliases ?? {});
    const chosen = new Set<string>();
    let orNull = false;
    for (const value of values) {
      const text = value.text.toLowerCase();
      if (operator === ':' && isNone(value)) {
        orNull = true;
        continue;
      }
      const index = allowed.findIndex((candidate) => candidate.toLowerCase() === text);
      const alias = aliases.find(([name]) => name.toLowerCase() === text);
      if (operator === ':' && alias) {
        for (const member of alias[1]) chosen.add(member);
      } else if (index >= 0) {
        const range =
          operator === '>'
            ? allowed.slice(index + 1)
            : operator === '>='
              ? allowed.slice(index)
              : operator === '<'
                ? allowed.slice(0, index)
                : operator === '<='
                  ? allowed.slice(0, index + 1)
                  : allowed.slice(index, index + 1);
        for (const member of range) chosen.add(member);
      } else {
        const expected = [...allowed, ...(operator === ':' ? aliases.map(([name]) => name) : [])];
        throw new QueryError(
          'bad_value',
          `'${value.text}' is not one of: ${expected.join(', ')}`,
          value.position,
          value.length,
          expected,
        );
      }
    }
    const parts: Condition[] = [];
    if (chosen.size > 0) parts.push(sql<boolean>`(${spec.column} in (${sql.join([...chosen])}))`);
    if (orNull) parts.push(sql<boolean>`(${spec.column} is null)`);
    return parts.length === 0 ? FALSE : joined(parts, 'or');
  }

  #value(spec: FieldSpec, operator: Comparison, value: QueryValue): Condition {
    const column = spec.column;
    if (isNone(value)) {
      if (operator !== ':') throw badValue(value, `'${value.text}' cannot be compared`, expectedFor(spec.kind));
      if (spec.lookup) return sql<boolean>`(${spec.lookup.key} is null)`;
      if (spec.kind === 'text') return sql<boolean>`(${column} is null or ${column} = '')`;
      if (spec.kind === 'labels') return sql<boolean>`(coalesce(cardinality(${column}), 0) = 0)`;
      return sql<boolean>`(${column} is null)`;
    }
    switch (spec.kind) {
      case 'text': {
        const condition = textCondition(column, value);
        if (!spec.lookup) return condition;
        return sql<boolean>`(${spec.lookup.key} in (select l.id from ${spec.lookup.table} l where ${condition}))`;
      }
      case 'labels': {
        const prefix = wildcardPrefix(value);
        if (prefix === '') return sql<boolean>`(coalesce(cardinality(${column}), 0) > 0)`;
        if (prefix !== null) {
          const pattern = `${escapeLike(prefix)}%`;
          return sql<boolean>`(exists (select 1 from unnest(${column}) as label(name) where lower(label.name) like lower(${pattern}) escape '\\'))`;
        }
        return sql<boolean>`(${column} @> array[${value.text}]::text[])`;
      }
      case 'user': {
        if (!value.quoted && value.text.toLowerCase() === 'me') {
          const { userId } = this.#context;
          return userId === null ? FALSE : sql<boolean>`(${column} = ${userId})`;
        }
        if (!UUID.test(value.text)) throw badValue(value, `'${value.text}' is not a user`, expectedFor('user'));
        return sql<boolean>`(${column} = ${value.text.toLowerCase()})`;
      }
      case 'number': {
        if (!WHOLE_NUMBER.test(value.text)) {
          throw badValue(value, `'${value.text}' is not a whole number`, expectedFor('number'));
        }
        return compare(column, operator, sql`${Number(value.text)}::bigint`);
      }
      case 'date': {
        const { start, end } = resolveDate(value, this.#context.now, this.#context.timeZone ?? 'UTC');
        const from = sql`${start.toISOString()}::timestamptz`;
        const until = sql`${end.toISOString()}::timestamptz`;
        const instant = start.getTime() === end.getTime();
        if (operator === '>') return compare(column, instant ? '>' : '>=', until);
        if (operator === '>=') return compare(column, '>=', from);
        if (operator === '<') return compare(column, '<', from);
        if (operator === '<=') return compare(column, instant ? '<=' : '<', until);
        // created:-7d means "in the last seven days"; created:2026-11-01 that whole day.
        if (instant) return compare(column, '>=', from);
        return sql<boolean>`(${column} >= ${from} and ${column} < ${until})`;
      }
      default:
        // enum and ordinal go through #choice; a new kind must be taught here.
        throw new Error(`field kind ${spec.kind} is not compiled`);
    }
  }
}

function textCondition(column: RawBuilder<unknown>, value: QueryValue): Condition {
  const prefix = wildcardPrefix(value);
  if (prefix === '') return sql<boolean>`(${column} <> '')`;
  if (prefix !== null) return sql<boolean>`(lower(${column}) like lower(${`${escapeLike(prefix)}%`}) escape '\\')`;
  return sql<boolean>`(lower(${column}) = lower(${value.text}))`;
}

function compare(column: RawBuilder<unknown>, operator: Comparison, right: RawBuilder<unknown>): Condition {
  const op = operator === ':' ? '=' : operator;
  // The operator comes from a closed list, never from the input as such.
  return sql<boolean>`(${column} ${sql.raw(op)} ${right})`;
}

function joined(parts: Condition[], connective: 'and' | 'or'): Condition {
  const [first] = parts;
  if (parts.length === 0) return connective === 'and' ? TRUE : FALSE;
  if (parts.length === 1 && first) return first;
  return sql<boolean>`(${sql.join(parts, connective === 'and' ? sql` and ` : sql` or `)})`;
}

function isNone(value: QueryValue): boolean {
  const text = value.text.toLowerCase();
  return !value.quoted && (text === 'none' || text === 'null');
}

/** `acme*` is a prefix search for `acme`; quoted values and other stars are literal. */
function wildcardPrefix(value: QueryValue): string | null {
  return !value.quoted && value.text.endsWith('*') ? value.text.slice(0, -1) : null;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function badValue(value: QueryValue, message: string, expected: string[]): QueryError {
  return new QueryError('bad_value', message, value.position, value.length, expected);
}

function expectedFor(kind: FieldKind): string[] {
  switch (kind) {
    case 'user':
      return ['me', 'none', 'a user id'];
    case 'number':
      return ['a whole number', 'none'];
    case 'date':
      return DATE_FORMS;
    case 'text':
      return ['a word', '"quoted text"', 'a prefix*', 'none'];
    case 'labels':
      return ['a label', 'a prefix*', 'none'];
    default:
      return ['a value'];
  }
}
