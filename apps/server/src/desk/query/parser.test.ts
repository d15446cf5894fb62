import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { MAX_QUERY_DEPTH, parseQuery, type QueryNode } from './parser.js';

const ISSUE_EXAMPLE =
  'status:open priority:>=high assignee:me client:"ACME AB" created:>-7d category:(network OR printers) -label:duplicate "vpn down"';

/** The tree without positions, to compare shapes. */
function shape(node: QueryNode): unknown {
  switch (node.type) {
    case 'and':
    case 'or':
      return { [node.type]: node.children.map(shape) };
    case 'not':
      return { not: shape(node.child) };
    case 'text':
      return node.quoted ? `"${node.text}"` : node.text;
    case 'field': {
      const values = node.values.map((value) => (value.quoted ? `"${value.text}"` : value.text));
      return `${node.field}${node.operator}${node.list ? `(${values.join('|')})` : values[0]}`;
    }
  }
}

function syntaxError(input: string): QueryError {
  try {
    parseQuery(input);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`'${input}' parsed`);
}

describe('parseQuery', () => {
  it("parses the issue's example into the expected tree", () => {
    const tree = parseQuery(ISSUE_EXAMPLE);
    expect(shape(tree)).toEqual({
      and: [
        'status:open',
        'priority>=high',
        'assignee:me',
        'client:"ACME AB"',
        'created>-7d',
        'category:(network|printers)',
        { not: 'label:duplicate' },
        '"vpn down"',
      ],
    });
    if (tree.type !== 'and') throw new Error('expected and');
    const [, priority, , client] = tree.children;
    expect(priority).toMatchObject({
      type: 'field',
      field: 'priority',
      operator: '>=',
      position: 12,
      length: 15,
      operatorPosition: 21,
      values: [{ text: 'high', quoted: false, position: 23, length: 4 }],
    });
    expect(client).toMatchObject({ values: [{ text: 'ACME AB', quoted: true, position: 47, length: 9 }] });
    expect(tree.children.at(-1)).toMatchObject({ type: 'text', text: 'vpn down', position: ISSUE_EXAMPLE.length - 10 });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(shape(parseQuery('a b OR c'))).toEqual({ or: [{ and: ['a', 'b'] }, 'c'] });
    expect(shape(parseQuery('a AND b OR c AND d'))).toEqual({ or: [{ and: ['a', 'b'] }, { and: ['c', 'd'] }] });
    expect(shape(parseQuery('-a b'))).toEqual({ and: [{ not: 'a' }, 'b'] });
    expect(shape(parseQuery('NOT a OR b'))).toEqual({ or: [{ not: 'a' }, 'b'] });
    expect(shape(parseQuery('a (b OR c)'))).toEqual({ and: ['a', { or: ['b', 'c'] }] });
    expect(shape(parseQuery('-(a OR b) NOT c'))).toEqual({ and: [{ not: { or: ['a', 'b'] } }, { not: 'c' }] });
  });

  it('gives every node the span of its text, groups with their parentheses', () => {
    expect(parseQuery('x -(a OR b)')).toMatchObject({
      type: 'and',
      position: 0,
      length: 11,
      children: [
        { type: 'text', position: 0, length: 1 },
        { type: 'not', position: 2, length: 9, child: { type: 'or', position: 3, length: 8 } },
      ],
    });
  });

  it('treats only upper-case standalone OR/AND/NOT as keywords', () => {
    expect(shape(parseQuery('a or b'))).toEqual({ and: ['a', 'or', 'b'] });
    expect(shape(parseQuery('ORDER ANDROID'))).toEqual({ and: ['ORDER', 'ANDROID'] });
    expect(shape(parseQuery('order:5'))).toEqual('order:5');
    expect(shape(parseQuery('e-mail'))).toEqual('e-mail');
  });

  it('reads quoted text with escapes', () => {
    expect(shape(parseQuery('"say \\"hi\\" \\\\ ok"'))).toEqual('"say "hi" \\ ok"');
    expect(shape(parseQuery('client:"A \\"B\\""'))).toEqual('client:"A "B""');
    expect(shape(parseQuery('""'))).toEqual('""');
    expect(shape(parseQuery('"a\\nb"'))).toEqual('"a\\nb"');
  });

  it('reads comparisons, value lists and values with colons', () => {
    expect(shape(parseQuery('created:<=2026-11-01 created:<today number:>5'))).toEqual({
      and: ['created<=2026-11-01', 'created<today', 'number>5'],
    });
    expect(shape(parseQuery('category:( a OR "b c" )'))).toEqual('category:(a|"b c")');
    expect(shape(parseQuery('order:A:17'))).toEqual('order:A:17');
  });

  it('parses empty and blank input to an empty AND', () => {
    expect(parseQuery('')).toEqual({ type: 'and', children: [], position: 0, length: 0 });
    expect(parseQuery('  \t ')).toMatchObject({ type: 'and', children: [] });
  });

  it.each([
    ['priority:>=', 11, 0, ['a value']],
    ['priority: high', 9, 0, ['a value']],
    ['(status:open', 12, 0, ["')'", "'OR'"]],
    ['(a (b)', 6, 0, ["')'", "'OR'"]],
    ['status:open)', 11, 1, ['a term', "'OR'", 'end of input']],
    ['a OR', 4, 0, ['a term']],
    ['OR a', 0, 2, ['a term']],
    ['a AND OR b', 6, 2, ['a term']],
    ['a -', 3, 0, ['a term']],
    ['- a', 1, 0, ['a term']],
    ['NOT', 3, 0, ['a term']],
    ['()', 1, 1, ['a term']],
    ['"vpn down', 0, 9, ["'\"'"]],
    ['client:"ACME', 7, 5, ["'\"'"]],
    [':x', 0, 1, ['a field name']],
    ['category:(a b)', 12, 1, ["'OR'", "')'"]],
    ['category:(a OR', 14, 0, ['a value']],
    ['category:(a', 11, 0, ["'OR'", "')'"]],
    ['category:()', 10, 1, ['a value']],
    ['priority:>(high)', 10, 1, ['a value']],
  ])('%s → a syntax error at %i (length %i) expecting %j', (input, position, length, expected) => {
    const error = syntaxError(input);
    expect(error).toMatchObject({ code: 'syntax', position, length, expected });
    expect(error.message).toBeTruthy();
  });

  it('limits length and nesting', () => {
    expect(syntaxError('a'.repeat(2_001))).toMatchObject({ code: 'too_long', position: 2_000, length: 1 });
    expect(() => parseQuery('a'.repeat(2_000))).not.toThrow();
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    expect(() => parseQuery(nested(MAX_QUERY_DEPTH))).not.toThrow();
    expect(syntaxError(nested(MAX_QUERY_DEPTH + 1))).toMatchObject({ code: 'too_deep', position: 20, length: 1 });
    expect(syntaxError(`${'-'.repeat(MAX_QUERY_DEPTH + 1)}a`)).toMatchObject({ code: 'too_deep' });
    expect(syntaxError(`${'NOT '.repeat(MAX_QUERY_DEPTH + 1)}a`)).toMatchObject({ code: 'too_deep', length: 3 });
  });
});
