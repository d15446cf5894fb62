import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { PricingService } from '../apps/server/src/commerce/catalog/pricing-service.js';
import { ShopReadService } from '../apps/server/src/commerce/catalog/shop-read-service.js';
import { seedCheckoutDemo } from '../apps/server/src/commerce/checkout/seed-demo.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import { freePort, stop } from './child.js';
import { percentile } from './latency.js';
import { isMain } from './main.js';
import { createThrowawayDatabase } from './postgres.js';
import { redact } from './settings.js';
import { fixed, table } from './stats.js';

// `node --import tsx bench/commerce-checkout.ts`: issue 7's "checkout orders/s". A Kontor hub runs in this process
// (PGlite in memory, then PostgreSQL), with a small catalog of plenty of stock; a separate client process runs N
// shoppers, each in a loop: add a random SKU to its guest cart (POST /api/shop/cart/lines), then check out
// (POST /api/shop/checkout with an Idempotency-Key). Every checkout is the whole thing: re-pricing, discounts,
// shipping, stock, the order, and (unless BENCH_PAYMENTS=off) the payment opened at the Stripe stand-in
// (examples/stripe-standin) running as a third process. Baseline in the same run: GET /healthz from the same client
// process with the same concurrency (the HTTP floor of this machine).
// Settings: BENCH_CLIENTS (10), BENCH_SECONDS (10), BENCH_PAYMENTS (standin | off), BENCH_PG_URL (off skips it).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PAYMENTS = process.env.BENCH_PAYMENTS === 'off' ? 'off' : 'standin';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET_KEY = 'sk_test_bench_checkout';
const WEBHOOK_SECRET = 'whsec_bench_checkout';
const RETAIL = '00000000-0000-4000-8000-00000000c0de';
const SKUS = Array.from({ length: 20 }, (_, index) => `BENCH-SKU-${String(index + 1).padStart(2, '0')}`);

interface ClientFigures {
  seconds: number;
  orders: number;
  /** Answers other than 201 to a checkout, or 200 to an add. */
  failures: number;
  paymentsStarted: number;
  checkoutMs: number[];
  addMs: number[];
  baselinePerSec: number;
}

export interface CheckoutFigures {
  store: string;
  clients: number;
  payments: 'standin' | 'off';
  ordersPerSec: number;
  checkoutP50: number;
  checkoutP99: number;
  addP50: number;
  failures: number;
  paymentsStarted: number;
  baselinePerSec: number;
}

// ---- the client process ----

/** One shopper: a guest with its own cart cookie, adding then checking out, until the time is up. */
async function shopper(url: string, until: number, figures: ClientFigures) {
  let cookie = '';
  const headers = () => ({ 'content-type': 'application/json', ...(cookie ? { cookie } : {}) });
  const body = JSON.stringify({
    email: 'bench@example.se',
    name: 'Bench Shopper',
    customerKind: 'person',
    shippingAddress: {
      name: 'Bench Shopper',
      line1: 'Hamngatan 4',
      postalCode: '451 30',
      city: 'Uddevalla',
      country: 'SE',
    },
    shippingMethod: 'postnord-parcel',
    acceptTerms: true,
  });
  while (Date.now() < until) {
    const sku = SKUS[Math.floor(Math.random() * SKUS.length)];
    let startedAt = performance.now();
    const added = await fetch(`${url}/api/shop/cart/lines`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ sku, quantity: 1 + Math.floor(Math.random() * 3) }),
    });
    figures.addMs.push(performance.now() - startedAt);
    const set = added.headers.getSetCookie().find((line) => line.startsWith('kontor_cart='));
    if (set) cookie = set.split(';')[0] as string;
    await added.arrayBuffer();
    if (added.status !== 200) {
      figures.failures += 1;
      continue;
    }
    startedAt = performance.now();
    const placed = await fetch(`${url}/api/shop/checkout`, {
      method: 'POST',
      headers: { ...headers(), 'idempotency-key': randomUUID() },
      body,
    });
    const answer = (await placed.json()) as { payment?: { status: string } };
    if (Date.now() > until) break;
    figures.checkoutMs.push(performance.now() - startedAt);
    if (placed.status !== 201) {
      figures.failures += 1;
      continue;
    }
    figures.orders += 1;
    if (answer.payment?.status === 'started') figures.paymentsStarted += 1;
  }
}

async function baseline(url: string, clients: number, seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const response = await fetch(`${url}/healthz`);
        await response.arrayBuffer();
        done += 1;
      }
    }),
  );
  return done / seconds;
}

async function runClients(url: string, clients: number, seconds: number): Promise<ClientFigures> {
  const figures: ClientFigures = {
    seconds,
    orders: 0,
    failures: 0,
    paymentsStarted: 0,
    checkoutMs: [],
    addMs: [],
    baselinePerSec: await baseline(url, clients, Math.min(3, seconds)),
  };
  const startedAt = Date.now();
  const until = startedAt + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, () => shopper(url, until, figures)));
  figures.seconds = (Date.now() - startedAt) / 1000;
  return figures;
}

// ---- the bench process ----

const run = promisify(execFile);

/** Starts the Stripe stand-in as its own process; resolves when it listens. */
async function startStandin(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const script = join(ROOT, 'examples/stripe-standin/main.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--port', String(port), '--secret-key', SECRET_KEY, '--webhook-secret', WEBHOOK_SECRET],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the stand-in did not start:\n${output}`)), 60_000);
    const hear = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code}):\n${output}`)));
  });
  // Its log of every session would fill the pipe: drain it.
  child.stdout?.resume();
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A catalog for the run: published products with stock no run can use up, priced in SEK. */
async function seedBenchCatalog(node: KontorNode) {
  const db = node.platform.db;
  const pricing = new PricingService(node.platform);
  await seedCheckoutDemo(node.platform, { pricing, read: new ShopReadService(pricing) });
  const categoryId = randomUUID();
  await db
    .insertInto('commerce.categories')
    .values({ id: categoryId, slug: 'bench-gear', name: JSON.stringify({ sv: 'Testutrustning', en: 'Bench gear' }) })
    .execute();
  for (const [index, sku] of SKUS.entries()) {
    const productId = randomUUID();
    const variantId = randomUUID();
    await db
      .insertInto('commerce.products')
      .values({
        id: productId,
        slug: `bench-${index + 1}`,
        status: 'published',
        name: JSON.stringify({ sv: `Testvara ${index + 1}`, en: `Bench item ${index + 1}` }),
        published_at: sql`now()`,
      })
      .execute();
    await db
      .insertInto('commerce.product_categories')
      .values({ product_id: productId, category_id: categoryId })
      .execute();
    await db
      .insertInto('commerce.variants')
      .values({ id: variantId, product_id: productId, sku, weight_grams: 200 + index * 10 })
      .execute();
    await db.insertInto('commerce.stock').values({ variant_id: variantId, on_hand: 100_000_000 }).execute();
    await db
      .insertInto('commerce.prices')
      .values({
        id: randomUUID(),
        price_list_id: RETAIL,
        variant_id: variantId,
        currency: 'SEK',
        amount_minor: 9_900 + index * 1_000,
      })
      .execute();
  }
}

async function measure(
  store: string,
  databaseUrl: string | undefined,
  stripeUrl: string | null,
): Promise<CheckoutFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-checkout-'));
  let node: KontorNode | undefined;
  try {
    const config = loadConfig({
      flags: {
        dataDir,
        adminPassword: 'bench-checkout-admin-password',
        logLevel: 'silent',
        demo: false,
        host: '127.0.0.1',
        port: 0,
        databaseUrl,
        // Every shopper comes from 127.0.0.1: the per-address limit would otherwise stop the run.
        commerceRateLimitPerMinute: 100_000_000,
        ...(stripeUrl && {
          commerceStripeApiUrl: stripeUrl,
          commerceStripeSecretKey: SECRET_KEY,
          commerceStripeWebhookSecret: WEBHOOK_SECRET,
        }),
      },
      env: {},
    });
    node = await createNode(config, databaseUrl ? {} : { store: { kind: 'pglite', dir: 'memory' } });
    await seedBenchCatalog(node);
    const url = await node.app.listen({ host: '127.0.0.1', port: 0 });
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--client', url, String(CLIENTS), String(SECONDS)],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    const figures = JSON.parse(stdout) as ClientFigures;
    const checkout = [...figures.checkoutMs].sort((a, b) => a - b);
    const add = [...figures.addMs].sort((a, b) => a - b);
    return {
      store,
      clients: CLIENTS,
      payments: stripeUrl ? 'standin' : 'off',
      ordersPerSec: figures.orders / figures.seconds,
      checkoutP50: percentile(checkout, 50),
      checkoutP99: percentile(checkout, 99),
      addP50: percentile(add, 50),
      failures: figures.failures,
      paymentsStarted: figures.paymentsStarted,
      baselinePerSec: figures.baselinePerSec,
    };
  } finally {
    await node?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatCheckoutResult(results: CheckoutFigures[]): string {
  return table([
    ['store', 'clients', 'payment', 'orders/s', 'checkout p50 ms', 'p99 ms', 'add p50 ms', 'failed', 'GET /healthz/s'],
    ...results.map((r) => [
      r.store,
      String(r.clients),
      r.payments === 'off' ? 'not started' : `stand-in (${r.paymentsStarted} opened)`,
      fixed(r.ordersPerSec, 1),
      fixed(r.checkoutP50, 1),
      fixed(r.checkoutP99, 1),
      fixed(r.addP50, 1),
      String(r.failures),
      fixed(r.baselinePerSec, 0),
    ]),
  ]);
}

export async function runCheckoutBench(log: (line: string) => void = console.log): Promise<CheckoutFigures[]> {
  const standin = PAYMENTS === 'standin' ? await startStandin() : null;
  const results: CheckoutFigures[] = [];
  try {
    log(
      `checkout: ${CLIENTS} shoppers for ${SECONDS} s per store; payments ${standin ? `at the stand-in ${standin.url}` : 'off (the figure excludes the provider)'}`,
    );
    results.push(await measure('PGlite (memory)', undefined, standin?.url ?? null));
    const created = await createThrowawayDatabase(PG_URL);
    if ('skipped' in created) log(`skipping PostgreSQL: ${created.skipped}`);
    else {
      try {
        results.push(await measure(`PostgreSQL (${redact(PG_URL)})`, created.database.url, standin?.url ?? null));
      } finally {
        await created.database.drop();
      }
    }
    log(formatCheckoutResult(results));
    return results;
  } finally {
    if (standin) await stop(standin.child);
  }
}

if (isMain(import.meta.url)) {
  const clientAt = process.argv.indexOf('--client');
  if (clientAt >= 0) {
    const [url, clients, seconds] = process.argv.slice(clientAt + 1);
    process.stdout.write(JSON.stringify(await runClients(url as string, Number(clients), Number(seconds))));
  } else {
    await runCheckoutBench();
  }
}
