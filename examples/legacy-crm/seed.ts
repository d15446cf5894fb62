import type { Transaction } from '@electric-sql/pglite';
import { z } from 'zod';
import { foldName } from './fold.js';
import {
  CITIES,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  ORDER_TEXTS,
  SEED_CURRENCIES,
  SEED_STATUSES,
} from './names.js';
import { CLIENT_ID_DIGITS, ORDER_ID_DIGITS, ORDER_NUMBER_BASE, ORDER_NUMBER_PREFIX } from './records.js';

export const seedSchema = z.strictObject({
  clients: z.number().int().min(0).max(500_000),
  ordersPerClient: z.number().int().min(0).max(20).default(3),
  /** The same seed on the same ids makes the same records. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type SeedOptions = z.input<typeof seedSchema>;
type SeedPlan = z.output<typeof seedSchema>;
export interface SeedResult {
  clients: number;
  orders: number;
}

const DAY_MS = 86_400_000;
const mailPart = (text: string) => foldName(text).replace(/[^a-z0-9]/g, '');

/**
 * The vocabulary as SQL parameters. Sort and search keys are folded here, in JS, by the documented rule, part by
 * part: folding `first + ' ' + last` gives `fold(first) + ' ' + fold(last)`, so SQL only joins folded parts.
 */
function vocabulary() {
  return {
    first: FIRST_NAMES,
    firstFolded: FIRST_NAMES.map(foldName),
    firstMail: FIRST_NAMES.map(mailPart),
    last: LAST_NAMES,
    lastFolded: LAST_NAMES.map(foldName),
    lastMail: LAST_NAMES.map(mailPart),
    suffix: COMPANY_SUFFIXES,
    suffixFolded: COMPANY_SUFFIXES.map(foldName),
    city: CITIES,
    cityFolded: CITIES.map(foldName),
    text: ORDER_TEXTS,
    textFolded: ORDER_TEXTS.map(foldName),
    status: SEED_STATUSES,
    currency: SEED_CURRENCIES,
  };
}

/** Numbers the `$name` placeholders of a statement; only the values it uses are sent (PostgreSQL types each one). */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const names: string[] = [];
  const text = sql.replace(/\$([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for $${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return [text, names.map((name) => values[name])];
}

/** One pick from a vocabulary list (1-based, as SQL arrays are). */
const from = (list: string, salt: number) => `1 + pick(n, ${salt}, $seed, cardinality($${list}::text[]))::int`;

const CLIENTS_SQL = `
insert into clients (id, version, name, sort_name, email, phone, org_number, city, created_at, updated_at)
select 'C' || lpad(n::text, $clientDigits, '0'), 1 + pick(n, 1, $seed, 4),
  case when company then ($last::text[])[l] || ' ' || ($suffix::text[])[x]
       else ($first::text[])[f] || ' ' || ($last::text[])[l] end,
  case when company then ($lastFolded::text[])[l] || ' ' || ($suffixFolded::text[])[x]
       else ($firstFolded::text[])[f] || ' ' || ($lastFolded::text[])[l] end,
  case when pick(n, 6, $seed, 10) = 0 then null
       when company then 'info.' || n || '@' || ($lastMail::text[])[l] || '.se'
       else ($firstMail::text[])[f] || '.' || ($lastMail::text[])[l] || '.' || n || '@example.se' end,
  case when pick(n, 7, $seed, 5) > 0 then '+46 7' || pick(n, 8, $seed, 10) || ' ' ||
    lpad(pick(n, 9, $seed, 1000)::text, 3, '0') || ' ' || lpad(pick(n, 10, $seed, 10000)::text, 4, '0') end,
  case when company then '556' || lpad(pick(n, 11, $seed, 1000)::text, 3, '0') || '-' ||
    lpad(pick(n, 12, $seed, 10000)::text, 4, '0') end,
  ($city::text[])[c],
  created, created + pick(n, 14, $seed, ${365 * DAY_MS}) * interval '1 millisecond'
from (
  select n, pick(n, 2, $seed, 100) < 20 as company, ${from('first', 3)} as f, ${from('last', 4)} as l,
    ${from('suffix', 5)} as x, ${from('city', 13)} as c,
    timestamptz '2016-01-01T00:00:00Z' + pick(n, 15, $seed, ${8 * 365 * DAY_MS}) * interval '1 millisecond' as created
  from generate_series($clientStart + 1, $clientStart + $clients) n
) s`;

const ORDERS_SQL = `
insert into orders (id, version, number, client_id, text, search_text, status, amount_minor, currency,
  ordered_at, updated_at)
select 'O' || lpad(n::text, $orderDigits, '0'), 1 + pick(n, 21, $seed, 3), $numberPrefix::text || ($numberBase + n),
  'C' || lpad(c::text, $clientDigits, '0'),
  ($text::text[])[t] || ', ' || ($city::text[])[ci],
  $numberPrefixFolded::text || ($numberBase + n) || ' ' || ($textFolded::text[])[t] || ', ' || ($cityFolded::text[])[ci],
  ($status::text[])[${from('status', 22)}], 10000 + pick(n, 23, $seed, 5000000),
  ($currency::text[])[${from('currency', 24)}], ordered, ordered + pick(n, 25, $seed, ${30 * DAY_MS}) * interval '1 millisecond'
from (
  select n, c, ${from('text', 26)} as t, ${from('city', 27)} as ci,
    timestamptz '2022-01-01T00:00:00Z' + pick(n, 28, $seed, ${3 * 365 * DAY_MS}) * interval '1 millisecond' as ordered
  from (
    select c, $orderStart + (c - $clientStart - 1) * $perClient + k as n
    from generate_series($clientStart + 1, $clientStart + $clients) c, generate_series(1, $perClient) k
  ) numbered
) o`;

/**
 * Generates `clients` clients numbered after `clientStart` and `ordersPerClient` orders for each, numbered after
 * `orderStart`, in two set-based statements. Record n of seed s is always the same record.
 */
export async function seedRecords(tx: Transaction, options: SeedPlan, clientStart: number, orderStart: number) {
  const common = { seed: options.seed, clientStart, clients: options.clients, clientDigits: CLIENT_ID_DIGITS };
  const words = vocabulary();
  await tx.query(...bind(CLIENTS_SQL, { ...common, ...words }));
  if (options.ordersPerClient === 0) return;
  await tx.query(
    ...bind(ORDERS_SQL, {
      ...common,
      ...words,
      orderStart,
      perClient: options.ordersPerClient,
      orderDigits: ORDER_ID_DIGITS,
      numberPrefix: ORDER_NUMBER_PREFIX,
      numberPrefixFolded: foldName(ORDER_NUMBER_PREFIX),
      numberBase: ORDER_NUMBER_BASE,
    }),
  );
}
