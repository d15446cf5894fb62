import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuery, type QueryContext } from './compiler.js';
import { QueryError } from './errors.js';
import { CONTEXT, INCIDENT_FIELDS, OTHER, openTestStore, type TestStore } from './test-fixture.js';

const ISSUE_EXAMPLE =
  'status:open priority:>=high assignee:me client:"ACME AB" created:>-7d category:(network OR printers) -label:duplicate "vpn down"';
const ALL = Array.from({ length: 18 }, (_, index) => index + 1);
const except = (...ids: number[]) => ALL.filter((id) => !ids.includes(id));

let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
});

afterAll(async () => {
  await store?.close();
});

const matches = (input: string, context: QueryContext = CONTEXT) =>
  store.ids(compileQuery(input, INCIDENT_FIELDS, context));

function semanticError(input: string): QueryError {
  try {
    compileQuery(input, INCIDENT_FIELDS, CONTEXT);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`'${input}' compiled`);
}

describe('compileQuery against incidents', () => {
  it.each<[string, number[]]>([
    [ISSUE_EXAMPLE, [1, 17]],
    ['', ALL],
    ['status:open', except(4, 11, 16, 18)],
    ['status:done', [4, 11, 16, 18]],
    ['-status:open', [4, 11, 16, 18]],
    ['STATUS:New', [1, 5, 6, 7, 8, 9, 10, 12, 14]],
    ['status:(waiting OR done)', [3, 4, 11, 13, 16, 18]],
    ['priority:>=high', [1, 2, 3, 4, 6, 7, 8, 9, 10, 14, 17, 18]],
    ['priority:>high', [2, 9, 14, 17]],
    ['priority:<normal', [11, 12, 15]],
    ['priority:<=normal priority:>low', [5, 13, 16]],
    ['priority:<low', []],
    ['assignee:me', [1, 2, 3, 4, 5, 8, 9, 10, 16, 17, 18]],
    ['assignee:none', [7, 12, 15]],
    ['-assignee:me', [6, 7, 11, 12, 13, 14, 15]],
    [`requester:${OTHER.toUpperCase()}`, [1, 3, 5, 7, 9, 11, 13, 15, 17]],
    ['created:>-7d', except(9, 11, 14, 15, 16)],
    ['created:<-7d', [9, 11, 14, 15, 16]],
    ['created:-3h', [18]],
    ['created:>+1h', []],
    ['created:<2h', ALL],
    ['created:today', [12, 18]],
    ['created:yesterday', [1, 4, 5, 6, 7, 8, 10, 17]],
    ['created:2026-11-01', [14, 15]],
    ['created:<2026-11-02', [14, 15]],
    ['created:<=2026-11-01', [14, 15]],
    ['created:>2026-11-01', except(14, 15)],
    ['created:>=2026-11-02 created:<-9d', [9, 11, 16]],
    ['resolved:none', ALL],
    ['category:(network OR printers)', [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 17, 18]],
    ['status:waiting OR priority:critical', [2, 3, 9, 13, 14, 17]],
    ['status:waiting OR priority:critical assignee:me', [2, 3, 9, 13, 17]],
    ['(status:waiting OR priority:critical) AND assignee:me', [2, 3, 9, 17]],
    ['NOT (status:new OR status:in_progress)', [3, 4, 11, 13, 16, 18]],
    ['label:duplicate', [3, 14]],
    ['-label:duplicate', except(3, 14)],
    ['label:none', except(3, 11, 14, 18)],
    ['label:(urgent OR vip)', [11, 14, 18]],
    ['label:DUP*', [3, 14]],
    ['"växel"', [12, 13]],
    ['VÄXEL Trasig', [12]],
    ['mail', [15, 16]],
    ['"!!!"', ALL],
    ['client:"ACME AB"', [1, 2, 3, 4, 5, 6, 7, 9, 10, 17, 18]],
    ['client:acme*', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18]],
    ['client:100%', []],
    ['client:100%*', [12]],
    ['client:a_b*', [14]],
    ['client:"acme*"', []],
    ['client:none', [15]],
    ['-client:*', [15]],
    ['number:1003', [3]],
    ['number:>=1015', [15, 16, 17, 18]],
  ])('%s', async (input, expected) => {
    expect(await matches(input)).toEqual(expected);
  });

  it('finds nothing for `me` without a signed-in user', async () => {
    expect(await matches('assignee:me', { ...CONTEXT, userId: null })).toEqual([]);
    expect(await matches('-assignee:me', { ...CONTEXT, userId: null })).toEqual(ALL);
  });

  it('counts days in the given time zone', async () => {
    const stockholm = { ...CONTEXT, timeZone: 'Europe/Stockholm' };
    expect(await matches('created:2026-11-01', stockholm)).toEqual([14]);
    expect(await matches('created:2026-11-02', stockholm)).toEqual([15, 16]);
  });

  it('sends what the user typed only as parameters', () => {
    const hostile = `client:"x' or 1=1 --" "'; drop table incidents; --" label:"a']::text[] or true --"`;
    const compiled = sql`select 1 where ${compileQuery(hostile, INCIDENT_FIELDS, CONTEXT)}`.compile(store.db);
    expect(compiled.sql).not.toMatch(/1=1|drop table|or true/);
    expect(compiled.parameters).toEqual(expect.arrayContaining(["x' or 1=1 --", "a']::text[] or true --"]));
  });

  it('returns true for empty input', () => {
    expect(sql`${compileQuery('  ', INCIDENT_FIELDS, CONTEXT)}`.compile(store.db).sql).toBe('true');
  });

  it.each([
    ['foo:bar', 'unknown_field', 0, 3, ['assignee', 'category', 'client', 'created', 'group', 'label']],
    ['a Foo:bar', 'unknown_field', 2, 3, ['assignee']],
    ['status:opn', 'bad_value', 7, 3, ['new', 'in_progress', 'waiting', 'resolved', 'closed', 'open', 'done']],
    ['priority:>urgent', 'bad_value', 10, 6, ['low', 'normal', 'high', 'critical']],
    ['priority:>open', 'bad_value', 10, 4, ['low']],
    ['status:>new', 'bad_operator', 7, 1, ["':'"]],
    ['client:>=a', 'bad_operator', 7, 2, ["':'"]],
    ['created:2026-02-30', 'bad_value', 8, 10, ['YYYY-MM-DD']],
    ['created:>last-week', 'bad_value', 9, 9, ['today']],
    ['created:-999999w', 'bad_value', 8, 8, ['today']],
    ['created:>none', 'bad_value', 9, 4, ['today']],
    ['assignee:bob', 'bad_value', 9, 3, ['me', 'none']],
    ['number:1.5', 'bad_value', 7, 3, ['a whole number']],
    ['category:(a OR b) number:(1 OR x)', 'bad_value', 31, 1, ['a whole number']],
  ])('%s → %s at %i (length %i)', (input, code, position, length, expected) => {
    const error = semanticError(input);
    expect(error).toMatchObject({ code, position, length });
    expect(error.expected).toEqual(expect.arrayContaining(expected));
  });

  it('names the known fields when a field is unknown', () => {
    expect(semanticError('foo:bar').message).toMatch(/known fields: .*priority.*status/);
    expect(semanticError('foo:bar').expected).toEqual(Object.keys(INCIDENT_FIELDS.fields).sort());
  });
});
