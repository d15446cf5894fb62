// The promise: whatever is typed into the filter box, the answer is a result or a QueryError (a 400),
// never another exception (a 500) and never an SQL error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuery, type QueryContext } from './compiler.js';
import { QueryError } from './errors.js';
import { CONTEXT, INCIDENT_FIELDS, OTHER, openTestStore, type TestStore } from './test-fixture.js';

const RUNS = 300;

let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
});

afterAll(async () => {
  await store?.close();
});

const fieldNames = [...Object.keys(INCIDENT_FIELDS.fields), 'Status', 'PRIORITY', 'foo', ''];
const values = [
  'open',
  'done',
  'new',
  'in_progress',
  'high',
  'low',
  'critical',
  'me',
  'none',
  'null',
  'NONE',
  OTHER,
  'bob',
  '-7d',
  '-30m',
  '-3h',
  '-2w',
  '-0d',
  '-999999w',
  'today',
  'yesterday',
  '2026-11-01',
  '2026-02-30',
  '0001-01-01',
  '9999-12-31',
  '100%',
  'a_b*',
  '*',
  '%',
  '_',
  '\\',
  "'",
  "';--",
  'växel',
  'ÅÄÖ',
  '123',
  '-5',
  '1.5',
  '99999999999999999999',
  'acme*',
  '"ACME AB"',
  '"a \\" b"',
  '""',
  '"',
  '(',
  ')',
  'OR',
  'AND',
  'NOT',
  ':',
  '-',
];
const operators = ['', '>', '>=', '<', '<=', '=', '!'];
const connectors = [' ', ' OR ', ' AND ', ' NOT ', ' -', '', '  ', '\t', '\n'];

const value = fc.constantFrom(...values);
const term = fc.oneof(
  fc
    .tuple(fc.constantFrom(...fieldNames), fc.constantFrom(...operators), value)
    .map(([field, operator, text]) => `${field}:${operator}${text}`),
  fc
    .tuple(fc.constantFrom(...fieldNames), fc.array(value, { minLength: 1, maxLength: 4 }))
    .map(([field, list]) => `${field}:(${list.join(' OR ')})`),
  value,
  fc.string({ maxLength: 8 }),
);
const query: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    fc.tuple(fc.boolean(), tie('expr')).map(([negate, inner]) => `${negate ? '-' : ''}(${inner})`),
    fc
      .tuple(tie('expr'), fc.constantFrom(...connectors), tie('expr'))
      .map(([left, connector, right]) => `${left}${connector}${right}`),
  ),
})).expr;

const context: fc.Arbitrary<QueryContext> = fc.record({
  userId: fc.constantFrom(CONTEXT.userId, null),
  now: fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-01-01T00:00:00Z'), noInvalidDate: true }),
  timeZone: fc.constantFrom('UTC', 'Europe/Stockholm', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati'),
});

/** Compiles and runs; only a QueryError may come out. */
async function answers(input: string, queryContext: QueryContext): Promise<void> {
  let where: ReturnType<typeof compileQuery>;
  try {
    where = compileQuery(input, INCIDENT_FIELDS, queryContext);
  } catch (error) {
    if (error instanceof QueryError) {
      expect(error.position).toBeGreaterThanOrEqual(0);
      expect(error.position + error.length).toBeLessThanOrEqual(input.length);
      expect(error.expected.length).toBeGreaterThan(0);
      return;
    }
    throw error;
  }
  await store.ids(where);
}

describe('filter-language fuzzing', () => {
  it('arbitrary strings give rows or a QueryError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })),
        context,
        answers,
      ),
      { numRuns: RUNS },
    );
  });

  it("strings built from the grammar's tokens give rows or a QueryError", async () => {
    await fc.assert(fc.asyncProperty(query, context, answers), { numRuns: RUNS });
  });
});
