import { QueryError } from './errors.js';

/** Longer filters are refused before parsing: nobody types them, and they would only cost the database. */
export const MAX_QUERY_LENGTH = 2_000;
/** Deepest nesting of groups and negations. */
export const MAX_QUERY_DEPTH = 20;

export type Comparison = ':' | '>' | '>=' | '<' | '<=';

/** Where a node came from in the input: 0-based offset and length in characters. */
export interface Span {
  position: number;
  length: number;
}

export interface QueryValue extends Span {
  text: string;
  /** Quoted values are literal: `"none"` is the word none, `"acme*"` has no wildcard. */
  quoted: boolean;
}

export type QueryNode =
  | (Span & { type: 'and'; children: QueryNode[] })
  | (Span & { type: 'or'; children: QueryNode[] })
  | (Span & { type: 'not'; child: QueryNode })
  | (Span & {
      type: 'field';
      /** As typed; field names are matched case-insensitively by the compiler. */
      field: string;
      operator: Comparison;
      operatorPosition: number;
      /** One value, or several from `field:(a OR b)`, which matches any of them. */
      values: QueryValue[];
      list: boolean;
    })
  | (Span & { type: 'text'; text: string; quoted: boolean });

const COMPARISONS: readonly Comparison[] = ['>=', '<=', '>', '<'];
const TERM_END = /[\s()"]/;
const KEYWORD_END = /[\s()"]/;
const TERM = 'a term';
const VALUE = 'a value';

/** Parses a filter into its tree, checking syntax only (fields and values are the compiler's business). */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      'too_long',
      `The filter is longer than ${MAX_QUERY_LENGTH} characters`,
      MAX_QUERY_LENGTH,
      input.length - MAX_QUERY_LENGTH,
      [`at most ${MAX_QUERY_LENGTH} characters`],
    );
  }
  return new Parser(input).parse();
}

class Parser {
  readonly #input: string;
  #pos = 0;

  constructor(input: string) {
    this.#input = input;
  }

  parse(): QueryNode {
    this.#skipSpace();
    if (this.#atEnd()) return { type: 'and', children: [], position: 0, length: 0 };
    const node = this.#or(0);
    this.#skipSpace();
    // Terms continue the implicit AND, so anything left over is a ')' without its '('.
    if (!this.#atEnd()) this.#fail(`Unexpected '${this.#peek()}'`, this.#pos, 1, [TERM, "'OR'", 'end of input']);
    return node;
  }

  #or(depth: number): QueryNode {
    const children = [this.#and(depth)];
    for (;;) {
      this.#skipSpace();
      if (!this.#keyword('OR')) break;
      this.#pos += 2;
      this.#skipSpace();
      children.push(this.#and(depth));
    }
    return combine('or', children);
  }

  #and(depth: number): QueryNode {
    const children = [this.#unary(depth)];
    for (;;) {
      this.#skipSpace();
      if (this.#atEnd() || this.#peek() === ')' || this.#keyword('OR')) break;
      if (this.#keyword('AND')) {
        this.#pos += 3;
        this.#skipSpace();
      }
      children.push(this.#unary(depth));
    }
    return combine('and', children);
  }

  #unary(depth: number): QueryNode {
    const start = this.#pos;
    const negation = this.#peek() === '-' ? 1 : this.#keyword('NOT') ? 3 : 0;
    if (negation > 0) {
      this.#deeper(depth, start, negation);
      this.#pos += negation;
      if (negation === 3) this.#skipSpace();
      else if (this.#atEnd() || /\s/.test(this.#peek())) {
        this.#fail("Expected a term right after '-'", this.#pos, 0, [TERM]);
      }
      const child = this.#unary(depth + 1);
      return { type: 'not', child, position: start, length: end(child) - start };
    }
    for (const keyword of ['OR', 'AND'] as const) {
      if (this.#keyword(keyword)) this.#fail(`Expected a term, found '${keyword}'`, start, keyword.length, [TERM]);
    }
    return this.#primary(depth);
  }

  #primary(depth: number): QueryNode {
    const start = this.#pos;
    if (this.#atEnd()) this.#fail('Expected a term at the end of the filter', start, 0, [TERM]);
    const char = this.#peek();
    if (char === ')') this.#fail("Expected a term, found ')'", start, 1, [TERM]);
    if (char === '(') {
      this.#deeper(depth, start, 1);
      this.#pos += 1;
      this.#skipSpace();
      const inner = this.#or(depth + 1);
      this.#skipSpace();
      if (this.#peek() !== ')') {
        this.#fail(`Expected ')' to close the '(' at ${start}`, this.#pos, this.#atEnd() ? 0 : 1, ["')'", "'OR'"]);
      }
      this.#pos += 1;
      // The group's span includes its parentheses, so a negated group's span does too.
      return { ...inner, position: start, length: this.#pos - start };
    }
    if (char === '"') {
      const { text, length } = this.#quoted();
      return { type: 'text', text, quoted: true, position: start, length };
    }
    while (!this.#atEnd() && !TERM_END.test(this.#peek()) && this.#peek() !== ':') this.#pos += 1;
    if (this.#peek() === ':') return this.#field(start);
    while (!this.#atEnd() && !TERM_END.test(this.#peek())) this.#pos += 1;
    return {
      type: 'text',
      text: this.#input.slice(start, this.#pos),
      quoted: false,
      position: start,
      length: this.#pos - start,
    };
  }

  #field(start: number): QueryNode {
    const field = this.#input.slice(start, this.#pos);
    if (field.length === 0) this.#fail("Expected a field name before ':'", start, 1, ['a field name']);
    this.#pos += 1; // ':'
    const operatorPosition = this.#pos;
    const operator = COMPARISONS.find((candidate) => this.#input.startsWith(candidate, this.#pos)) ?? ':';
    if (operator !== ':') this.#pos += operator.length;
    if (this.#peek() === '(') {
      if (operator !== ':') {
        this.#fail(`A comparison '${operator}' takes one value, not a list`, this.#pos, 1, [VALUE]);
      }
      this.#pos += 1;
      this.#skipSpace();
      const values = [this.#value()];
      for (;;) {
        this.#skipSpace();
        if (this.#peek() === ')') break;
        if (!this.#keyword('OR')) {
          const found = this.#atEnd() ? 'the end of the filter' : `'${this.#peek()}'`;
          this.#fail(`Expected 'OR' or ')' in the list of values, found ${found}`, this.#pos, this.#atEnd() ? 0 : 1, [
            "'OR'",
            "')'",
          ]);
        }
        this.#pos += 2;
        this.#skipSpace();
        values.push(this.#value());
      }
      this.#pos += 1;
      return {
        type: 'field',
        field,
        operator,
        operatorPosition,
        values,
        list: true,
        position: start,
        length: this.#pos - start,
      };
    }
    const value = this.#value();
    return {
      type: 'field',
      field,
      operator,
      operatorPosition,
      values: [value],
      list: false,
      position: start,
      length: this.#pos - start,
    };
  }

  #value(): QueryValue {
    const start = this.#pos;
    if (this.#peek() === '"') {
      const { text, length } = this.#quoted();
      return { text, quoted: true, position: start, length };
    }
    while (!this.#atEnd() && !TERM_END.test(this.#peek())) this.#pos += 1;
    if (this.#pos === start) {
      const found = this.#atEnd() ? 'the end of the filter' : `'${this.#peek()}'`;
      this.#fail(`Expected a value, found ${found}`, start, this.#atEnd() || /\s/.test(this.#peek()) ? 0 : 1, [VALUE]);
    }
    return { text: this.#input.slice(start, this.#pos), quoted: false, position: start, length: this.#pos - start };
  }

  /** A "quoted string" starting at the cursor; `\"` is a quote and `\\` a backslash. */
  #quoted(): { text: string; length: number } {
    const start = this.#pos;
    this.#pos += 1;
    let text = '';
    for (;;) {
      if (this.#atEnd()) {
        this.#fail('The quoted text is not closed', start, this.#input.length - start, ["'\"'"]);
      }
      const char = this.#peek();
      if (char === '"') break;
      const next = this.#input[this.#pos + 1];
      if (char === '\\' && (next === '"' || next === '\\')) {
        text += next;
        this.#pos += 2;
      } else {
        text += char;
        this.#pos += 1;
      }
    }
    this.#pos += 1;
    return { text, length: this.#pos - start };
  }

  #deeper(depth: number, position: number, length: number): void {
    if (depth + 1 > MAX_QUERY_DEPTH) {
      throw new QueryError(
        'too_deep',
        `Groups and negations nest deeper than ${MAX_QUERY_DEPTH} levels`,
        position,
        length,
        [`at most ${MAX_QUERY_DEPTH} levels`],
      );
    }
  }

  /** An upper-case keyword at the cursor standing alone (`ORDER` or `OR:` are not the keyword OR). */
  #keyword(word: 'OR' | 'AND' | 'NOT'): boolean {
    if (!this.#input.startsWith(word, this.#pos)) return false;
    const after = this.#input[this.#pos + word.length];
    return after === undefined || KEYWORD_END.test(after);
  }

  #skipSpace(): void {
    while (!this.#atEnd() && /\s/.test(this.#peek())) this.#pos += 1;
  }

  #peek(): string {
    return this.#input[this.#pos] ?? '';
  }

  #atEnd(): boolean {
    return this.#pos >= this.#input.length;
  }

  #fail(message: string, position: number, length: number, expected: string[]): never {
    throw new QueryError('syntax', message, position, length, expected);
  }
}

function end(node: QueryNode): number {
  return node.position + node.length;
}

function combine(type: 'and' | 'or', children: QueryNode[]): QueryNode {
  const [first] = children;
  if (children.length === 1 && first) return first;
  const position = first?.position ?? 0;
  const last = children[children.length - 1];
  return { type, children, position, length: (last ? end(last) : position) - position };
}
