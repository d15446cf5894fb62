#!/usr/bin/env node
// A supplier's integration service reading Kontor's order feed (README.md beside this file).
//
//   node supplier-feed.mjs poll [--once]   pages through GET /api/supplies/feed, resuming from a cursor file
//   node supplier-feed.mjs serve           receives Kontor's signed webhooks
//
// Node 20 or later, nothing to install: fetch, http and crypto are Node's own.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const env = process.env;
const TOLERANCE_SECONDS = 300;
const REMEMBERED_DELIVERIES = 10_000;

function required(name) {
  const value = env[name];
  if (!value) {
    console.error(`Set ${name} (see README.md).`);
    process.exit(2);
  }
  return value;
}

/** What the supplier's own system would be sent for a feed item; null when there is nothing to tell it. */
function supplierMessage({ kind, order }) {
  const purchaseOrder = {
    purchaseOrder: order.number,
    deliverTo: { unit: order.unitName, address: order.deliveryAddress },
    requestedDate: order.requestedDate,
    note: order.note,
    lines: order.lines.map((line) => ({
      articleNumber: line.articleNumber,
      quantity: line.quantity,
      unit: line.unit,
    })),
  };
  if (kind === 'order.request') return null; // the hub decides first; an accepted change comes as order.changed
  if (order.status === 'cancelled' || order.status === 'withdrawn') {
    return { action: 'cancel', purchaseOrder: order.number, reason: order.statusReason };
  }
  if (kind === 'order.placed') return { action: 'create', ...purchaseOrder };
  // Edited before the hub took it in, or a change request the hub accepted: the lines or address may differ.
  if (kind === 'order.changed') return { action: 'replace', ...purchaseOrder };
  // received, confirmed, delivered: the hub's own progress; the supplier already has the order.
  return null;
}

/** Prints a feed item (or a webhook body) and what would go to the supplier. */
function handle(item) {
  if (item.kind === 'ping') {
    console.log(`ping from Kontor (delivery ${item.id})`);
    return;
  }
  const { order } = item;
  console.log(
    `${item.kind} #${item.cursor} ${order.number} ${order.unitName} status=${order.status} ` +
      `requested=${order.requestedDate} at=${item.at}`,
  );
  for (const line of order.lines) {
    console.log(`  ${line.quantity} × ${line.unit}  ${line.articleNumber}  ${line.name}`);
  }
  const message = supplierMessage(item);
  console.log(message ? `  → would send to the supplier: ${JSON.stringify(message)}` : '  → nothing for the supplier');
}

async function readCursor(file) {
  try {
    return Number.parseInt((await readFile(file, 'utf8')).trim(), 10) || 0;
  } catch (error) {
    if (error.code === 'ENOENT') return 0;
    throw error;
  }
}

/** Written to a temporary file, then renamed over the old one: a crash never leaves half a cursor. */
async function saveCursor(file, cursor) {
  await writeFile(`${file}.tmp`, `${cursor}\n`);
  await rename(`${file}.tmp`, file);
}

async function poll(once) {
  const base = required('KONTOR_URL');
  const token = required('KONTOR_TOKEN');
  const cursorFile = env.KONTOR_CURSOR_FILE || '.supplier-feed-cursor';
  const limit = Number(env.KONTOR_FEED_LIMIT || 100);
  const idleMs = Number(env.KONTOR_POLL_MS || 5000);
  let cursor = await readCursor(cursorFile);
  let failures = 0;
  console.log(`reading ${base} from cursor ${cursor}`);
  for (;;) {
    const url = new URL('/api/supplies/feed', base);
    url.searchParams.set('after', String(cursor));
    url.searchParams.set('limit', String(limit));
    let page;
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      page = await response.json();
      failures = 0;
    } catch (error) {
      console.error(`could not read the feed: ${error.message}`);
      if (once) process.exit(1);
      failures += 1;
      await sleep(Math.min(60_000, 1000 * 2 ** failures));
      continue;
    }
    // Handled first, saved after: a crash in between hands the page over again (at least once), never loses it.
    for (const item of page.items) handle(item);
    if (page.next === cursor) {
      if (once) return;
      await sleep(idleMs);
      continue;
    }
    cursor = page.next;
    await saveCursor(cursorFile, cursor);
  }
}

/** Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
function verify(header, rawBody, secret) {
  const fields = String(header ?? '')
    .split(',')
    .map((part) => part.trim().split('='));
  const timestamp = Number(fields.find(([key]) => key === 't')?.[1]);
  const signatures = fields.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value);
  if (!Number.isInteger(timestamp) || signatures.length === 0) return 'malformed signature';
  if (Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) return 'signature too old';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const valid = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return valid ? null : 'wrong signature';
}

function serve() {
  const secret = required('KONTOR_WEBHOOK_SECRET');
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT ?? 4000);
  // Kontor sends at least once: a delivery whose answer got lost comes again with the same id.
  // A real service keeps these ids where it keeps what it did with them (same database transaction).
  const handled = new Set();
  const answer = (response, status, body) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    if (request.method !== 'POST') return answer(response, 405, { error: 'POST only' });
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > 5_000_000) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      // Verified over the raw bytes, before parsing: re-serialised JSON would not match the signature.
      const raw = Buffer.concat(chunks).toString('utf8');
      const problem = verify(request.headers['x-kontor-signature'], raw, secret);
      if (problem) {
        console.log(`refused a delivery: ${problem}`);
        return answer(response, 401, { error: problem });
      }
      const delivery = String(request.headers['x-kontor-delivery'] ?? '');
      if (handled.has(delivery)) {
        console.log(`delivery ${delivery} again: already handled`);
        return answer(response, 200, { duplicate: true });
      }
      try {
        handle(JSON.parse(raw));
      } catch (error) {
        // A 5xx makes Kontor retry later, with backoff.
        console.error(`could not handle delivery ${delivery}: ${error.message}`);
        return answer(response, 500, { error: 'could not handle it' });
      }
      handled.add(delivery);
      if (handled.size > REMEMBERED_DELIVERIES) handled.delete(handled.values().next().value);
      return answer(response, 200, { ok: true });
    });
  });
  server.listen(port, host, () => console.log(`listening on http://${host}:${server.address().port}`));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const [mode, ...flags] = process.argv.slice(2);
if (mode === 'poll') await poll(flags.includes('--once'));
else if (mode === 'serve') serve();
else {
  console.error('usage: node supplier-feed.mjs poll [--once] | serve');
  process.exit(2);
}
