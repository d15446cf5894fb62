import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pglitePoolConfig } from './pglite-connection.js';

let pglite: PGlite;
let pool: pg.Pool;

beforeEach(async () => {
  pglite = await PGlite.create();
  pool = new pg.Pool(pglitePoolConfig(pglite));
  await pool.query('create table items (id int primary key, name text not null)');
});

afterEach(async () => {
  await pool.end();
  await pglite.close();
});

const prepared = async () =>
  (await pool.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
    (row) => row.statement,
  );
const failure = (query: Promise<unknown>) =>
  query.then(
    () => 'no error',
    (error: Error) => error.message,
  );

describe('node-postgres over PGlite', () => {
  it('answers statements with parameters, preparing each text once however often it runs', async () => {
    for (let id = 1; id <= 5; id++)
      await pool.query('insert into items (id, name) values ($1, $2)', [id, `item ${id}`]);
    const found = await pool.query('select name from items where id = $1', [3]);
    expect(found.rows).toEqual([{ name: 'item 3' }]);
    expect((await pool.query('select name from items where id = $1', [4])).rows).toEqual([{ name: 'item 4' }]);
    expect(await prepared()).toEqual(
      expect.arrayContaining(['insert into items (id, name) values ($1, $2)', 'select name from items where id = $1']),
    );
    expect(await prepared()).toHaveLength(2);
  });

  it('reports errors as before and keeps no statement the database refused', async () => {
    const unknownColumn = 'select missing from items where id = $1';
    expect(await failure(pool.query(unknownColumn, [1]))).toBe('column "missing" does not exist');
    expect(await failure(pool.query(unknownColumn, [1]))).toBe('column "missing" does not exist');
    expect(await prepared()).toEqual([]);
    expect(await failure(pool.query('select name from items where id = $1', ['one']))).toBe(
      'invalid input syntax for type integer: "one"',
    );
    expect((await pool.query('select count(*)::int as n from items where id > $1', [0])).rows).toEqual([{ n: 0 }]);
  });

  it('rolls a transaction back after a failed statement, and the connection goes on', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('insert into items (id, name) values ($1, $2)', [1, 'kept?']);
      expect(await failure(client.query('insert into items (id, name) values ($1, $2)', [1, 'twice']))).toMatch(
        /duplicate key/,
      );
      expect(await failure(client.query('select name from items where id = $1', [1]))).toMatch(
        /current transaction is aborted/,
      );
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect((await pool.query('select name from items where id = $1', [1])).rows).toEqual([]);
  });

  it('answers the new columns after the table changed under a kept statement, preparing it anew', async () => {
    await pool.query('insert into items (id, name) values ($1, $2)', [1, 'gloves']);
    const everything = 'select * from items where id = $1';
    expect((await pool.query(everything, [1])).rows).toEqual([{ id: 1, name: 'gloves' }]);
    await pool.query('alter table items add column unit text');
    expect((await pool.query(everything, [1])).rows).toEqual([{ id: 1, name: 'gloves', unit: null }]);
    // Those from before the change are closed, not left behind.
    expect(await prepared()).toEqual([everything]);
  });

  it('prepares statements anew after a DO block changed a table, as a migration may', async () => {
    const everything = 'select * from items where id = $1';
    await pool.query(everything, [1]);
    await pool.query('do $$ begin alter table items add column unit text; end $$');
    expect((await pool.query(everything, [1])).rows).toEqual([]);
    expect((await pool.query('insert into items values ($1, $2, $3) returning *', [1, 'gloves', 'box'])).rows).toEqual([
      { id: 1, name: 'gloves', unit: 'box' },
    ]);
    expect((await pool.query(everything, [1])).rows).toEqual([{ id: 1, name: 'gloves', unit: 'box' }]);
  });

  it('plans every execution with its values: a partial unique index is found by a parameter, every time', async () => {
    await pool.query('create table boards (id int primary key, owner int not null, is_default boolean not null)');
    await pool.query('create unique index one_default on boards (owner) where is_default');
    const insertDefault = `insert into boards (id, owner, is_default) values ($1, $2, true)
      on conflict (owner) where is_default = $3 do nothing returning id`;
    const created = [];
    for (let id = 1; id <= 10; id++) created.push((await pool.query(insertDefault, [id, id % 2, true])).rowCount);
    expect(created).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps at most 500 prepared statements, closing the least recently used', async () => {
    for (let n = 0; n < 520; n++) await pool.query(`select $1::int + ${n} as n`, [1]);
    const kept = await prepared();
    expect(kept).toHaveLength(500);
    expect(kept).not.toContain('select $1::int + 0 as n');
    expect((await pool.query('select $1::int + 0 as n', [1])).rows).toEqual([{ n: 1 }]);
  });
});
