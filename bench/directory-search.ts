import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.js';
import { editablePerson } from '../apps/server/src/directory/editable.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import { ADMIN_PASSWORD } from './kontor-node.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { flagValue, readSettings } from './settings.js';
import { fixed, median, table } from './stats.js';

/** What a person types, one key at a time: prefixes of names, a typo, no diacritics, a function, a number. */
const TYPED = ['goran akeson', 'Märta Sjöberg', 'lindkvist', 'jourhavande iva', 'akutmottagningen', '08-465 004 1'];
const queries = TYPED.flatMap((text) => Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)));
const ROUNDS = 5;
/** `--people N` adds N invented people to the demo region first, to see how search scales. */
const EXTRA_PEOPLE = Number(flagValue(process.argv.slice(2), '--people') ?? process.env.BENCH_PEOPLE ?? 0);

interface StoreFigures {
  store: string;
  people: number;
  searches: number;
  medianMs: number;
  p95Ms: number;
  lookupMedianMs: number;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? NaN;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Invented people spread over the demo's units, written as the admin service writes them (keys included). */
export async function addPeople(node: KontorNode, count: number) {
  const db = node.platform.db;
  const units = (await sql<{ id: string }>`select id from directory.units`.execute(db)).rows;
  const given = ['Anna', 'Erik', 'Märta', 'Jörgen', 'Åsa', 'Linnéa', 'Per', 'Sören', 'Ylva', 'Håkan', 'Karin'];
  const family = ['Andersson', 'Lindqvist', 'Öberg', 'Sjöberg', 'Åkesson', 'Nilsson', 'Ek', 'Wallin', 'Ström'];
  for (let start = 0; start < count; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
      const n = start + i;
      const person = {
        unitId: units[n % units.length]?.id ?? '',
        givenName: given[n % given.length] ?? '',
        familyName: `${family[Math.floor(n / given.length) % family.length]}${n % 7 === 0 ? '' : `-${n}`}`,
        title: 'Sjuksköterska',
      };
      return {
        id: randomUUID(),
        unit_id: person.unitId,
        given_name: person.givenName,
        family_name: person.familyName,
        title: person.title,
        ...editablePerson.derived(person),
      };
    });
    await db.insertInto('directory.people').values(rows).execute();
  }
  await sql`analyze`.execute(db);
}

/** Search over HTTP as the web app calls it, against a bare primary-key lookup in the same database. */
async function measure(store: string, node: KontorNode): Promise<StoreFigures> {
  await addPeople(node, EXTRA_PEOPLE);
  const login = await node.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD },
  });
  const cookie = `kontor_session=${login.cookies.find((c) => c.name === 'kontor_session')?.value}`;
  const search = (q: string) => node.app.inject({ url: '/api/directory/search', query: { q }, headers: { cookie } });
  const ids = (await sql<{ id: string }>`select id from directory.people`.execute(node.platform.db)).rows;
  const lookup = (id: string) => sql`select * from directory.people where id = ${id}`.execute(node.platform.db);
  for (const q of queries) await search(q); // warm-up: plans, JIT, caches
  const searchMs: number[] = [];
  const lookupMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, q] of queries.entries()) {
      searchMs.push(await timed(() => search(q)));
      lookupMs.push(await timed(() => lookup(ids[i % ids.length]?.id ?? '')));
    }
  }
  return {
    store,
    people: ids.length,
    searches: searchMs.length,
    medianMs: median(searchMs),
    p95Ms: percentile(searchMs, 0.95),
    lookupMedianMs: median(lookupMs),
  };
}

async function onStore(store: string, databaseUrl?: string): Promise<StoreFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-directory-'));
  const config = loadConfig({
    flags: { dataDir, adminPassword: ADMIN_PASSWORD, logLevel: 'silent', databaseUrl },
    env: {},
  });
  const node = await createNode(config, databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } });
  try {
    return await measure(store, node);
  } finally {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runDirectorySearchBench(pgUrl: string): Promise<{ figures: StoreFigures[]; skipped: string[] }> {
  const figures = [await onStore('PGlite')];
  const postgres = await createThrowawayDatabase(pgUrl);
  if ('skipped' in postgres) return { figures, skipped: [postgres.skipped] };
  try {
    figures.push(await onStore('PostgreSQL', postgres.database.url));
  } finally {
    await postgres.database.drop();
  }
  return { figures, skipped: [] };
}

export function formatDirectorySearchResult({ figures, skipped }: Awaited<ReturnType<typeof runDirectorySearchBench>>) {
  const rows = figures.map((f) => [
    f.store,
    String(f.people),
    String(f.searches),
    fixed(f.medianMs, 1),
    fixed(f.p95Ms, 1),
    fixed(f.lookupMedianMs, 2),
    fixed(f.medianMs / f.lookupMedianMs, 0),
  ]);
  return [
    `Directory search as you type over HTTP (demo region${EXTRA_PEOPLE ? ` + ${EXTRA_PEOPLE} people` : ''}, ${queries.length} keystrokes × ${ROUNDS} rounds)`,
    table([['store', 'people', 'searches', 'median ms', 'p95 ms', 'pk lookup ms', 'ratio'], ...rows]),
    ...skipped.map((reason) => `skipped: ${reason}`),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  console.log(formatDirectorySearchResult(await runDirectorySearchBench(readSettings().pgUrl)));
}
